// Offline structural check of infra/terraform (run by scripts/check-terraform).
//
// CI has no cloud access and may have no terraform binary, so this converts
// every .tf file to JSON with @cdktf/hcl2json (expressions kept as strings) and
// checks what `terraform validate` would not, or could not here:
//   - every .tf file parses;
//   - every var./local./module./data./resource reference in a module directory
//     is declared in that directory; module outputs referenced exist; module
//     calls pass only declared variables and every required one;
//   - the root module instantiates modules/http-function with for_each over
//     local.http_functions, derived from functions/catalog.json by a filter this
//     script mirrors, so every catalog function with an HTTP trigger gets an
//     instance (and queue/schedule functions are not silently left out);
//   - catalog entries are deployable (module, bean, method, path, limits, unique
//     routes) and every table a function names exists in data.json;
//   - queue and schedule functions likewise get modules/queue-function (event
//     source mapping with ReportBatchItemFailures and maximum concurrency,
//     oldest-message alarm) and modules/scheduled-function (EventBridge
//     Scheduler sending a scheduled event); each queue has one consumer and a
//     dead-letter queue, whose depth is alarmed;
//   - data.json is consistent (key attributes, dead-letter queues);
//   - nothing looks like a hard-coded secret;
//   - alarms and dashboards name only metrics functions/metrics.json declares, with declared dimension sets, and
//     every declared metric is emitted by the Java code and shown on a dashboard (metrics.mjs).
//
// One file per concern: hcl.mjs (expressions), modules.mjs (parsing, references, module calls), secrets.mjs,
// root-locals.mjs and catalog.mjs (catalog => locals => for_each), trigger-modules.mjs, data-json.mjs, edge.mjs, metrics.mjs.
//
// Usage: node check.mjs [repo-root]   (default: three levels up from here)

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkCatalog, PRIORITIES } from "./catalog.mjs";
import { checkDataJson } from "./data-json.mjs";
import { checkEdge } from "./edge.mjs";
import { checkMetrics } from "./metrics.mjs";
import { checkModules, parseModules } from "./modules.mjs";
import { createReport } from "./report.mjs";
import { checkSecrets } from "./secrets.mjs";
import { checkTriggerModules } from "./trigger-modules.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(process.argv[2] ?? path.join(here, "..", "..", ".."));
const tfRoot = path.join(repo, "infra", "terraform");
const catalogPath = path.join(repo, "functions", "catalog.json");
const dataPath = path.join(tfRoot, "data.json");
const SKIP_DIRS = new Set(["node_modules", ".terraform", "check"]);

const report = createReport(repo);
const { errors, fail, rel } = report;

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) || (entry.name === "check" && dir !== tfRoot)) walk(full, out);
    } else {
      out.push(full);
    }
  }
  return out;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    fail(`${rel(file)}: cannot read JSON: ${e.message}`);
    return null;
  }
}

if (!fs.existsSync(tfRoot)) {
  console.error(`terraform check: ${rel(tfRoot)} does not exist`);
  process.exit(1);
}
const allFiles = walk(tfRoot);
const tfFiles = allFiles.filter((f) => f.endsWith(".tf")).sort();

const dirs = await parseModules(tfFiles, report);
checkModules(dirs, report);
checkSecrets(allFiles, report);

// the root module: catalog => locals => for_each
const root = dirs.get(tfRoot);
const catalog = readJson(catalogPath);
const data = readJson(dataPath);
const counts = {};
const ctx = { repo, tfRoot, catalogPath, dataPath, dirs, root, catalog, data, report };
if (!root) fail(`${rel(tfRoot)}: no .tf files`);
if (root && catalog && data) {
  const queues = checkCatalog(ctx, counts);
  checkTriggerModules(ctx, queues);
  checkDataJson(ctx, queues);
}
checkEdge(ctx);
const observed = checkMetrics(ctx);

function taskQueuesOf(c) {
  return Object.fromEntries(Object.values(c?.functions ?? {}).filter((fn) => fn?.trigger?.type === "task")
    .flatMap((fn) => PRIORITIES.map((p) => [`tasks-${fn.trigger.taskType}-${p}`, 1])));
}

if (errors.length) {
  console.error(`terraform check: ${errors.length} problem${errors.length === 1 ? "" : "s"}`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}
const fnCount = Object.keys(catalog.functions ?? {}).length;
const byType = Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(", ");
const n = (x) => Object.keys(x ?? {}).length;
console.log(
  `terraform check: ${fnCount} functions (${byType}), ${n(data.tables)} tables, ${n(data.buckets)} bucket${n(data.buckets) === 1 ? "" : "s"}, ` +
  `${n(data.queues)} queues + ${n(taskQueuesOf(catalog))} task queues, ${observed.metrics} metrics on ${observed.dashboards} dashboard resource(s) ` +
  `and ${observed.alarms} root alarms, ${tfFiles.length} files in ${dirs.size} modules OK`,
);
