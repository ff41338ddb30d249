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

const PARAM = /\{(\w+)(?::[^}]*)?\}/g;

/** A segment with parameters inside it ("{name}-{profile}.json") as a regular expression, with the parameters' names. */
function segmentPattern(segment: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  let source = "";
  let last = 0;
  for (const m of segment.matchAll(PARAM)) {
    source += segment.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "([^/]+?)";
    names.push(m[1]);
    last = (m.index ?? 0) + m[0].length;
  }
  source += segment.slice(last).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return { regex: new RegExp("^" + source + "$"), names };
}

/**
 * Matches a pattern against a pathname: "{id}" parameters (also inside a segment: "{name}.json"), catch-alls as a last
 * segment "{path*}" or "**"; null when it does not match.
 */
export function match(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/").filter((s) => s.length > 0);
  const got = pathname.split("/").filter((s) => s.length > 0);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i];
    const catchAll = /^\{(\w+)\*\}$/.exec(segment);
    if (catchAll || segment === "**") {
      params[catchAll ? catchAll[1] : "rest"] = got.slice(i).map(decodeURIComponent).join("/");
      return params;
    }
    if (i >= got.length) return null;
    if (segment === "*") continue;
    if (!segment.includes("{")) {
      if (segment !== got[i]) return null;
      continue;
    }
    const { regex, names } = segmentPattern(segment);
    const m = regex.exec(decodeURIComponent(got[i]));
    if (m === null) return null;
    names.forEach((name, k) => (params[name] = m[k + 1]));
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
