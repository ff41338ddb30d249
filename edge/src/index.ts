// The Luna edge: a Cloudflare Worker in front of the platform's API (API Gateway or function URLs).
//
//   route table (generated from functions/catalog.json)  -> 404 ROUTE_NOT_FOUND / 405 METHOD_NOT_ALLOWED
//   body size                                             -> 413 PAYLOAD_TOO_LARGE
//   auth: JWTs verified against the JWKS, luna_ API keys passed through (the functions verify them)
//                                                         -> 401 UNAUTHENTICATED
//   rate limit per API key / JWT subject / client IP (Durable Object) -> 429 RATE_LIMITED
//   CORS, Cache API for public GETs the upstream marks public, WebSocket upgrades passed through,
//   X-Request-Id on every request and response.
// Requests the edge rejects never reach the upstream, and get the platform's error envelope.
import { errorResponse } from "./errors";
import { JwksUnavailable, looksLikeJwt, verifyJwt, type JwtConfig } from "./jwt";
import type { RateLimiter } from "./ratelimit";
import { ROUTES } from "./routes.generated";
import { Router, type Route } from "./router";

export { RateLimiter } from "./ratelimit";

export interface Env {
  /** Base URL of the deployed API, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com (no trailing slash). */
  UPSTREAM_URL: string;
  /** JWKS to verify JWTs with; default <UPSTREAM_URL>/.well-known/jwks.json. */
  JWKS_URL?: string;
  JWT_ISSUER?: string;
  JWT_AUDIENCE?: string;
  /** Accepted JWT algorithms, comma-separated (default "ES256,RS256"). */
  JWT_ALGORITHMS?: string;
  JWT_LEEWAY_SECONDS?: string;
  JWKS_CACHE_SECONDS?: string;
  /** Comma-separated allowed origins, or "*"; empty = no CORS headers. */
  CORS_ALLOW_ORIGINS?: string;
  MAX_BODY_BYTES?: string;
  /** Requests per window per client key; 0 disables rate limiting. */
  RATE_LIMIT_REQUESTS?: string;
  RATE_LIMIT_WINDOW_SECONDS?: string;
  /** Secret sent upstream as X-Luna-Edge-Secret, so the origin can tell edge traffic from direct calls. */
  ORIGIN_SECRET?: string;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
}

const router = new Router(ROUTES);
const ALLOWED_HEADERS = "authorization, content-type, idempotency-key, if-match, x-request-id";
const EXPOSED_HEADERS = "etag, x-request-id, idempotent-replayed, retry-after, x-ratelimit-limit, x-ratelimit-remaining";
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host"];
const API_KEY = /^luna_[A-Za-z0-9_-]{16,256}$/;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const incoming = request.headers.get("X-Request-Id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : newRequestId();
    const origin = request.headers.get("Origin");
    const response = await handle(request, env, ctx, requestId);
    if (response.status === 101) return response; // WebSocket: headers are final
    return withCors(response, origin, env);
  },
} satisfies ExportedHandler<Env>;

async function handle(request: Request, env: Env, ctx: ExecutionContext, requestId: string): Promise<Response> {
  const url = new URL(request.url);
  const method = request.method.toUpperCase();

  if (method === "OPTIONS" && request.headers.has("Origin") && request.headers.has("Access-Control-Request-Method")) {
    return preflight(request, url, env, requestId);
  }

  const result = router.match(method, url.pathname);
  if (result.kind === "not-found") {
    return errorResponse("ROUTE_NOT_FOUND", `No route for ${method} ${url.pathname}`, requestId);
  }
  if (result.kind === "method-not-allowed") {
    return errorResponse("METHOD_NOT_ALLOWED", `${method} is not allowed on ${url.pathname}; allowed: ${result.allowed.join(", ")}`,
      requestId, { allowed: result.allowed }, { Allow: result.allowed.join(", ") });
  }
  const route = result.route;

  const maxBody = intVar(env.MAX_BODY_BYTES, 1024 * 1024);
  const declared = request.headers.get("Content-Length");
  if (declared !== null && Number(declared) > maxBody) {
    return tooLarge(maxBody, requestId);
  }

  const auth = await authenticate(request, route, env, requestId);
  if (auth instanceof Response) return auth;

  const limited = await rateLimit(request, auth, env, requestId);
  if (limited instanceof Response) return limited;

  if (isWebSocket(request)) {
    if (method !== "GET") return errorResponse("METHOD_NOT_ALLOWED", "WebSocket upgrades must use GET", requestId, { allowed: ["GET"] }, { Allow: "GET" });
    return fetch(upstreamUrl(env, url), { method: "GET", headers: upstreamHeaders(request, url, env, requestId, true) });
  }

  let body: ArrayBuffer | null = null;
  if (method !== "GET" && method !== "HEAD" && request.body) {
    body = await readLimited(request.body, maxBody);
    if (body === null) return tooLarge(maxBody, requestId);
  }

  const cacheable = route.public && method === "GET";
  const cache = (caches as unknown as { default: Cache }).default;
  const cacheKey = new Request(upstreamUrl(env, url), { method: "GET" });
  if (cacheable) {
    const hit = await cache.match(cacheKey);
    if (hit) return withHeaders(hit, { "X-Request-Id": requestId, "X-Edge-Cache": "HIT" });
  }

  let upstream: Response;
  try {
    upstream = await fetch(upstreamUrl(env, url), {
      method,
      headers: upstreamHeaders(request, url, env, requestId, false),
      body,
      redirect: "manual",
    });
  } catch (e) {
    console.error(JSON.stringify({ requestId, message: "upstream unreachable", error: String(e) }));
    return errorResponse("UNAVAILABLE", "The API is unreachable; retry later", requestId);
  }

  const extra: Record<string, string> = {};
  if (!upstream.headers.has("X-Request-Id")) extra["X-Request-Id"] = requestId;
  if (cacheable) {
    const cc = upstream.headers.get("Cache-Control") ?? "";
    if (upstream.status === 200 && /\bpublic\b/.test(cc) && !/no-store|private/.test(cc)) {
      ctx.waitUntil(cache.put(cacheKey, upstream.clone()));
      extra["X-Edge-Cache"] = "MISS";
    }
  }
  return Object.keys(extra).length ? withHeaders(upstream, extra) : upstream;
}

type Principal = { kind: "anonymous" } | { kind: "api-key"; token: string } | { kind: "jwt"; subject: string };

async function authenticate(request: Request, route: Route, env: Env, requestId: string): Promise<Principal | Response> {
  const header = request.headers.get("Authorization");
  if (route.public) return { kind: "anonymous" };
  if (header === null || header.trim() === "") {
    return errorResponse("UNAUTHENTICATED", "Missing credentials: send Authorization: Bearer <API key or token>", requestId);
  }
  const m = /^Bearer +(\S+)$/.exec(header.trim());
  if (!m) return errorResponse("UNAUTHENTICATED", "Malformed Authorization header: expected 'Bearer <credentials>'", requestId);
  const token = m[1];
  if (token.startsWith("luna_")) {
    if (!API_KEY.test(token)) return errorResponse("UNAUTHENTICATED", "Malformed API key", requestId);
    return { kind: "api-key", token }; // verified by the function (hash lookup); the edge has no key store
  }
  if (!looksLikeJwt(token)) return errorResponse("UNAUTHENTICATED", "Malformed credentials: neither an API key nor a JWT", requestId);
  try {
    const result = await verifyJwt(token, jwtConfig(env));
    if (!result.ok) return errorResponse("UNAUTHENTICATED", `Invalid token: ${result.reason}`, requestId, { reason: result.reason });
    const sub = typeof result.claims.sub === "string" ? result.claims.sub : "";
    return { kind: "jwt", subject: `${String(result.claims.iss ?? "")}|${sub}` };
  } catch (e) {
    if (e instanceof JwksUnavailable || e instanceof TypeError) {
      console.error(JSON.stringify({ requestId, message: "JWKS unavailable", error: String(e) }));
      return errorResponse("UNAVAILABLE", "Cannot verify tokens right now (JWKS unavailable); retry later", requestId);
    }
    return errorResponse("UNAUTHENTICATED", "Invalid token", requestId);
  }
}

function jwtConfig(env: Env): JwtConfig {
  return {
    jwksUrl: env.JWKS_URL || `${env.UPSTREAM_URL.replace(/\/$/, "")}/.well-known/jwks.json`,
    algorithms: (env.JWT_ALGORITHMS || "ES256,RS256").split(",").map((s) => s.trim()).filter(Boolean),
    issuer: env.JWT_ISSUER || undefined,
    audience: env.JWT_AUDIENCE || undefined,
    leewaySeconds: intVar(env.JWT_LEEWAY_SECONDS, 30),
    jwksCacheSeconds: intVar(env.JWKS_CACHE_SECONDS, 300),
  };
}

async function rateLimit(request: Request, principal: Principal, env: Env, requestId: string): Promise<Response | null> {
  const limit = intVar(env.RATE_LIMIT_REQUESTS, 600);
  const window = intVar(env.RATE_LIMIT_WINDOW_SECONDS, 60);
  if (limit <= 0) return null;
  let key: string;
  if (principal.kind === "api-key") key = `key:${await sha256(principal.token)}`;
  else if (principal.kind === "jwt") key = `sub:${principal.subject}`;
  else key = `ip:${request.headers.get("CF-Connecting-IP") ?? "unknown"}`;
  try {
    const stub = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(key));
    const decision = await stub.check(limit, window);
    if (decision.allowed) return null;
    return errorResponse("RATE_LIMITED", `Too many requests; retry in ${decision.retryAfterSeconds} s`, requestId,
      { limit: decision.limit, windowSeconds: window, retryAfterSeconds: decision.retryAfterSeconds },
      { "Retry-After": String(decision.retryAfterSeconds), "X-RateLimit-Limit": String(decision.limit), "X-RateLimit-Remaining": "0" });
  } catch (e) {
    // Fail open: an unavailable limiter must not take the API down (API Gateway throttling still applies).
    console.error(JSON.stringify({ requestId, message: "rate limiter unavailable", error: String(e) }));
    return null;
  }
}

function preflight(request: Request, url: URL, env: Env, requestId: string): Response {
  const methods = router.methodsFor(url.pathname);
  if (methods.length === 0) return errorResponse("ROUTE_NOT_FOUND", `No route for ${url.pathname}`, requestId);
  const origin = request.headers.get("Origin") ?? "";
  if (!originAllowed(origin, env)) return errorResponse("FORBIDDEN", `Origin ${origin} is not allowed`, requestId);
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Methods": [...methods, "OPTIONS"].join(", "),
      "Access-Control-Allow-Headers": ALLOWED_HEADERS,
      "Access-Control-Max-Age": "3600",
      "X-Request-Id": requestId,
    },
  });
}

function originAllowed(origin: string, env: Env): boolean {
  const allowed = (env.CORS_ALLOW_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return allowed.includes("*") || allowed.includes(origin);
}

function withCors(response: Response, origin: string | null, env: Env): Response {
  if (!origin || !originAllowed(origin, env)) return response;
  return withHeaders(response, {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Expose-Headers": EXPOSED_HEADERS,
    Vary: "Origin",
  });
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  const copy = new Response(response.body, response);
  for (const [k, v] of Object.entries(headers)) copy.headers.set(k, v);
  return copy;
}

function upstreamUrl(env: Env, url: URL): string {
  return `${env.UPSTREAM_URL.replace(/\/$/, "")}${url.pathname}${url.search}`;
}

function upstreamHeaders(request: Request, url: URL, env: Env, requestId: string, websocket: boolean): Headers {
  const headers = new Headers();
  for (const [k, v] of request.headers) {
    const name = k.toLowerCase();
    if (HOP_BY_HOP.includes(name) || name.startsWith("cf-") || name === "x-luna-edge-secret") continue;
    headers.set(k, v);
  }
  if (websocket) headers.set("Upgrade", "websocket");
  headers.set("X-Request-Id", requestId);
  headers.set("X-Forwarded-Host", url.host);
  headers.set("X-Forwarded-Proto", url.protocol.replace(":", ""));
  const ip = request.headers.get("CF-Connecting-IP");
  if (ip) headers.set("X-Forwarded-For", ip);
  if (env.ORIGIN_SECRET) headers.set("X-Luna-Edge-Secret", env.ORIGIN_SECRET);
  return headers;
}

function isWebSocket(request: Request): boolean {
  return (request.headers.get("Upgrade") ?? "").toLowerCase() === "websocket";
}

async function readLimited(body: ReadableStream<Uint8Array>, max: number): Promise<ArrayBuffer | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}

function tooLarge(max: number, requestId: string): Response {
  return errorResponse("PAYLOAD_TOO_LARGE", `Request body exceeds ${max} bytes`, requestId, { limitBytes: max });
}

function intVar(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === "" ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** req_ + 26 Crockford base32 characters: 48 bits of time, 80 random bits (sortable, like the platform's ids). */
function newRequestId(): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  let time = Date.now();
  let out = "";
  for (let i = 0; i < 10; i++) {
    out = alphabet[time % 32] + out;
    time = Math.floor(time / 32);
  }
  const random = crypto.getRandomValues(new Uint8Array(16));
  for (let i = 0; i < 16; i++) out += alphabet[random[i] % 32];
  return `req_${out}`;
}
