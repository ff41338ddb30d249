// Secrets: the text of every Terraform, tfvars, JSON and HCL file (comments included) is scanned for values that
// look like credentials.

import fs from "node:fs";

const SECRET_PATTERNS = [
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, "an AWS access key id"],
  [/\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/, "an \"sk-\" API key"],
  [/-----BEGIN (?:[A-Z]+ )*PRIVATE KEY( BLOCK)?-----/, "a private key"],
  [/aws_secret_access_key\s*[=:]\s*["']?[A-Za-z0-9/+=]{40}/i, "an AWS secret access key"],
];

export function checkSecrets(allFiles, { fail, rel }) {
  for (const file of allFiles) {
    if (!/\.(tf|tfvars|json|hcl)$/.test(file) || file.endsWith("package-lock.json")) continue;
    const text = fs.readFileSync(file, "utf8");
    for (const [re, what] of SECRET_PATTERNS) {
      const hit = text.match(re);
      if (hit) {
        const line = text.slice(0, hit.index).split("\n").length;
        fail(`${rel(file)}:${line}: looks like ${what} is hard-coded; use variables fed from a secret store`);
      }
    }
  }
}
