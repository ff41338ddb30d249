// For `terraform validate` without the cloudflare provider (the offline mirror has only hashicorp/aws): rewrites a
// scratch copy of infra/terraform so modules/edge is a stub with the same variables and outputs (so every call and
// reference is still checked) and nothing requires or configures the cloudflare provider. The real module is still
// parsed and cross-checked by check.mjs.
// Usage: node stub-edge.mjs <scratch>/infra/terraform
import fs from "node:fs";
import path from "node:path";
import { parse } from "@cdktf/hcl2json";

const tf = path.resolve(process.argv[2]);
const edgeDir = path.join(tf, "modules", "edge");
const variables = {};
const outputs = [];
for (const f of fs.readdirSync(edgeDir).filter((f) => f.endsWith(".tf"))) {
  const json = await parse(f, fs.readFileSync(path.join(edgeDir, f), "utf8"));
  for (const [name, blocks] of Object.entries(json.variable ?? {})) variables[name] = blocks[0];
  outputs.push(...Object.keys(json.output ?? {}));
  fs.unlinkSync(path.join(edgeDir, f));
}
const stub = [
  "# STUB written by check/stub-edge.mjs for an offline terraform validate (no cloudflare provider here).",
  ...Object.entries(variables).map(([name, v]) => {
    const lines = [`variable "${name}" {`];
    if ("default" in v) lines.push("  default = null");
    if (v.sensitive === true) lines.push("  sensitive = true");
    lines.push("}");
    return lines.join("\n");
  }),
  ...outputs.map((o) => `output "${o}" {\n  value = null\n}`),
  "",
].join("\n");
fs.writeFileSync(path.join(edgeDir, "main.tf"), stub);

const dropCloudflare = (file) => {
  let text = fs.readFileSync(file, "utf8");
  text = text.replace(/\n[ \t]*cloudflare\s*=\s*\{[^{}]*\}/g, "");
  text = text.replace(/\n(#[^\n]*\n)*provider\s+"cloudflare"\s*\{[^{}]*\}/g, "\n");
  fs.writeFileSync(file, text);
};
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== "check" && e.name !== ".terraform") walk(full);
    else if (e.name.endsWith(".tf")) dropCloudflare(full);
  }
};
walk(tf);
