// Edge overhead: latency of GET /api/v1/agents/{id} (an authenticated function call) and GET /api/v1/health
// through the Worker in workerd (Miniflare) vs straight to the local runtime, p50/p99. Run by scripts/bench/edge.
import { ADMIN_KEY, miniflare, startLocalRuntime } from "./support.mjs";

const N = Number(process.env.LUNA_EDGE_BENCH_REQUESTS ?? 2000);
const WARMUP = 300;
const runtime = await startLocalRuntime();
const mf = miniflare({ UPSTREAM_URL: runtime.url, RATE_LIMIT_REQUESTS: "0" });
const mfLimited = miniflare({ UPSTREAM_URL: runtime.url, RATE_LIMIT_REQUESTS: "1000000" });
try {
  await mf.ready;
  await mfLimited.ready;
  const headers = { Authorization: `Bearer ${ADMIN_KEY}`, "Content-Type": "application/json" };
  const created = await (await fetch(`${runtime.url}/api/v1/agents`, {
    method: "POST", headers, body: JSON.stringify({ name: `bench-${Date.now()}`, type: "task-executor", version: "1.0.0", config: { runtime: "java" } }),
  })).json();
  const path = `/api/v1/agents/${created.data.id}`;

  const direct = (p) => fetch(runtime.url + p, { headers });
  const edge = (instance) => (p) => instance.dispatchFetch("https://api.luna.test" + p, { headers: { ...headers, "CF-Connecting-IP": "203.0.113.1" } });
  const rows = [];
  for (const [label, p] of [["GET /api/v1/agents/{id}", path], ["GET /api/v1/health", "/api/v1/health"]]) {
    for (const [via, send] of [["direct to the local runtime", direct], ["through the Worker (workerd), rate limiter off", edge(mf)], ["through the Worker + rate limiter (Durable Object)", edge(mfLimited)]]) {
      for (let i = 0; i < WARMUP; i++) await (await send(p)).arrayBuffer();
      const times = [];
      for (let i = 0; i < N; i++) {
        const t0 = process.hrtime.bigint();
        const res = await send(p);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${via} ${p} -> ${res.status}`);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      times.sort((a, b) => a - b);
      const q = (f) => times[Math.min(times.length - 1, Math.floor(f * times.length))].toFixed(2);
      rows.push(`| ${label} | ${via} | ${q(0.5)} | ${q(0.99)} |`);
    }
  }
  console.log(`Luna edge overhead — ${N} sequential requests per row after ${WARMUP} warm-up, same machine, latency in ms`);
  console.log("| request | path | p50 | p99 |");
  console.log("|---|---|---|---|");
  for (const r of rows) console.log(r);
} finally {
  await mf.dispose();
  await mfLimited.dispose();
  await runtime.stop();
}
