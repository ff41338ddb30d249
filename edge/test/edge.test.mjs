// The Worker in workerd (Miniflare) in front of the real local runtime, through a counting proxy: what the edge
// forwards reaches the functions with a request id; what it rejects gets the platform's error envelope and never
// reaches them.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ADMIN_KEY, makeKeys, miniflare, signJwt, startLocalRuntime, startProxy } from "./support.mjs";

const EDGE = "https://api.luna.test";
const ORIGIN = "https://app.luna.test";
const ISSUER = "https://luna.test";
const AUDIENCE = "luna-api";
let runtime, proxy, mf, keys;
let ip = 0;

before(async () => {
  keys = makeKeys();
  runtime = await startLocalRuntime();
  proxy = await startProxy(runtime.url, keys.jwks);
  mf = miniflare({
    UPSTREAM_URL: proxy.url,
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    CORS_ALLOW_ORIGINS: ORIGIN,
    RATE_LIMIT_REQUESTS: "1000",
    RATE_LIMIT_WINDOW_SECONDS: "60",
  });
  await mf.ready;
});

after(async () => {
  await mf?.dispose();
  await proxy?.close();
  await runtime?.stop();
});

/** A request through the edge from a fresh client IP; returns the response, its parsed body and whether it reached upstream. */
async function call(method, path, { headers = {}, body, instance = mf } = {}) {
  const before = proxy.state.forwarded;
  const res = await instance.dispatchFetch(EDGE + path, {
    method,
    headers: { "CF-Connecting-IP": `203.0.113.${++ip % 250}`, ...headers },
    body,
    duplex: body instanceof ReadableStream ? "half" : undefined,
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* HTML or empty */
  }
  return { res, text, json, reached: proxy.state.forwarded - before };
}

function assertEdgeError(r, status, code) {
  assert.equal(r.res.status, status, r.text);
  assert.equal(r.json.error.code, code, r.text);
  assert.equal(typeof r.json.error.message, "string");
  assert.equal(typeof r.json.error.details, "object");
  assert.match(r.json.error.requestId, /^req_[0-9A-Z]{26}$/);
  assert.equal(r.res.headers.get("X-Request-Id"), r.json.error.requestId);
  assert.ok(!Number.isNaN(Date.parse(r.json.error.timestamp)));
  assert.equal(r.reached, 0, "an edge rejection must not reach the upstream");
}

const auth = (token) => ({ Authorization: `Bearer ${token}` });
const now = () => Math.floor(Date.now() / 1000);
const claims = (extra = {}) => ({ iss: ISSUER, aud: AUDIENCE, sub: "usr_1", exp: now() + 300, iat: now(), ...extra });

describe("forwarding to the local runtime", () => {
  test("adds a request id the functions and the response carry", async () => {
    const r = await call("GET", "/api/v1/health");
    assert.equal(r.res.status, 200, r.text);
    assert.equal(r.json.data.status, "ok");
    assert.equal(r.reached, 1);
    const id = r.res.headers.get("X-Request-Id");
    assert.match(id, /^req_[0-9A-Z]{26}$/);
    assert.equal(proxy.state.lastHeaders["x-request-id"], id);
    assert.equal(r.json.meta.requestId, id);
    assert.equal(proxy.state.lastHeaders["x-forwarded-proto"], "https");
    assert.equal(proxy.state.lastHeaders["x-forwarded-host"], "api.luna.test");
  });

  test("keeps the caller's request id", async () => {
    const r = await call("GET", "/api/v1/health", { headers: { "X-Request-Id": "client-chosen-id-1" } });
    assert.equal(r.res.headers.get("X-Request-Id"), "client-chosen-id-1");
    assert.equal(r.json.meta.requestId, "client-chosen-id-1");
  });

  test("passes luna_ API keys through to the functions, which verify them", async () => {
    const created = await call("POST", "/api/v1/agents", {
      headers: { ...auth(ADMIN_KEY), "Content-Type": "application/json" },
      body: JSON.stringify({ name: `edge-${Date.now()}`, type: "task-executor", version: "1.0.0", config: { runtime: "java" } }),
    });
    assert.equal(created.res.status, 201, created.text);
    assert.equal(created.reached, 1);
    assert.equal(proxy.state.lastHeaders.authorization, `Bearer ${ADMIN_KEY}`);
    const got = await call("GET", `/api/v1/agents/${created.json.data.id}`, { headers: auth(ADMIN_KEY) });
    assert.equal(got.res.status, 200, got.text);
    assert.equal(got.json.data.name, created.json.data.name);

    const unknown = await call("GET", "/api/v1/agents", { headers: auth("luna_well_formed_but_unknown_key_01") });
    assert.equal(unknown.reached, 1, "a well-formed key is the functions' to judge");
    assert.equal(unknown.res.status, 401);
    assert.equal(unknown.json.error.code, "UNAUTHENTICATED");
  });

  test("a greedy route ({name+}) forwards a path with slashes: an artifact inside a generated project", async () => {
    const r = await call("GET", "/api/v1/tasks/tsk_01JNOSUCHTASK0000000000000/artifacts/project/src/App.tsx", { headers: auth(ADMIN_KEY) });
    assert.equal(r.reached, 1, r.text);
    assert.equal(r.res.status, 404, r.text);
    assert.equal(r.json.error.code, "NOT_FOUND", r.text);
    assert.equal(proxy.state.lastPath, "/api/v1/tasks/tsk_01JNOSUCHTASK0000000000000/artifacts/project/src/App.tsx");
  });

  test("an unreachable upstream is a 503 in the envelope", async () => {
    const down = miniflare({ UPSTREAM_URL: "http://127.0.0.1:9" });
    try {
      const r = await call("GET", "/api/v1/health", { instance: down });
      assertEdgeError(r, 503, "UNAVAILABLE");
    } finally {
      await down.dispose();
    }
  });
});

describe("bad input never reaches the functions", () => {
  test("unknown routes are 404 ROUTE_NOT_FOUND", async () => {
    assertEdgeError(await call("GET", "/api/v1/nope"), 404, "ROUTE_NOT_FOUND");
    assertEdgeError(await call("GET", "/api/v1/agents/"), 404, "ROUTE_NOT_FOUND");
    assertEdgeError(await call("POST", "/admin", { headers: auth(ADMIN_KEY), body: "{}" }), 404, "ROUTE_NOT_FOUND");
  });

  test("bad methods are 405 METHOD_NOT_ALLOWED with Allow", async () => {
    const r = await call("DELETE", "/api/v1/health", { headers: auth(ADMIN_KEY) });
    assertEdgeError(r, 405, "METHOD_NOT_ALLOWED");
    assert.equal(r.res.headers.get("Allow"), "GET");
    const p = await call("PATCH", "/api/v1/agents/agt_1", { headers: auth(ADMIN_KEY), body: "{}" });
    assertEdgeError(p, 405, "METHOD_NOT_ALLOWED");
    assert.deepEqual(p.json.error.details.allowed, ["DELETE", "GET", "PUT"]);
  });

  test("oversized bodies are 413 PAYLOAD_TOO_LARGE, declared or streamed", async () => {
    const big = "x".repeat(1024 * 1024 + 1);
    const declared = await call("POST", "/api/v1/agents", { headers: { ...auth(ADMIN_KEY), "Content-Type": "application/json" }, body: big });
    assertEdgeError(declared, 413, "PAYLOAD_TOO_LARGE");
    assert.equal(declared.json.error.details.limitBytes, 1048576);
    const chunk = new TextEncoder().encode("y".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await call("POST", "/api/v1/agents", { headers: { ...auth(ADMIN_KEY), "Content-Type": "application/json" }, body: stream });
    assertEdgeError(streamed, 413, "PAYLOAD_TOO_LARGE");
  });

  test("missing or malformed credentials are 401 UNAUTHENTICATED", async () => {
    for (const headers of [{}, { Authorization: "" }, { Authorization: "Basic YWRtaW46YWRtaW4=" }, auth("luna_short"),
      auth("luna_has spaces"), auth("not-a-key-nor-a-token"), { Authorization: `Bearer ${ADMIN_KEY} extra` }]) {
      assertEdgeError(await call("GET", "/api/v1/agents", { headers }), 401, "UNAUTHENTICATED");
    }
  });
});

describe("JWTs verified at the edge against the JWKS", () => {
  test("valid ES256 and RS256 tokens pass to the functions", async () => {
    const es = await call("GET", "/api/v1/agents", { headers: auth(signJwt({ alg: "ES256", kid: "ec-1", typ: "JWT" }, claims(), keys.ec)) });
    assert.equal(es.reached, 1, es.text);
    assert.match(proxy.state.lastHeaders.authorization, /^Bearer eyJ/);
    const rs = await call("GET", "/api/v1/agents", { headers: auth(signJwt({ alg: "RS256", kid: "rsa-1" }, claims({ aud: [AUDIENCE, "other"] }), keys.rsa)) });
    assert.equal(rs.reached, 1, rs.text);
  });

  test("the JWKS is fetched once and cached", async () => {
    const fetches = proxy.state.jwksFetches;
    for (let i = 0; i < 3; i++) {
      await call("GET", "/api/v1/agents", { headers: auth(signJwt({ alg: "ES256", kid: "ec-1" }, claims({ sub: `usr_${i}` }), keys.ec)) });
    }
    assert.ok(proxy.state.jwksFetches <= 1, `JWKS fetched ${proxy.state.jwksFetches} times`);
    assert.equal(proxy.state.jwksFetches, fetches, "already cached by the previous test");
  });

  const rejected = {
    "an expired token": () => signJwt({ alg: "ES256", kid: "ec-1" }, claims({ exp: now() - 120 }), keys.ec),
    "a token not yet valid": () => signJwt({ alg: "ES256", kid: "ec-1" }, claims({ nbf: now() + 600 }), keys.ec),
    "a token without exp": () => signJwt({ alg: "ES256", kid: "ec-1" }, { iss: ISSUER, aud: AUDIENCE, sub: "u" }, keys.ec),
    "a wrong issuer": () => signJwt({ alg: "ES256", kid: "ec-1" }, claims({ iss: "https://evil.test" }), keys.ec),
    "a wrong audience": () => signJwt({ alg: "ES256", kid: "ec-1" }, claims({ aud: "someone-else" }), keys.ec),
    "a signature by another key": () => signJwt({ alg: "ES256", kid: "ec-1" }, claims(), keys.stranger),
    "an unknown kid": () => signJwt({ alg: "ES256", kid: "ec-9" }, claims(), keys.ec),
    "alg none": () => signJwt({ alg: "none", kid: "ec-1" }, claims(), null),
    "HS256 keyed with public material": () => signJwt({ alg: "HS256", kid: "ec-1" }, claims(), JSON.stringify(keys.jwks.keys[0])),
    "an RS256 header on the EC key": () => signJwt({ alg: "RS256", kid: "ec-1" }, claims(), keys.rsa),
    "a tampered payload": () => {
      const [h, , s] = signJwt({ alg: "ES256", kid: "ec-1" }, claims(), keys.ec).split(".");
      return `${h}.${Buffer.from(JSON.stringify(claims({ sub: "admin" }))).toString("base64url")}.${s}`;
    },
    "a token that is not JSON": () => "eyJub3QganNvbg.eyJhIjoxfQ.c2ln",
  };
  for (const [name, token] of Object.entries(rejected)) {
    test(`${name} is 401`, async () => {
      const r = await call("GET", "/api/v1/agents", { headers: auth(token()) });
      assertEdgeError(r, 401, "UNAUTHENTICATED");
    });
  }
});

describe("CORS", () => {
  test("a preflight from an allowed origin is answered at the edge", async () => {
    const r = await call("OPTIONS", "/api/v1/agents", { headers: { Origin: ORIGIN, "Access-Control-Request-Method": "POST" } });
    assert.equal(r.res.status, 204);
    assert.equal(r.reached, 0);
    assert.equal(r.res.headers.get("Access-Control-Allow-Origin"), ORIGIN);
    assert.equal(r.res.headers.get("Access-Control-Allow-Methods"), "GET, POST, OPTIONS");
    assert.match(r.res.headers.get("Access-Control-Allow-Headers"), /authorization/);
  });

  test("other origins get no CORS grant", async () => {
    assertEdgeError(await call("OPTIONS", "/api/v1/agents", { headers: { Origin: "https://evil.test", "Access-Control-Request-Method": "POST" } }), 403, "FORBIDDEN");
    const r = await call("GET", "/api/v1/health", { headers: { Origin: "https://evil.test" } });
    assert.equal(r.res.status, 200);
    assert.equal(r.res.headers.get("Access-Control-Allow-Origin"), null);
  });

  test("responses, errors included, carry the grant for an allowed origin", async () => {
    const ok = await call("GET", "/api/v1/health", { headers: { Origin: ORIGIN } });
    assert.equal(ok.res.headers.get("Access-Control-Allow-Origin"), ORIGIN);
    assert.match(ok.res.headers.get("Access-Control-Expose-Headers"), /x-request-id/);
    const err = await call("GET", "/api/v1/agents", { headers: { Origin: ORIGIN } });
    assertEdgeError(err, 401, "UNAUTHENTICATED");
    assert.equal(err.res.headers.get("Access-Control-Allow-Origin"), ORIGIN);
  });
});

describe("caching public GETs", () => {
  test("the OpenAPI document is served from the edge cache after the first request", async () => {
    const first = await call("GET", "/api/v1/openapi.json");
    assert.equal(first.res.status, 200);
    assert.equal(first.reached, 1);
    assert.equal(first.json.openapi.startsWith("3.1"), true);
    let second;
    for (let i = 0; i < 50; i++) { // cache.put runs in waitUntil, after the first response
      second = await call("GET", "/api/v1/openapi.json");
      if (second.res.headers.get("X-Edge-Cache") === "HIT") break;
    }
    assert.equal(second.res.headers.get("X-Edge-Cache"), "HIT");
    assert.equal(second.reached, 0);
    assert.equal(second.text, first.text);
    assert.notEqual(second.res.headers.get("X-Request-Id"), first.res.headers.get("X-Request-Id"));
  });

  test("the docs page is cached too; health (no-store) never is", async () => {
    await call("GET", "/docs");
    let hit;
    for (let i = 0; i < 50 && hit?.res.headers.get("X-Edge-Cache") !== "HIT"; i++) hit = await call("GET", "/docs");
    assert.equal(hit.reached, 0);
    assert.match(hit.text, /<html/i);
    for (let i = 0; i < 2; i++) assert.equal((await call("GET", "/api/v1/health")).reached, 1);
  });
});

describe("rate limiting per client key", () => {
  test("the request over the limit is 429 with Retry-After, per key", async () => {
    const limited = miniflare({ UPSTREAM_URL: proxy.url, RATE_LIMIT_REQUESTS: "3", RATE_LIMIT_WINDOW_SECONDS: "60" });
    try {
      const a = { ...auth("luna_rate_limit_key_aaaaaaaaaaaaaa"), "CF-Connecting-IP": "198.51.100.1" };
      for (let i = 0; i < 3; i++) assert.equal((await call("GET", "/api/v1/agents", { headers: a, instance: limited })).reached, 1);
      const over = await call("GET", "/api/v1/agents", { headers: a, instance: limited });
      assertEdgeError(over, 429, "RATE_LIMITED");
      assert.ok(Number(over.res.headers.get("Retry-After")) >= 1);
      assert.equal(over.json.error.details.limit, 3);
      // another key, and an anonymous client, have their own buckets
      const b = await call("GET", "/api/v1/agents", { headers: { ...auth("luna_rate_limit_key_bbbbbbbbbbbbbb"), "CF-Connecting-IP": "198.51.100.1" }, instance: limited });
      assert.equal(b.reached, 1);
      for (let i = 0; i < 3; i++) assert.equal((await call("GET", "/api/v1/health", { headers: { "CF-Connecting-IP": "198.51.100.7" }, instance: limited })).res.status, 200);
      assertEdgeError(await call("GET", "/api/v1/health", { headers: { "CF-Connecting-IP": "198.51.100.7" }, instance: limited }), 429, "RATE_LIMITED");
    } finally {
      await limited.dispose();
    }
  });
});

describe("WebSocket upgrades", () => {
  test("pass through to the upstream", async () => {
    const before = proxy.state.forwarded;
    const res = await mf.dispatchFetch(`${EDGE}/api/v1/health`, { headers: { Upgrade: "websocket", "CF-Connecting-IP": "203.0.113.99" } });
    assert.equal(res.status, 101);
    const ws = res.webSocket;
    ws.accept();
    const echoed = new Promise((resolve) => ws.addEventListener("message", (e) => resolve(e.data)));
    ws.send("hello through the edge");
    assert.equal(await echoed, "hello through the edge");
    assert.equal(proxy.state.forwarded - before, 1);
    assert.match(proxy.state.lastHeaders["x-request-id"], /^req_/);
    ws.close(1000, "done");
  });

  test("protected routes still need credentials", async () => {
    const r = await call("GET", "/api/v1/agents", { headers: { Upgrade: "websocket" } });
    assertEdgeError(r, 401, "UNAUTHENTICATED");
  });

  test("the live streams are in the route table: /api/v1/ws upgrades pass through with credentials", async () => {
    const before = proxy.state.forwarded;
    const res = await mf.dispatchFetch(`${EDGE}/api/v1/ws`, { headers: { Upgrade: "websocket", ...auth(ADMIN_KEY) } });
    assert.equal(res.status, 101);
    const ws = res.webSocket;
    ws.accept();
    const echoed = new Promise((resolve) => ws.addEventListener("message", (e) => resolve(e.data)));
    ws.send('{"type":"ping"}');
    assert.equal(await echoed, '{"type":"ping"}');
    assert.equal(proxy.state.forwarded - before, 1);
    assert.equal(proxy.state.lastHeaders.authorization, `Bearer ${ADMIN_KEY}`);
    ws.close(1000, "done");
    for (const path of ["/api/v1/ws", "/api/v1/tasks/tsk_01JNOSUCHTASK0000000000000/progress"]) {
      assertEdgeError(await call("GET", path, { headers: { Upgrade: "websocket" } }), 401, "UNAUTHENTICATED");
    }
    // the SSE streams are routes too (not ROUTE_NOT_FOUND): without credentials the edge answers 401 itself
    for (const path of ["/api/v1/events", "/api/v1/agents/agt_01JNOSUCHAGENT000000000000/metrics/events"]) {
      assertEdgeError(await call("GET", path), 401, "UNAUTHENTICATED");
    }
  });
});
