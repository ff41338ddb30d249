// Metrics, dashboards and alarms: functions/metrics.json declares every metric the functions emit as CloudWatch
// Embedded Metric Format (name, unit, dimension sets; the Java code validates each line against it, MetricsIT checks
// real lines). Here:
//   - every alarm of the root module on the EMF namespace (metric_name, or each metric of a metric_query) names a
//     declared metric with the Stack dimension plus exactly one of its declared dimension sets;
//   - every EMF metric a dashboard names ([local.metric_namespace, "Name", dim, value, ...] or a SEARCH over
//     {namespace,Stack,...} MetricName="Name") is declared, with a declared dimension set;
//   - every declared metric is on a dashboard, and is a string literal somewhere in the Java sources (emitted);
//   - the specification's alert thresholds each have their alarm, and every alarm notifies someone.

import fs from "node:fs";
import path from "node:path";

// SPEC "Alert Thresholds" => the alarm resource that implements each
const REQUIRED_ALARMS = {
  api_error_rate: "aws_cloudwatch_metric_alarm.api_error_rate",
  api_latency_p95: "aws_cloudwatch_metric_alarm.api_latency_p95",
  "token_budget_threshold / token_budget_exceeded": "aws_cloudwatch_metric_alarm.token_budget",
  rag_cache_hit_rate: "aws_cloudwatch_metric_alarm.rag_cache_hit_rate",
  agent_down_time: "aws_cloudwatch_metric_alarm.agent_down",
  rag_index_unavailable: "aws_cloudwatch_metric_alarm.rag_index_unavailable",
};
const NS_REF = "local.metric_namespace";

const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

export function checkMetrics({ repo, root, tfRoot, report: { fail, rel } }) {
  const file = path.join(repo, "functions", "metrics.json");
  let decl;
  try {
    decl = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    fail(`${rel(file)}: cannot read JSON: ${e.message}`);
    return { metrics: 0, alarms: 0 };
  }
  const common = decl.commonDimensions ?? [];
  const metrics = decl.metrics ?? {};
  const onDashboard = new Set();

  // dims: the dimension names used (common ones included); where: for messages
  const use = (name, dims, where, dashboard) => {
    const m = metrics[name];
    if (!m) return fail(`${where}: metric ${name} is not declared in ${rel(file)}`);
    for (const c of common) if (!dims.includes(c)) fail(`${where}: metric ${name} without the dimension ${c}`);
    const own = dims.filter((d) => !common.includes(d));
    if (!m.dimensions.some((set) => sameSet(set, own))) {
      fail(`${where}: metric ${name} with dimensions [${own}] is not published; ${rel(file)} declares ${JSON.stringify(m.dimensions)}`);
    }
    if (dashboard) onDashboard.add(name);
  };

  // alarms, from the parsed HCL
  let alarms = 0;
  const present = new Set();
  for (const { file: tf, json } of root?.files ?? []) {
    for (const [name, blocks] of Object.entries(json.resource?.aws_cloudwatch_metric_alarm ?? {})) {
      present.add(`aws_cloudwatch_metric_alarm.${name}`);
      const a = blocks[0];
      const where = `${rel(tf)}: alarm ${name}`;
      const onNamespace = (m) => typeof m.namespace === "string" && (m.namespace.includes(NS_REF) || m.namespace === decl.namespace);
      const check = (m) => {
        if (!onNamespace(m)) return;
        if (typeof m.metric_name !== "string" || m.metric_name.includes("${")) return fail(`${where}: metric_name must be a literal`);
        if (typeof m.dimensions !== "object" || m.dimensions === null) return fail(`${where}: dimensions must be a literal map`);
        use(m.metric_name, Object.keys(m.dimensions), where, false);
      };
      check(a);
      for (const q of a.metric_query ?? []) for (const m of q.metric ?? []) check(m);
      if (!a.alarm_actions) fail(`${where}: no alarm_actions (nobody would be told)`);
      alarms++;
    }
  }
  for (const [threshold, resource] of Object.entries(REQUIRED_ALARMS)) {
    if (!present.has(resource)) fail(`${rel(tfRoot)}: no ${resource} for the alert threshold ${threshold}`);
  }

  // dashboards (and anything else in the root) from the text: metric arrays and SEARCH expressions
  let dashboards = 0;
  for (const { file: tf } of root?.files ?? []) {
    const text = fs.readFileSync(tf, "utf8");
    dashboards += (text.match(/resource\s+"aws_cloudwatch_dashboard"/g) ?? []).length;
    const arrays = /\[\s*local\.metric_namespace\s*,\s*("[^"]*"|[A-Za-z_]\w*)((?:\s*,\s*(?:"[^"]*"|[A-Za-z_][\w.]*(?:\[[^\]]*\])?))*)/g;
    for (const m of text.matchAll(arrays)) {
      const where = `${rel(tf)}: line ${text.slice(0, m.index).split("\n").length}`;
      const parts = m[2].split(",").map((s) => s.trim()).filter(Boolean);
      const dims = [];
      for (let i = 0; i < parts.length; i += 2) {
        if (!/^"[^"]*"$/.test(parts[i])) fail(`${where}: dimension name ${parts[i]} must be a literal`);
        else dims.push(parts[i].slice(1, -1));
      }
      let names;
      if (m[1].startsWith('"')) names = [m[1].slice(1, -1)];
      else {
        // a for variable: the literals of the list it ranges over
        const before = text.slice(0, m.index);
        const loop = [...before.matchAll(new RegExp(`for\\s+${m[1]}\\s+in\\s+\\[([^\\]]*)\\]`, "g"))].pop();
        if (!loop) { fail(`${where}: metric name ${m[1]} is neither a literal nor a for variable over a literal list`); continue; }
        names = [...loop[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
      }
      for (const n of names) use(n, dims, where, true);
    }
    const searches = /SEARCH\('\{\$\{local\.metric_namespace\},([^}]*)\}\s+MetricName=\\?"(\w+)\\?"/g;
    for (const m of text.matchAll(searches)) {
      const where = `${rel(tf)}: line ${text.slice(0, m.index).split("\n").length} (SEARCH)`;
      use(m[2], m[1].split(",").map((s) => s.trim()), where, true);
    }
  }
  for (const name of Object.keys(metrics)) {
    if (!onDashboard.has(name)) fail(`${rel(file)}: metric ${name} is on no dashboard`);
  }

  // emitted: each declared name is a string literal in the Java sources of shared/ or functions/
  const java = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) { if (!["target", "node_modules", "test", ".git"].includes(e.name)) walk(full); }
      else if (e.name.endsWith(".java")) java.push(fs.readFileSync(full, "utf8"));
    }
  };
  for (const top of ["shared", "functions"]) if (fs.existsSync(path.join(repo, top))) walk(path.join(repo, top));
  const sources = java.join("\n");
  if (java.length > 0) {
    for (const name of Object.keys(metrics)) {
      if (!sources.includes(`"${name}"`)) fail(`${rel(file)}: metric ${name} is declared but no Java source emits it`);
    }
  }
  return { metrics: Object.keys(metrics).length, alarms, dashboards };
}
