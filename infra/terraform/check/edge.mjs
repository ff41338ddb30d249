// The edge: modules/edge deploys the Worker, the root instantiates it optionally, secrets are secret_text bindings
// fed from sensitive variables (never literals), and the Worker bundle the module uploads is the one edge/ builds.

import fs from "node:fs";
import path from "node:path";
import { literal } from "./hcl.mjs";

export function checkEdge({ repo, root, dirs, tfRoot, report: { fail, rel } }) {
  const edgeDir = path.join(tfRoot, "modules", "edge");
  const edge = dirs.get(edgeDir);
  if (!edge) {
    fail(`${rel(edgeDir)}: missing (the Cloudflare Worker module)`);
    return;
  }
  if (!edge.resources.has("cloudflare_workers_script.this")) fail(`${rel(edgeDir)}: no cloudflare_workers_script.this`);
  if (!edge.resources.has("cloudflare_workers_custom_domain.this") && !edge.resources.has("cloudflare_workers_route.this")) {
    fail(`${rel(edgeDir)}: neither a cloudflare_workers_custom_domain nor a cloudflare_workers_route`);
  }
  const text = edge.files.map(({ file }) => fs.readFileSync(file, "utf8")).join("\n");
  const secretBindings = [...text.matchAll(/\{[^{}]*type\s*=\s*"secret_text"[^{}]*\}/g)].map((m) => m[0]);
  if (secretBindings.length === 0) fail(`${rel(edgeDir)}: no secret_text binding (the origin secret)`);
  for (const b of secretBindings) {
    const v = /text\s*=\s*var\.(\w+)/.exec(b);
    if (!v) fail(`${rel(edgeDir)}: secret_text binding ${b.replace(/\s+/g, " ")} must take its text from a variable`);
    else if (edge.variables.get(v[1])?.sensitive !== true) fail(`${rel(edgeDir)}: variable ${v[1]} feeds a secret_text binding but is not sensitive = true`);
  }
  for (const [name, decl] of edge.variables) {
    if (decl.sensitive === true && "default" in decl && decl.default !== null) fail(`${rel(edgeDir)}: sensitive variable ${name} has a non-null default`);
  }
  const wrangler = path.join(repo, "edge", "wrangler.jsonc");
  if (fs.existsSync(wrangler)) {
    const date = /"compatibility_date"\s*:\s*"([^"]+)"/.exec(fs.readFileSync(wrangler, "utf8"))?.[1];
    const tfDate = edge.variables.get("compatibility_date")?.default;
    if (date && tfDate !== date) fail(`${rel(edgeDir)}: compatibility_date default ${tfDate} differs from edge/wrangler.jsonc (${date})`);
  }
  const call = [...(root?.modules ?? new Map())].find(([, c]) => literal(c.source) === "./modules/edge");
  if (!call) fail(`${rel(tfRoot)}: modules/edge is not instantiated`);
  else if (!/var\.edge_enabled/.test(String(call[1].count ?? ""))) fail(`${rel(tfRoot)}: module "${call[0]}" must be optional (count = var.edge_enabled ? 1 : 0)`);
  for (const out of ["api_url", "edge_url"]) if (!root?.outputs.has(out)) fail(`${rel(tfRoot)}: no output "${out}"`);
  for (const [name, decl] of root?.variables ?? []) {
    if (decl.sensitive === true && "default" in decl && decl.default !== null) fail(`${rel(tfRoot)}: sensitive variable ${name} has a non-null default`);
  }
}
