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
    pattern: "/items",
    kind: "proxy",
    origin: "template.yaml:34",
    // adapt: a Node.js Lambda handler: port its event/result shape to fetch(Request) → Response; proxied to the origin until then
    handle: (request: Request, env: Env) => proxy(request, env, "POST /items (template.yaml:34)"),
  },
  {
    method: "GET",
    pattern: "/items/{id}",
    kind: "proxy",
    origin: "template.yaml:23",
    // adapt: a Node.js Lambda handler: port its event/result shape to fetch(Request) → Response; proxied to the origin until then
    handle: (request: Request, env: Env) => proxy(request, env, "GET /items/{id} (template.yaml:23)"),
  },
];
