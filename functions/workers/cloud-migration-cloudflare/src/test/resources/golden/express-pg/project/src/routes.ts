import type { Env } from "./env";
import type { RouteDef } from "./router";
import { proxy } from "./proxy";
import { health } from "./health";

/**
 * Every route of the old backend. "ported" routes run here; "proxy" routes are forwarded to ORIGIN_URL until they are
 * ported (the file:line says where the original handler is). Port one, switch its kind, deploy: that is the strangler path.
 */
export const routes: RouteDef[] = [
  { method: "GET", pattern: "/__migration/health", kind: "health", origin: "generated", handle: (_request: Request, env: Env) => health(env) },
  {
    method: "POST",
    pattern: "/api/uploads",
    kind: "proxy",
    origin: "src/routes/uploads.js:8",
    // adapt: an Express handler: port it to the router (request/response objects differ; Node APIs it uses are listed below); proxied until then
    handle: (request: Request, env: Env) => proxy(request, env, "POST /api/uploads (src/routes/uploads.js:8)"),
  },
  {
    method: "GET",
    pattern: "/api/users",
    kind: "proxy",
    origin: "src/routes/users.js:8",
    // adapt: an Express handler: port it to the router (request/response objects differ; Node APIs it uses are listed below); proxied until then
    handle: (request: Request, env: Env) => proxy(request, env, "GET /api/users (src/routes/users.js:8)"),
  },
  {
    method: "POST",
    pattern: "/api/users",
    kind: "proxy",
    origin: "src/routes/users.js:19",
    // adapt: an Express handler: port it to the router (request/response objects differ; Node APIs it uses are listed below); proxied until then
    handle: (request: Request, env: Env) => proxy(request, env, "POST /api/users (src/routes/users.js:19)"),
  },
  {
    method: "GET",
    pattern: "/api/users/{id}",
    kind: "proxy",
    origin: "src/routes/users.js:13",
    // adapt: an Express handler: port it to the router (request/response objects differ; Node APIs it uses are listed below); proxied until then
    handle: (request: Request, env: Env) => proxy(request, env, "GET /api/users/{id} (src/routes/users.js:13)"),
  },
  {
    method: "GET",
    pattern: "/api/version",
    kind: "ported",
    origin: "src/server.js:12",
    handle: () => Response.json({"version":"1.2.0"}, { status: 200 }),
  },
  {
    method: "GET",
    pattern: "/health",
    kind: "ported",
    origin: "src/server.js:11",
    handle: () => Response.json({"status":"ok","service":"shop-api"}, { status: 200 }),
  },
];
