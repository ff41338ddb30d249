// Serves the Worker locally in workerd (Miniflare) on http://localhost:8787 (LUNA_EDGE_PORT), in front of a running
// local runtime (LUNA_UPSTREAM_URL, default http://127.0.0.1:8080). Run by scripts/edge-local. Ctrl-C stops it.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.LUNA_EDGE_PORT ?? 8787);
const upstream = process.env.LUNA_UPSTREAM_URL ?? "http://127.0.0.1:8080";
const mf = new Miniflare({
  modules: true,
  scriptPath: path.join(root, "dist/worker.js"),
  compatibilityDate: "2025-04-01",
  durableObjects: { RATE_LIMITER: "RateLimiter" },
  host: "127.0.0.1",
  port,
  bindings: {
    UPSTREAM_URL: upstream,
    CORS_ALLOW_ORIGINS: process.env.LUNA_EDGE_CORS ?? "http://localhost:3000",
    RATE_LIMIT_REQUESTS: process.env.LUNA_EDGE_RATE_LIMIT ?? "600",
    RATE_LIMIT_WINDOW_SECONDS: "60",
    JWT_ISSUER: process.env.LUNA_EDGE_JWT_ISSUER ?? "",
    JWT_AUDIENCE: process.env.LUNA_EDGE_JWT_AUDIENCE ?? "",
  },
});
const url = await mf.ready;
console.log(`Luna edge (workerd) on ${url.origin} -> ${upstream}   (Ctrl-C stops it)`);
const stop = async () => {
  await mf.dispose();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
