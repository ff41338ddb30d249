// Checks a generated Cloudflare Worker project the way its user would run it, offline:
//   1. tsc --noEmit with @cloudflare/workers-types (the project's tsconfig.json);
//   2. wrangler d1 migrations apply <binding> --local for every D1 database with migrations;
//   3. the Worker started in workerd through wrangler's unstable_startWorker (KV, D1, R2, Queues emulated), with
//      ORIGIN_URL pointed at a local stub origin answering 200, and every request of smoke.json sent to it.
// Prints "OK: …" or "INVALID: …" lines; exits 1 when anything is invalid.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, readFileSync, symlinkSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

process.env.WRANGLER_SEND_METRICS = "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";
process.env.CI = "true";
const home = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const project = resolve(process.argv[2] ?? ".");
let invalid = 0;
const ok = (m) => console.log("OK: " + m);
const bad = (m) => { invalid++; console.log("INVALID: " + m); };

function stripComments(text) {
  return text.replace(/^\s*\/\/.*$/gm, "");
}

if (!existsSync(join(project, "node_modules"))) symlinkSync(join(home, "node_modules"), join(project, "node_modules"), "dir");

// 1. TypeScript
const tsc = spawnSync(process.execPath, [join(home, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", project], { encoding: "utf8" });
if (tsc.status === 0) ok("tsc --noEmit");
else for (const line of (tsc.stdout + tsc.stderr).split("\n").filter((l) => l.trim())) bad("tsc: " + line.trim());

const config = JSON.parse(stripComments(readFileSync(join(project, "wrangler.jsonc"), "utf8")));
const persist = mkdtempSync(join(tmpdir(), "luna-wrangler-"));
const wrangler = join(home, "node_modules/wrangler/bin/wrangler.js");

// 2. D1 migrations
for (const db of config.d1_databases ?? []) {
  if (!db.migrations_dir || !existsSync(join(project, db.migrations_dir))) continue;
  const run = spawnSync(process.execPath, [wrangler, "d1", "migrations", "apply", db.binding, "--local", "--persist-to", persist],
    { cwd: project, encoding: "utf8", env: process.env, timeout: 120000 });
  if (run.status === 0) ok("d1 migrations apply " + db.binding + " --local");
  else bad("d1 migrations apply " + db.binding + ": " + (run.stdout + run.stderr).split("\n").filter((l) => /error|✘/i.test(l)).slice(0, 5).join(" | "));
}

// 3. workerd + smoke requests
const origin = createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ origin: "stub", method: req.method, url: req.url }));
});
await new Promise((r) => origin.listen(0, "127.0.0.1", r));
const originUrl = "http://127.0.0.1:" + origin.address().port;
let worker;
try {
  if (tsc.status !== 0 && process.argv.includes("--stop-on-tsc")) throw new Error("tsc failed");
  const { unstable_startWorker } = await import("wrangler");
  worker = await unstable_startWorker({
    config: join(project, "wrangler.jsonc"),
    bindings: { ORIGIN_URL: { type: "plain_text", value: originUrl } },
    dev: { server: { hostname: "127.0.0.1", port: 0 }, inspector: false, persist, watch: false, remote: false, generateTypes: false },
  });
  await worker.ready;
  const base = await worker.url;
  ok("the Worker started in workerd");
  const smoke = JSON.parse(readFileSync(join(project, "smoke.json"), "utf8"));
  for (const r of smoke.requests) {
    const init = { method: r.method, headers: { "content-type": "application/json" } };
    if (r.body !== undefined) init.body = r.body;
    const res = await fetch(new URL(r.path, base), init);
    const text = await res.text();
    const proxiedOk = !r.proxied || res.headers.get("x-migration") === "proxy";
    if (res.status === r.expectStatus && proxiedOk) ok(r.method + " " + r.path + " → " + res.status);
    else bad(r.name + ": " + r.method + " " + r.path + " answered " + res.status + " (expected " + r.expectStatus + (r.proxied ? " through the proxy" : "") + "): " + text.slice(0, 300));
  }
} catch (e) {
  bad("the Worker did not start or answer: " + String(e?.stack ?? e).split("\n").slice(0, 6).join(" | "));
} finally {
  if (worker) await worker.dispose();
  origin.close();
  rmSync(persist, { recursive: true, force: true });
}
process.exit(invalid > 0 ? 1 : 0);
