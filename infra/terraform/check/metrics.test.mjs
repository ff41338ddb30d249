// node --test: the metrics check fails on drift between functions/metrics.json, the alarms, the dashboards and the
// Java code (run by scripts/check-terraform).

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import test from "node:test";
import { checkMetrics } from "./metrics.mjs";
import { parseModules } from "./modules.mjs";
import { createReport } from "./report.mjs";

const METRICS = {
  namespace: "Luna",
  commonDimensions: ["Stack"],
  metrics: {
    ApiFaults: { unit: "Count", dimensions: [["Function"], []] },
    CacheHits: { unit: "Count", dimensions: [["Cache"]] },
  },
};
const REQUIRED = ["api_latency_p95", "token_budget", "rag_cache_hit_rate", "agent_down", "rag_index_unavailable"];

function alarm(name, metric, dims) {
  return `resource "aws_cloudwatch_metric_alarm" "${name}" {
  alarm_name    = "x"
  namespace     = local.metric_namespace
  metric_name   = "${metric}"
  dimensions    = { ${dims} }
  alarm_actions = local.alarm_actions
}
`;
}

async function run({ tf, java = 'class M { void f() { e("ApiFaults"); e("CacheHits"); } }' }) {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), "metrics-check-"));
  const tfRoot = path.join(repo, "infra", "terraform");
  fs.mkdirSync(tfRoot, { recursive: true });
  fs.mkdirSync(path.join(repo, "functions", "x", "src", "main", "java"), { recursive: true });
  fs.writeFileSync(path.join(repo, "functions", "metrics.json"), JSON.stringify(METRICS));
  fs.writeFileSync(path.join(repo, "functions", "x", "src", "main", "java", "M.java"), java);
  const others = REQUIRED.map((n) => alarm(n, "ApiFaults", "Stack = local.resource_prefix")).join("\n");
  fs.writeFileSync(path.join(tfRoot, "o.tf"), tf + "\n" + others);
  const report = createReport(repo);
  const dirs = await parseModules([path.join(tfRoot, "o.tf")], report);
  checkMetrics({ repo, tfRoot, root: dirs.get(tfRoot), report });
  fs.rmSync(repo, { recursive: true, force: true });
  return report.errors;
}

const DASHBOARD = `locals {
  d = [[local.metric_namespace, "ApiFaults", "Stack", local.resource_prefix],
       [{ expression = "SEARCH('{\${local.metric_namespace},Stack,Cache} MetricName=\\"CacheHits\\" x', 'Sum', 300)" }]]
}
resource "aws_cloudwatch_dashboard" "d" {
  dashboard_name = "d"
  dashboard_body = jsonencode(local.d)
}
`;

test("declared metrics with declared dimension sets pass", async () => {
  const errors = await run({ tf: DASHBOARD + alarm("api_error_rate", "ApiFaults", "Stack = local.resource_prefix, Function = \"rag-query\"") });
  assert.deepEqual(errors, []);
});

test("an alarm on an undeclared metric fails", async () => {
  const errors = await run({ tf: DASHBOARD + alarm("api_error_rate", "ApiFault", "Stack = local.resource_prefix") });
  assert.match(errors.join("\n"), /metric ApiFault is not declared/);
});

test("an alarm on an undeclared dimension set fails", async () => {
  const errors = await run({ tf: DASHBOARD + alarm("api_error_rate", "ApiFaults", "Stack = local.resource_prefix, Code = \"X\"") });
  assert.match(errors.join("\n"), /ApiFaults with dimensions \[Code\] is not published/);
});

test("an alarm without the Stack dimension fails", async () => {
  const errors = await run({ tf: DASHBOARD + alarm("api_error_rate", "ApiFaults", "Function = \"rag-query\"") });
  assert.match(errors.join("\n"), /without the dimension Stack/);
});

test("a missing threshold alarm, a metric on no dashboard and one no Java code emits fail", async () => {
  const errors = await run({ tf: "", java: 'class M { void f() { e("ApiFaults"); } }' });
  const text = errors.join("\n");
  assert.match(text, /no aws_cloudwatch_metric_alarm.api_error_rate/);
  assert.match(text, /metric CacheHits is on no dashboard/);
  assert.match(text, /metric CacheHits is declared but no Java source emits it/);
});
