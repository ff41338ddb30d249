// Bundles the Worker (src/index.ts) into dist/worker.js with esbuild — what wrangler does on deploy, and what the
// tests and Terraform's cloudflare_workers_script upload.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
await build({
  entryPoints: [path.join(root, "src/index.ts")],
  outfile: path.join(root, "dist/worker.js"),
  bundle: true,
  format: "esm",
  target: "es2022",
  platform: "neutral",
  external: ["cloudflare:*"],
  legalComments: "none",
  logLevel: "warning",
});
