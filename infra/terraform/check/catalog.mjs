// The catalog against the root module: every function deployable (module, bean, limits, trigger settings, tables
// and queues that exist), routes unique, every trigger type filtered by its root local and deployed by its module
// with for_each, and every consumed queue with one consumer and a dead-letter queue.

import { literal } from "./hcl.mjs";
import { decodedFile, mirrorFilter, rootModuleFor } from "./root-locals.mjs";

// Trigger type => the root local that filters it and the module that deploys it.
export const TRIGGERS = {
  http: { local: "http_functions", module: "modules/http-function" },
  queue: { local: "queue_functions", module: "modules/queue-function" },
  task: { local: "queue_functions", module: "modules/queue-function" },
  schedule: { local: "schedule_functions", module: "modules/scheduled-function" },
  websocket: { local: "websocket_functions", module: "modules/websocket-function" },
  stream: { local: "stream_functions", module: "modules/stream-function" },
};
export const PRIORITIES = ["critical", "high", "normal", "low", "background"];
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"];

// data.json's queues plus the five priority queues of every task type (tasks-<type>-<priority>, shaped by taskQueue)
function allQueues(functions, data, fail) {
  const taskQueues = {};
  for (const [name, fn] of Object.entries(functions)) {
    if (fn?.trigger?.type !== "task") continue;
    if (!data.taskQueue) fail(`functions/catalog.json: ${name} is a task function but infra/terraform/data.json has no taskQueue`);
    for (const p of PRIORITIES) taskQueues[`tasks-${fn.trigger.taskType}-${p}`] = { ...(data.taskQueue ?? {}), worker: name };
  }
  return { ...(data.queues ?? {}), ...taskQueues };
}

// Checks the catalog; counts functions per trigger type into `counts`; returns every queue (data.json's and the task queues).
export function checkCatalog(ctx, counts) {
  const { root, catalog, data, tfRoot, dataPath, report: { fail, rel } } = ctx;
  const functions = catalog.functions ?? {};
  const modules = catalog.modules ?? {};
  const defaults = catalog.defaults ?? {};
  const tables = data.tables ?? {};
  const queues = allQueues(functions, data, fail);

  // data.json decoded by the root too
  const dataLocal = [...root.locals.entries()].find(([, e]) => decodedFile(tfRoot, e) === dataPath);
  if (!dataLocal) fail(`${rel(tfRoot)}: no local decodes data.json (jsondecode(file("\${path.module}/data.json")))`);

  // every function: fields Terraform's locals need
  for (const [name, fn] of Object.entries(functions)) {
    const where = `functions/catalog.json: ${name}`;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) fail(`${where}: name must be lowercase kebab-case`);
    if (!fn.module || !modules[fn.module]) fail(`${where}: module "${fn.module}" is not in catalog.modules`);
    else {
      if (!modules[fn.module].artifact) fail(`${where}: module ${fn.module} has no artifact`);
      if (!modules[fn.module].initializer) fail(`${where}: module ${fn.module} has no initializer`);
    }
    if (!fn.bean) fail(`${where}: no bean`);
    const type = fn.trigger?.type;
    if (!TRIGGERS[type]) { fail(`${where}: unknown trigger type "${type}" (known: ${Object.keys(TRIGGERS).join(", ")})`); continue; }
    counts[type] = (counts[type] ?? 0) + 1;
    const memory = fn.memoryMb ?? defaults.memoryMb;
    const timeout = fn.timeoutSeconds ?? defaults.timeoutSeconds;
    if (!(memory >= 128 && memory <= 10240)) fail(`${where}: memoryMb ${memory} is outside 128..10240`);
    if (!(timeout >= 1 && timeout <= 900)) fail(`${where}: timeoutSeconds ${timeout} is outside 1..900`);
    for (const t of fn.tables ?? []) {
      if (!(t in tables)) fail(`${where}: table "${t}" is not in infra/terraform/data.json (tables: ${Object.keys(tables).join(", ")})`);
    }
    checkTrigger(name, fn, timeout, queues, data, fail);
  }

  // unique routes
  const routes = new Map();
  for (const [name, fn] of Object.entries(functions)) {
    if (fn.trigger?.type !== "http") continue;
    const key = `${fn.trigger.method} ${fn.trigger.path}`;
    if (routes.has(key)) fail(`functions/catalog.json: ${name} and ${routes.get(key)} both claim route ${key}`);
    routes.set(key, name);
  }

  checkCoverage(ctx, functions);
  checkConsumers(functions, queues, fail);
  return queues;
}

function checkTrigger(name, fn, timeout, queues, data, fail) {
  const where = `functions/catalog.json: ${name}`;
  const type = fn.trigger.type;
  if (type === "http") {
    if (!HTTP_METHODS.includes(fn.trigger.method)) fail(`${where}: HTTP method "${fn.trigger.method}" is not one of ${HTTP_METHODS.join(", ")}`);
    if (typeof fn.trigger.path !== "string" || !fn.trigger.path.startsWith("/")) fail(`${where}: HTTP path must start with "/"`);
    if (timeout > 30) fail(`${where}: timeoutSeconds ${timeout} exceeds the 30 s API Gateway integration limit`);
  }
  if (type === "queue") {
    const q = queues[fn.trigger.queue];
    if (!q) fail(`${where}: queue "${fn.trigger.queue}" is not in infra/terraform/data.json`);
    else if ((q.visibilityTimeoutSeconds ?? 30) < 6 * timeout) {
      fail(`${where}: queue ${fn.trigger.queue} visibilityTimeoutSeconds ${q.visibilityTimeoutSeconds ?? 30} is below 6 x the function timeout (${timeout})`);
    }
  }
  if (type === "task") {
    const t = fn.trigger.taskType;
    if (typeof t !== "string" || !/^[a-z0-9][a-z0-9-]{0,47}$/.test(t)) fail(`${where}: taskType "${t}" must be a task type name (lowercase, digits, '-', <= 48)`);
    else if (name !== `task-${t}`) fail(`${where}: the worker of task type ${t} must be named task-${t}`);
    if ((data.taskQueue?.visibilityTimeoutSeconds ?? 30) < 6 * timeout) {
      fail(`${where}: taskQueue visibilityTimeoutSeconds ${data.taskQueue?.visibilityTimeoutSeconds ?? 30} is below 6 x the function timeout (${timeout})`);
    }
    for (const [p, c] of Object.entries(fn.trigger.priorityConcurrency ?? {})) {
      if (!PRIORITIES.includes(p)) fail(`${where}: priorityConcurrency names "${p}", not one of ${PRIORITIES.join(", ")}`);
      if (!(Number.isInteger(c) && c >= 2 && c <= 1000)) fail(`${where}: priorityConcurrency.${p} ${c} must be an integer 2..1000 (event source mapping limits)`);
    }
  }
  if (type === "schedule" && !/^(cron|rate)\(.+\)$/.test(fn.trigger.schedule ?? "")) {
    fail(`${where}: schedule "${fn.trigger.schedule}" is not a cron(...) or rate(...) expression`);
  }
}

// every trigger type present in the catalog has its filter and its module
function checkCoverage(ctx, functions) {
  const { root, tfRoot, report: { fail, rel } } = ctx;
  for (const [type, spec] of Object.entries(TRIGGERS)) {
    const wanted = Object.entries(functions).filter(([, fn]) => fn?.trigger?.type === type).map(([n]) => n);
    const predicate = mirrorFilter(ctx, spec.local, type);
    if (typeof predicate === "string") {
      if (type === "http" || wanted.length) fail(`${rel(tfRoot)}/locals.tf: ${predicate}`);
      continue;
    }
    const covered = Object.entries(functions).filter(([, fn]) => predicate(fn)).map(([n]) => n);
    const missed = wanted.filter((n) => !covered.includes(n));
    if (missed.length) fail(`${rel(tfRoot)}: catalog functions without a Terraform instance: ${missed.join(", ")}`);

    const found = rootModuleFor(root, spec.local);
    if (!found) {
      if (type === "http" || wanted.length) {
        fail(`${rel(tfRoot)}: no module block with for_each = local.${spec.local}` +
          (wanted.length ? ` (catalog ${type} functions left without resources: ${wanted.join(", ")})` : ""));
      }
      continue;
    }
    const src = literal(found.call.source);
    if (src !== `./${spec.module}`) fail(`${rel(found.call.file)}: module "${found.name}" should have source "./${spec.module}", has ${found.call.source}`);
    if (found.call.function_name !== "${each.key}") fail(`${rel(found.call.file)}: module "${found.name}" must pass function_name = each.key so instances are keyed by catalog name`);
  }
}

// queue functions: trigger settings, one consumer per queue, a DLQ behind every consumed queue, every queue a function names exists
function checkConsumers(functions, queues, fail) {
  const consumers = new Map();
  for (const [name, fn] of Object.entries(functions)) {
    const where = `functions/catalog.json: ${name}`;
    for (const q of fn.queues ?? []) {
      if (q === "tasks-*") continue; // every task queue
      if (!(q in queues)) fail(`${where}: queue "${q}" is not in infra/terraform/data.json (queues: ${Object.keys(queues).join(", ")})`);
    }
    if (fn.trigger?.type !== "queue") continue;
    const { queue, batchSize, maxConcurrency } = fn.trigger;
    if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 10)) {
      fail(`${where}: batchSize ${batchSize} must be an integer 1..10 (no batching window is configured)`);
    }
    if (maxConcurrency !== undefined && !(Number.isInteger(maxConcurrency) && maxConcurrency >= 2 && maxConcurrency <= 1000)) {
      fail(`${where}: maxConcurrency ${maxConcurrency} must be an integer 2..1000 (event source mapping limits)`);
    }
    if (consumers.has(queue)) fail(`${where}: queue ${queue} is already consumed by ${consumers.get(queue)}; two consumers would split its messages at random`);
    consumers.set(queue, name);
    if (queues[queue] && !queues[queue].deadLetterQueue) fail(`${where}: queue ${queue} has no deadLetterQueue; a message that keeps failing would be retried forever`);
  }
}
