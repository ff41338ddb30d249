import type { Env } from "./env";

/**
 * Forwards a route that is not migrated yet to the old origin (ORIGIN_URL), unchanged: method, path, query, headers and
 * body. Without ORIGIN_URL it answers 502 and says so: a proxied route is never a silent no-op.
 */
export async function proxy(request: Request, env: Env, origin: string): Promise<Response> {
  const incoming = new URL(request.url);
  if (!env.ORIGIN_URL) {
    return Response.json(
      { error: "not migrated yet", route: origin, hint: "set ORIGIN_URL (wrangler.jsonc vars) to the old backend so this route is proxied" },
      { status: 502, headers: { "x-migration": "proxy-unconfigured" } },
    );
  }
  const target = new URL(incoming.pathname + incoming.search, env.ORIGIN_URL);
  const forwarded = new Request(target.toString(), request);
  forwarded.headers.set("x-forwarded-host", incoming.host);
  const answer = await fetch(forwarded);
  const response = new Response(answer.body, answer);
  response.headers.set("x-migration", "proxy");
  return response;
}
