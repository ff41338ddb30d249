// Console benchmark (scripts/bench/console): against a fresh local runtime, in Debian's Chromium,
//  - the overview's cold first load, each in a new browser context (empty cache): JS bytes over the wire and
//    decoded, and the time from navigation to the overview showing its data (p50/p95 over CONSOLE_BENCH_LOADS);
//  - live progress lag: an echo task of 10 steps over 5 s; for every step the time between the task recording it
//    (the step's startedAt) and the page showing that percentage.
import { launch, signIn } from './browser.mjs';

const BASE = process.env.LUNA_URL;
const KEY = process.env.LUNA_KEY;
const LOADS = Number(process.env.CONSOLE_BENCH_LOADS ?? 15);
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function api(method, path, body) {
  const r = await fetch(`${BASE}${path}`, { method, headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
  return (await r.json()).data;
}

const browser = await launch();
const times = [];
let wire = 0;
let decoded = 0;
for (let i = 0; i < LOADS + 1; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, BASE, KEY); // stores the session in this context's sessionStorage
  await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
  await page.evaluate(() => performance.clearResourceTimings());
  const start = Date.now();
  await page.reload();
  await page.getByText(/this minute/).waitFor();
  await page.getByText(/^\d+ agents$/).waitFor();
  const elapsed = Date.now() - start;
  const js = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js'))
    .reduce((a, e) => ({ wire: a.wire + e.encodedBodySize, decoded: a.decoded + e.decodedBodySize }), { wire: 0, decoded: 0 }));
  if (i > 0) times.push(elapsed); // the first load warms the runtime's own code paths
  wire = js.wire;
  decoded = js.decoded;
  await context.close();
}
console.log(`overview first load: ${(wire / 1024).toFixed(1)} KB of JS over the wire (${(decoded / 1024).toFixed(1)} KB decoded)`);
console.log(`overview load to data shown (signed in, browser cache cleared, ${LOADS} runs): p50 ${pct(times, 50)} ms, p95 ${pct(times, 95)} ms`);

const agent = await api('POST', '/api/v1/agents', { name: 'bench echo', type: 'task-executor', version: '1.0.0', config: { runtime: 'java', capabilities: ['echo'] } });
await api('POST', `/api/v1/agents/${agent.id}/start`);
const context = await browser.newContext();
const page = await context.newPage();
await signIn(page, BASE, KEY);
const task = await api('POST', '/api/v1/tasks', { type: 'echo', payload: { message: 'bench', steps: 10, delayMs: 5000 } });
await page.goto(`${BASE}/tasks/${task.id}`);
const shown = new Map();
while (true) {
  const text = await page.getByTestId('progress-text').innerText();
  const p = Number(/(\d+) %/.exec(text)?.[1]);
  if (!shown.has(p)) shown.set(p, Date.now());
  if (p === 100) break;
  await page.waitForTimeout(20);
}
const done = await api('GET', `/api/v1/tasks/${task.id}`);
const lags = [];
done.progress.steps.forEach((s, i) => {
  // step i+1 completing moves the page to (i+1)*10 %: compare with when the task recorded it
  const at = shown.get(Math.round(((i + 1) / done.progress.steps.length) * 100));
  if (at && s.completedAt) lags.push(at - Date.parse(s.completedAt));
});
console.log(`live progress lag (task records a step → page shows it, ${lags.length} steps): p50 ${pct(lags, 50)} ms, max ${Math.max(...lags)} ms`);
await browser.close();
