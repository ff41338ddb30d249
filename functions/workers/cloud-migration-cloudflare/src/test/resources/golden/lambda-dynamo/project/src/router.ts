import type { Env } from "./env";

/** A route handler: the request, the Worker's bindings, and the path parameters matched. */
export type Handler = (request: Request, env: Env, params: Record<string, string>) => Promise<Response> | Response;

/** One route: "ported" handlers run here, "proxy" handlers forward to the old origin (the strangler path). */
export interface RouteDef {
  method: string;
  pattern: string;
  kind: "ported" | "proxy" | "health";
  origin: string;
  handle: Handler;
}

/** Matches "/users/{id}" and catch-alls "/files/{path*}" against a pathname; null when it does not match. */
export function match(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/").filter((s) => s.length > 0);
  const got = pathname.split("/").filter((s) => s.length > 0);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i];
    const catchAll = /^\{(\w+)\*\}$/.exec(segment);
    if (catchAll) {
      params[catchAll[1]] = got.slice(i).map(decodeURIComponent).join("/");
      return params;
    }
    if (i >= got.length) return null;
    const param = /^\{(\w+)\}$/.exec(segment);
    if (param) params[param[1]] = decodeURIComponent(got[i]);
    else if (segment !== got[i]) return null;
  }
  return want.length === got.length ? params : null;
}

/** Dispatches to the first route whose method and pattern match; 405 when only the method differs, else 404. */
export async function dispatch(request: Request, env: Env, routes: RouteDef[]): Promise<Response> {
  const url = new URL(request.url);
  let pathMatched = false;
  for (const route of routes) {
    const params = match(route.pattern, url.pathname);
    if (params === null) continue;
    pathMatched = true;
    if (route.method !== "ANY" && route.method !== request.method && !(route.method === "GET" && request.method === "HEAD")) continue;
    return route.handle(request, env, params);
  }
  return Response.json({ error: pathMatched ? "method not allowed" : "not found", path: url.pathname }, { status: pathMatched ? 405 : 404 });
}
