// Generates src/routes.generated.ts — the Worker's route table — from functions/catalog.json, the one source of
// truth for routes (the local runtime, the OpenAPI document and Terraform read it too), plus the live streams of
// openapi/streams.json (WebSocket /api/v1/ws and per-resource sockets, SSE /api/v1/events ...), relayed as they are.
//   node scripts/gen-routes.mjs           write the table
//   node scripts/gen-routes.mjs --check   fail when the committed table is not what the catalog generates
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const catalogPath = path.resolve(here, "../../functions/catalog.json");
// the live streams (WebSocket upgrades and SSE) the runtime serves beside the catalog functions
const streamsPath = path.resolve(here, "../../functions/platform/src/main/resources/openapi/streams.json");
const outPath = path.resolve(here, "../src/routes.generated.ts");

export function generate(catalog, streams = { paths: {} }) {
  const routes = [];
  for (const [name, fn] of Object.entries(catalog.functions ?? {})) {
    if (fn.trigger?.type !== "http") continue;
    routes.push({
      method: fn.trigger.method,
      path: fn.trigger.path,
      function: name,
      public: fn.public === true,
      scopes: fn.scopes ?? [],
    });
  }
  for (const [p, item] of Object.entries(streams.paths ?? {})) {
    const op = item.get;
    if (!op?.operationId || routes.some((r) => r.method === "GET" && r.path === p)) continue;
    routes.push({
      method: "GET",
      path: p,
      function: op.operationId,
      public: false,
      scopes: (op.security?.[0]?.bearer ?? []),
    });
  }
  const lines = routes.map((r) => `  ${JSON.stringify(r)},`);
  return [
    "// GENERATED from functions/catalog.json by edge/scripts/gen-routes.mjs — do not edit.",
    "// Regenerate with `npm run routes` (in edge/); `npm test` fails when this file is stale.",
    'import type { Route } from "./router";',
    "",
    "export const ROUTES: readonly Route[] = [",
    ...lines,
    "];",
    "",
  ].join("\n");
}

const catalog = JSON.parse(fs.readFileSync(catalogPath, "utf8"));
const streams = fs.existsSync(streamsPath) ? JSON.parse(fs.readFileSync(streamsPath, "utf8")) : { paths: {} };
const text = generate(catalog, streams);
if (process.argv.includes("--check")) {
  const current = fs.existsSync(outPath) ? fs.readFileSync(outPath, "utf8") : "";
  if (current !== text) {
    console.error("edge: src/routes.generated.ts is stale; run `npm run routes` in edge/ (or scripts/test regenerates nothing: commit the table)");
    process.exit(1);
  }
  console.error(`edge: route table is current (${text.split("\n").filter((l) => l.startsWith("  {")).length} routes)`);
} else {
  fs.writeFileSync(outPath, text);
  console.error(`edge: wrote ${path.relative(process.cwd(), outPath)}`);
}
