// Matches a request against the route table generated from the function catalog, with the same rules as the
// platform's own router: a literal segment wins over a {parameter}; a last segment {name+} is greedy (takes the rest of
// the path, slashes included) and loses to any route that matches without it; a path that exists under another method
// is a 405 naming the allowed methods.

export interface Route {
  method: string;
  path: string;
  function: string;
  public: boolean;
  scopes: string[];
}

export type RouteResult =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

interface Compiled {
  route: Route;
  segments: string[];
  literals: number;
  greedy: boolean;
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const segments = split(route.path);
      if (segments === null) throw new Error(`route path must start with '/': ${route.path}`);
      const greedy = segments.length > 0 && isGreedy(segments[segments.length - 1]);
      return { route, segments, literals: segments.filter((s) => !isParam(s)).length, greedy };
    });
  }

  match(method: string, path: string): RouteResult {
    const parts = split(path);
    if (parts === null) return { kind: "not-found" };
    let best: { c: Compiled; params: Record<string, string> } | null = null;
    const allowed = new Set<string>();
    for (const c of this.compiled) {
      const params = matchSegments(c.segments, parts);
      if (params === null) continue;
      if (c.route.method !== method) {
        allowed.add(c.route.method);
        continue;
      }
      if (best === null || moreSpecific(c, best.c)) best = { c, params };
    }
    if (best) return { kind: "found", route: best.c.route, params: best.params };
    if (allowed.size > 0) return { kind: "method-not-allowed", allowed: [...allowed].sort() };
    return { kind: "not-found" };
  }

  /** Methods served on a path (for CORS preflight); empty when no route has the path. */
  methodsFor(path: string): string[] {
    const parts = split(path);
    if (parts === null) return [];
    const methods = new Set<string>();
    for (const c of this.compiled) if (matchSegments(c.segments, parts) !== null) methods.add(c.route.method);
    return [...methods].sort();
  }
}

function split(path: string): string[] | null {
  if (!path.startsWith("/")) return null;
  const parts = path.split("/").slice(1);
  if (parts.length > 1 && parts[parts.length - 1] === "") return null; // no trailing slash, as the platform
  return parts;
}

const isParam = (segment: string) => segment.startsWith("{") && segment.endsWith("}");
const isGreedy = (segment: string) => segment.startsWith("{") && segment.endsWith("+}");

function moreSpecific(a: Compiled, b: Compiled): boolean {
  if (a.greedy !== b.greedy) return !a.greedy;
  return a.literals > b.literals;
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | null {
  const greedy = segments.length > 0 && isGreedy(segments[segments.length - 1]);
  if (greedy ? parts.length < segments.length : segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (greedy && i === segments.length - 1) {
      const rest = parts.slice(i);
      if (rest.some((p) => p === "")) return null;
      try {
        params[s.slice(1, -2)] = rest.map((p) => decodeURIComponent(p)).join("/");
      } catch {
        return null;
      }
    } else if (isParam(s)) {
      if (parts[i] === "") return null;
      let value: string;
      try {
        value = decodeURIComponent(parts[i]);
      } catch {
        return null;
      }
      params[s.slice(1, -1)] = value;
    } else if (s !== parts[i]) {
      return null;
    }
  }
  return params;
}
