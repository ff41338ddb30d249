import { D1_TABLES, type Env } from "./env";

/** Checks the bindings the migration created: the D1 tables exist, KV answers, R2 answers. 200 when all do, 500 otherwise. */
export async function health(env: Env): Promise<Response> {
  const problems: string[] = [];
  const checks: Record<string, unknown> = {};
  const rows = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all<{ name: string }>();
  const present = new Set(rows.results.map((r) => r.name));
  const missing = D1_TABLES.filter((t) => !present.has(t));
  if (missing.length > 0) problems.push("D1 tables missing (apply migrations/): " + missing.join(", "));
  checks.d1Tables = D1_TABLES.length - missing.length;
  await env.CACHE.put("__migration_health", "ok");
  if ((await env.CACHE.get("__migration_health")) !== "ok") problems.push("KV CACHE did not read back");
  checks.kv = "CACHE";
  await env.BUCKET.put("__migration_health", "ok");
  const object = await env.BUCKET.get("__migration_health");
  if (object === null || (await object.text()) !== "ok") problems.push("R2 BUCKET did not read back");
  await env.BUCKET.delete("__migration_health");
  checks.originConfigured = env.ORIGIN_URL !== "";
  return Response.json({ ok: problems.length === 0, problems, checks }, { status: problems.length === 0 ? 200 : 500 });
}
