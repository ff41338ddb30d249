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
//   - nothing looks like a hard-coded secret.
//
// Usage: node check.mjs [repo-root]   (default: three levels up from here)

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "@cdktf/hcl2json";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(process.argv[2] ?? path.join(here, "..", "..", ".."));
const tfRoot = path.join(repo, "infra", "terraform");
const catalogPath = path.join(repo, "functions", "catalog.json");
const dataPath = path.join(tfRoot, "data.json");

const errors = [];
const rel = (p) => path.relative(repo, p) || ".";
const fail = (msg) => errors.push(msg);

// Trigger type => the root local that filters it and the module that deploys it.
const TRIGGERS = {
  http: { local: "http_functions", module: "modules/http-function" },
  queue: { local: "queue_functions", module: "modules/queue-function" },
  task: { local: "queue_functions", module: "modules/queue-function" },
  schedule: { local: "schedule_functions", module: "modules/scheduled-function" },
};
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"];
const MODULE_META_ARGS = new Set(["source", "version", "for_each", "count", "providers", "depends_on"]);
const SKIP_DIRS = new Set(["node_modules", ".terraform", "check"]);

// ---------------------------------------------------------------------------
// files

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

// ---------------------------------------------------------------------------
// expressions: hcl2json keeps them as template strings ("${...}"). Strip the
// literal parts so only code is searched for references.

function codeOf(template) {
  let code = "";
  let i = 0;
  const s = template;
  // template: literal text with ${...} / %{...}; stop at `end` (a quote) if given
  function scanTemplate(end) {
    while (i < s.length) {
      const c = s[i];
      if (end && c === "\\") { i += 2; continue; }
      if (end && c === end) { i++; return; }
      if ((c === "$" || c === "%") && s[i + 1] === c && s[i + 2] === "{") { i += 3; continue; } // $${ escape
      if ((c === "$" || c === "%") && s[i + 1] === "{") { i += 2; scanExpr(); code += " "; continue; }
      i++;
    }
  }
  function scanExpr() {
    let depth = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === '"') { i++; code += ' "" '; scanTemplate('"'); continue; }
      if (c === "{" || c === "(" || c === "[") depth++;
      if (c === ")" || c === "]") depth--;
      if (c === "}") {
        if (depth === 0) { i++; return; }
        depth--;
      }
      code += c;
      i++;
    }
  }
  scanTemplate(null);
  return code;
}

const REF_RE = /(?<![\w.\])\-])(var|local|module|data|path|each|count|self|terraform)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?(?:\.([A-Za-z_][\w-]*))?/g;
const RESOURCE_RE = /(?<![\w.\])\-])([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][\w-]*)/g;
const FOR_RE = /\bfor\s+([A-Za-z_]\w*)(?:\s*,\s*([A-Za-z_]\w*))?\s+in\b/g;

function referencesIn(value, ignoredRoots) {
  const code = codeOf(value);
  const locals = new Set(ignoredRoots);
  for (const m of code.matchAll(FOR_RE)) {
    locals.add(m[1]);
    if (m[2]) locals.add(m[2]);
  }
  const refs = [];
  for (const m of code.matchAll(REF_RE)) refs.push({ kind: m[1], parts: [m[2], m[3], m[4]].filter(Boolean) });
  for (const m of code.matchAll(RESOURCE_RE)) {
    if (["var", "local", "module", "data", "path", "each", "count", "self", "terraform"].includes(m[1])) continue;
    if (locals.has(m[1])) continue;
    refs.push({ kind: "resource", parts: [m[1], m[2]] });
  }
  return refs;
}

function* strings(node, trail = []) {
  if (typeof node === "string") yield { value: node, trail };
  else if (Array.isArray(node)) for (const [i, v] of node.entries()) yield* strings(v, [...trail, i]);
  else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) yield* strings(v, [...trail, k]);
}

function* dynamicLabels(node) {
  if (Array.isArray(node)) for (const v of node) yield* dynamicLabels(v);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "dynamic" && v && typeof v === "object" && !Array.isArray(v)) {
        for (const [label, blocks] of Object.entries(v)) {
          yield label;
          for (const b of [].concat(blocks)) {
            if (b && typeof b.iterator === "string") yield b.iterator.replace(/^\$\{|\}$/g, "");
          }
        }
      }
      yield* dynamicLabels(v);
    }
  }
}

// a literal string attribute, or null when it is an expression
const literal = (v) => (typeof v === "string" && !v.includes("${") ? v : null);

// ---------------------------------------------------------------------------
// parse every .tf file, grouped by module directory

const dirs = new Map(); // dir => module info

function moduleInfo(dir) {
  if (!dirs.has(dir)) {
    dirs.set(dir, {
      dir, files: [], variables: new Map(), locals: new Map(), outputs: new Map(),
      modules: new Map(), resources: new Set(), data: new Set(), providers: [], dynamic: new Set(),
    });
  }
  return dirs.get(dir);
}

function declare(map, name, value, what, file, m) {
  if (map.has(name)) fail(`${rel(file)}: ${what} "${name}" is declared twice in ${rel(m.dir)}`);
  map.set(name, value);
}

for (const file of tfFiles) {
  const m = moduleInfo(path.dirname(file));
  let json;
  try {
    json = await parse(path.basename(file), fs.readFileSync(file, "utf8"));
  } catch (e) {
    fail(`${rel(file)}: does not parse: ${String(e.message ?? e).replace(/\s+/g, " ")}`);
    continue;
  }
  m.files.push({ file, json });
  for (const [name, blocks] of Object.entries(json.variable ?? {})) declare(m.variables, name, { ...blocks[0], file }, "variable", file, m);
  for (const block of json.locals ?? []) for (const [name, expr] of Object.entries(block)) declare(m.locals, name, expr, "local", file, m);
  for (const [name, blocks] of Object.entries(json.output ?? {})) declare(m.outputs, name, blocks[0], "output", file, m);
  for (const [name, blocks] of Object.entries(json.module ?? {})) declare(m.modules, name, { ...blocks[0], file }, "module", file, m);
  for (const [type, byName] of Object.entries(json.resource ?? {})) for (const name of Object.keys(byName)) m.resources.add(`${type}.${name}`);
  const dataBlocks = [json.data ?? {}];
  for (const blocks of Object.values(json.check ?? {})) for (const b of blocks) if (b.data) dataBlocks.push(b.data);
  for (const d of dataBlocks) for (const [type, byName] of Object.entries(d)) for (const name of Object.keys(byName)) m.data.add(`${type}.${name}`);
  for (const [name, blocks] of Object.entries(json.provider ?? {})) for (const b of blocks) m.providers.push({ name, block: b, file });
  for (const label of dynamicLabels(json)) m.dynamic.add(label);
}

// ---------------------------------------------------------------------------
// references and module calls

const moduleDir = (m, source) => path.resolve(m.dir, source);

for (const m of dirs.values()) {
  for (const { file, json } of m.files) {
    for (const { value } of strings(json)) {
      for (const ref of referencesIn(value, m.dynamic)) {
        const [a, b] = ref.parts;
        const where = `${rel(file)}`;
        if (ref.kind === "var" && !m.variables.has(a)) fail(`${where}: var.${a} is referenced but not declared in ${rel(m.dir)}`);
        if (ref.kind === "local" && !m.locals.has(a)) fail(`${where}: local.${a} is referenced but not declared in ${rel(m.dir)}`);
        if (ref.kind === "data" && b && !m.data.has(`${a}.${b}`)) fail(`${where}: data.${a}.${b} is referenced but not declared in ${rel(m.dir)}`);
        if (ref.kind === "resource" && !m.resources.has(`${a}.${b}`)) fail(`${where}: ${a}.${b} is referenced but not declared in ${rel(m.dir)}`);
        if (ref.kind === "module") {
          const call = m.modules.get(a);
          if (!call) { fail(`${where}: module.${a} is referenced but not declared in ${rel(m.dir)}`); continue; }
          const src = literal(call.source);
          const target = src && src.startsWith(".") ? dirs.get(moduleDir(m, src)) : null;
          if (b && target && !target.outputs.has(b)) fail(`${where}: module.${a}.${b} is referenced but ${rel(target.dir)} has no output "${b}"`);
        }
      }
    }
  }

  for (const [name, call] of m.modules) {
    const src = literal(call.source);
    if (!src) { fail(`${rel(call.file)}: module "${name}" has no literal source`); continue; }
    if (!src.startsWith(".")) continue; // registry / git modules are not checked
    const target = dirs.get(moduleDir(m, src));
    if (!target) { fail(`${rel(call.file)}: module "${name}" source ${src} is not a directory with .tf files`); continue; }
    for (const arg of Object.keys(call)) {
      if (arg === "file" || MODULE_META_ARGS.has(arg)) continue;
      if (!target.variables.has(arg)) fail(`${rel(call.file)}: module "${name}" passes ${arg}, which ${rel(target.dir)} does not declare`);
    }
    for (const [v, decl] of target.variables) {
      if (!("default" in decl) && !(v in call)) fail(`${rel(call.file)}: module "${name}" does not pass required variable ${v} of ${rel(target.dir)}`);
    }
  }

  for (const p of m.providers) {
    for (const key of ["access_key", "secret_key", "token"]) {
      if (key in p.block) fail(`${rel(p.file)}: provider "${p.name}" sets ${key}; credentials must come from the environment, never from .tf files`);
    }
  }
}

// ---------------------------------------------------------------------------
// secrets: scan the text of every file (comments included)

const SECRET_PATTERNS = [
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, "an AWS access key id"],
  [/\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/, "an \"sk-\" API key"],
  [/-----BEGIN (?:[A-Z]+ )*PRIVATE KEY( BLOCK)?-----/, "a private key"],
  [/aws_secret_access_key\s*[=:]\s*["']?[A-Za-z0-9/+=]{40}/i, "an AWS secret access key"],
];
for (const file of allFiles) {
  if (!/\.(tf|tfvars|json|hcl)$/.test(file) || file.endsWith("package-lock.json")) continue;
  const text = fs.readFileSync(file, "utf8");
  for (const [re, what] of SECRET_PATTERNS) {
    const hit = text.match(re);
    if (hit) {
      const line = text.slice(0, hit.index).split("\n").length;
      fail(`${rel(file)}:${line}: looks like ${what} is hard-coded; use variables fed from a secret store`);
    }
  }
}

// ---------------------------------------------------------------------------
// the root module: catalog => locals => for_each

const root = dirs.get(tfRoot);
const catalog = readJson(catalogPath);
const data = readJson(dataPath);
const counts = {};

// Which file does local.NAME decode? (jsondecode(file("${path.module}/...")))
function decodedFile(expr) {
  const m = typeof expr === "string" && expr.match(/^\$\{jsondecode\(file\("\$\{path\.module\}\/([^"$]+)"\)\)\}$/);
  return m ? path.resolve(tfRoot, m[1]) : null;
}

// { for K, V in SOURCE : K => VALUE [if COND] }
function forMap(expr) {
  const m = typeof expr === "string" &&
    expr.match(/^\$\{\{\s*for\s+(\w+)\s*,\s*(\w+)\s+in\s+([\w.]+)\s*:\s*(\w+)\s*=>([\s\S]*?)\}\}$/);
  if (!m || m[1] !== m[4]) return null;
  let value = m[5];
  let cond = null;
  const ifAt = value.search(/\s+if\s+[\s\S]*$/);
  // only a trailing `if` outside braces is the filter
  if (ifAt >= 0 && !/[{}]/.test(value.slice(ifAt))) {
    cond = value.slice(ifAt).replace(/^\s+if\s+/, "").trim();
    value = value.slice(0, ifAt);
  }
  return { key: m[1], item: m[2], source: m[3], value: value.trim(), cond };
}

// Mirror of the filter: returns a JS predicate over catalog function entries,
// or a string explaining why the HCL cannot be mirrored.
function mirrorFilter(localName, type) {
  const expr = root?.locals.get(localName);
  if (expr === undefined) return `local.${localName} is not declared in ${rel(tfRoot)}`;
  const f = forMap(expr);
  if (!f || !f.cond) return `local.${localName} must read { for name, fn in local.<functions> : name => fn if fn.trigger_type == "${type}" }, got: ${expr}`;
  const esc = f.item.replace(/\W/g, "");
  let field;
  let literalTypes;
  const anyOf = f.cond.match(new RegExp(`^contains\\(\\[([^\\]]*)\\],\\s*${esc}\\.(trigger_type|trigger\\.type)\\)$`));
  if (anyOf) {
    field = anyOf[2];
    literalTypes = [...anyOf[1].matchAll(/"(\w+)"/g)].map((m) => m[1]);
  } else if (new RegExp(`^${esc}\\.trigger_type\\s*==\\s*"(\\w+)"$`).test(f.cond)) field = "trigger_type";
  else if (new RegExp(`^${esc}\\.trigger\\.type\\s*==\\s*"(\\w+)"$`).test(f.cond)) field = "trigger.type";
  else return `cannot mirror the filter of local.${localName}: ${f.cond}`;
  literalTypes ??= [f.cond.match(/"(\w+)"$/)[1]];
  if (!literalTypes.includes(type)) return `local.${localName} filters trigger types ${literalTypes.join(", ")}, not "${type}"`;

  // where do the items come from?
  let catalogLocal;
  if (f.source.startsWith("local.") && f.source.endsWith(".functions") && f.source.split(".").length === 3) {
    catalogLocal = f.source.split(".")[1];
    if (field !== "trigger.type") return `local.${localName} reads the raw catalog, so its filter must use ${f.item}.trigger.type`;
  } else if (/^local\.\w+$/.test(f.source)) {
    const srcName = f.source.slice("local.".length);
    const src = forMap(root.locals.get(srcName));
    if (!src || src.cond) return `local.${srcName} (source of local.${localName}) must be an unfiltered { for name, fn in local.<catalog>.functions : name => {...} }`;
    const cat = src.source.match(/^local\.(\w+)\.functions$/);
    if (!cat) return `local.${srcName} must iterate local.<catalog>.functions, got ${src.source}`;
    catalogLocal = cat[1];
    if (field === "trigger_type" && !new RegExp(`\\btrigger_type\\s*=\\s*${src.item}\\.trigger\\.type\\b`).test(src.value)) {
      return `local.${srcName} must set trigger_type = ${src.item}.trigger.type`;
    }
  } else {
    return `local.${localName} must iterate a local derived from the catalog, got ${f.source}`;
  }
  const decoded = decodedFile(root.locals.get(catalogLocal));
  if (!decoded) return `local.${catalogLocal} must be jsondecode(file("\${path.module}/<path to functions/catalog.json>"))`;
  if (decoded !== catalogPath) return `local.${catalogLocal} decodes ${rel(decoded)}, not ${rel(catalogPath)}`;
  return (fn) => literalTypes.includes(fn?.trigger?.type);
}

function rootModuleFor(localName) {
  for (const [name, call] of root?.modules ?? []) {
    if (call.for_each === `\${local.${localName}}`) return { name, call };
  }
  return null;
}

if (!root) fail(`${rel(tfRoot)}: no .tf files`);
if (root && catalog && data) {
  const functions = catalog.functions ?? {};
  const modules = catalog.modules ?? {};
  const defaults = catalog.defaults ?? {};
  const tables = data.tables ?? {};
  // data.json's queues plus the five priority queues of every task type (tasks-<type>-<priority>, shaped by taskQueue)
  const PRIORITIES = ["critical", "high", "normal", "low", "background"];
  const taskQueues = {};
  for (const [name, fn] of Object.entries(functions)) {
    if (fn?.trigger?.type !== "task") continue;
    if (!data.taskQueue) fail(`functions/catalog.json: ${name} is a task function but infra/terraform/data.json has no taskQueue`);
    for (const p of PRIORITIES) taskQueues[`tasks-${fn.trigger.taskType}-${p}`] = { ...(data.taskQueue ?? {}), worker: name };
  }
  const queues = { ...(data.queues ?? {}), ...taskQueues };

  // data.json decoded by the root too
  const dataLocal = [...root.locals.entries()].find(([, e]) => decodedFile(e) === dataPath);
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

  // unique routes
  const routes = new Map();
  for (const [name, fn] of Object.entries(functions)) {
    if (fn.trigger?.type !== "http") continue;
    const key = `${fn.trigger.method} ${fn.trigger.path}`;
    if (routes.has(key)) fail(`functions/catalog.json: ${name} and ${routes.get(key)} both claim route ${key}`);
    routes.set(key, name);
  }

  // every trigger type present in the catalog has its filter and its module
  for (const [type, spec] of Object.entries(TRIGGERS)) {
    const wanted = Object.entries(functions).filter(([, fn]) => fn?.trigger?.type === type).map(([n]) => n);
    const predicate = mirrorFilter(spec.local, type);
    if (typeof predicate === "string") {
      if (type === "http" || wanted.length) fail(`${rel(tfRoot)}/locals.tf: ${predicate}`);
      continue;
    }
    const covered = Object.entries(functions).filter(([, fn]) => predicate(fn)).map(([n]) => n);
    const missed = wanted.filter((n) => !covered.includes(n));
    if (missed.length) fail(`${rel(tfRoot)}: catalog functions without a Terraform instance: ${missed.join(", ")}`);

    const found = rootModuleFor(spec.local);
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

  // queue and schedule functions: trigger settings, one consumer per queue, a DLQ behind every consumed queue,
  // every queue a function names exists
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

  // what the trigger modules must contain
  const blocksOf = (m, type) => m.files.flatMap(({ json }) => Object.entries(json.resource?.[type] ?? {}).map(([n, b]) => ({ name: n, block: b[0] })));
  const queueModule = dirs.get(path.join(tfRoot, "modules", "queue-function"));
  if (queueModule) {
    const esm = blocksOf(queueModule, "aws_lambda_event_source_mapping");
    if (!esm.length) fail("modules/queue-function: no aws_lambda_event_source_mapping");
    for (const { name, block } of esm) {
      if (!JSON.stringify(block.function_response_types ?? "").includes("ReportBatchItemFailures")) {
        fail(`modules/queue-function: aws_lambda_event_source_mapping.${name} must set function_response_types = ["ReportBatchItemFailures"]`);
      }
      if (!block.scaling_config) fail(`modules/queue-function: aws_lambda_event_source_mapping.${name} must set scaling_config { maximum_concurrency }`);
    }
    const alarms = JSON.stringify(blocksOf(queueModule, "aws_cloudwatch_metric_alarm"));
    if (!alarms.includes("ApproximateAgeOfOldestMessage")) fail("modules/queue-function: no alarm on the queue's ApproximateAgeOfOldestMessage");
  }
  const scheduleModule = dirs.get(path.join(tfRoot, "modules", "scheduled-function"));
  if (scheduleModule) {
    const schedules = blocksOf(scheduleModule, "aws_scheduler_schedule");
    if (!schedules.length) fail("modules/scheduled-function: no aws_scheduler_schedule");
    for (const { name, block } of schedules) {
      if (!JSON.stringify(block.target ?? "").includes("Scheduled Event")) {
        fail(`modules/scheduled-function: aws_scheduler_schedule.${name} must send a scheduled event (detail-type "Scheduled Event") as its input`);
      }
    }
  }
  // the consumed queues and their settings come from the catalog entry
  for (const [local, expected] of [
    ["queue_functions", [["queues", "each.value.consumed_queues"], ["queues", "max_concurrency"], ["batch_size", "each.value.batch_size"]]],
  ]) {
    const call = rootModuleFor(local);
    if (!call) continue;
    for (const [arg, want] of expected) {
      if (!JSON.stringify(call.call.call?.[arg] ?? call.call[arg] ?? "").includes(want)) {
        fail(`${rel(call.call.file)}: module "${call.name}" must pass ${arg} from ${want}`);
      }
    }
  }
  const scheduleCall = rootModuleFor("schedule_functions");
  if (scheduleCall && !String(scheduleCall.call.schedule_expression ?? "").includes("each.value.schedule")) {
    fail(`${rel(scheduleCall.call.file)}: module "${scheduleCall.name}" must pass schedule_expression = each.value.schedule`);
  }
  const deadLetterNames = new Set(Object.values(queues).map((q) => q.deadLetterQueue).filter(Boolean));
  if (deadLetterNames.size) {
    const rootAlarms = JSON.stringify([...root.files].flatMap(({ json }) => Object.values(json.resource?.aws_cloudwatch_metric_alarm ?? {})));
    if (!rootAlarms.includes("ApproximateNumberOfMessagesVisible")) fail(`${rel(tfRoot)}: no alarm on the depth of the dead-letter queues (${[...deadLetterNames].join(", ")})`);
  }

  // name lengths: <prefix>-<function> is a Lambda function and IAM role name (<= 64)
  const prefixes = new Set();
  for (const m of dirs.values()) {
    for (const call of m.modules.values()) {
      if (!literal(call.source) || moduleDir(m, call.source) !== tfRoot) continue;
      const env = literal(call.environment);
      const prefix = literal(call.resource_prefix) ?? (env ? `luna-${env}` : null);
      if (prefix) prefixes.add(prefix);
    }
  }
  if (!prefixes.size) prefixes.add("luna-prod");
  for (const prefix of prefixes) {
    for (const name of Object.keys(functions)) {
      const full = `${prefix}-${name}`;
      if (full.length > 64) fail(`functions/catalog.json: ${name}: Lambda/role name ${full} is longer than 64 characters`);
    }
    for (const name of Object.keys(data.buckets ?? {})) {
      const full = `${prefix}-${name}`;
      if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(full)) fail(`infra/terraform/data.json: bucket ${name}: ${full} is not a valid S3 bucket name`);
    }
  }

  // data.json consistency
  for (const [name, t] of Object.entries(tables)) {
    const where = `infra/terraform/data.json: table ${name}`;
    const attrs = t.attributes ?? {};
    const keys = new Set([t.hashKey, t.rangeKey].filter(Boolean));
    if (!t.hashKey) fail(`${where}: no hashKey`);
    for (const [gsiName, g] of Object.entries(t.globalSecondaryIndexes ?? {})) {
      if (!g.hashKey) fail(`${where}: index ${gsiName} has no hashKey`);
      for (const k of [g.hashKey, g.rangeKey].filter(Boolean)) keys.add(k);
    }
    for (const k of keys) if (!(k in attrs)) fail(`${where}: key attribute ${k} is not in attributes`);
    for (const [a, type] of Object.entries(attrs)) {
      if (!keys.has(a)) fail(`${where}: attribute ${a} is not a table or index key (DynamoDB rejects unindexed attribute definitions)`);
      if (!["S", "N", "B"].includes(type)) fail(`${where}: attribute ${a} has type ${type}, expected S, N or B`);
    }
  }
  for (const [name, q] of Object.entries(queues)) {
    const where = `infra/terraform/data.json: queue ${name}`;
    const dlq = q.deadLetterQueue ?? null;
    if (dlq === null) continue;
    if (typeof dlq !== "string") { fail(`${where}: deadLetterQueue must be the logical name of another queue`); continue; }
    if (!(dlq in queues)) fail(`${where}: deadLetterQueue ${dlq} is not a queue of data.json`);
    else if (dlq === name) fail(`${where}: a queue cannot be its own dead-letter queue`);
    else if (Boolean(queues[dlq].fifo) !== Boolean(q.fifo)) fail(`${where}: its dead-letter queue ${dlq} must be ${q.fifo ? "" : "not "}FIFO too`);
  }
}

// ---------------------------------------------------------------------------
// the edge: modules/edge deploys the Worker, the root instantiates it optionally, secrets are secret_text bindings
// fed from sensitive variables (never literals), and the Worker bundle the module uploads is the one edge/ builds.

const edgeDir = path.join(tfRoot, "modules", "edge");
const edge = dirs.get(edgeDir);
if (!edge) {
  fail(`${rel(edgeDir)}: missing (the Cloudflare Worker module)`);
} else {
  if (!edge.resources.has("cloudflare_workers_script.this")) fail(`${rel(edgeDir)}: no cloudflare_workers_script.this`);
  if (!edge.resources.has("cloudflare_workers_custom_domain.this") && !edge.resources.has("cloudflare_workers_route.this")) {
    fail(`${rel(edgeDir)}: neither a cloudflare_workers_custom_domain nor a cloudflare_workers_route`);
  }
  const text = edge.files.map(({ file }) => fs.readFileSync(file, "utf8")).join("\n");
  const secretBindings = [...text.matchAll(/\{[^{}]*type\s*=\s*"secret_text"[^{}]*\}/g)].map((m) => m[0]);
  if (secretBindings.length === 0) fail(`${rel(edgeDir)}: no secret_text binding (the origin secret)`);
  for (const b of secretBindings) {
    const v = /text\s*=\s*var\.(\w+)/.exec(b);
    if (!v) fail(`${rel(edgeDir)}: secret_text binding ${b.replace(/\s+/g, " ")} must take its text from a variable`);
    else if (edge.variables.get(v[1])?.sensitive !== true) fail(`${rel(edgeDir)}: variable ${v[1]} feeds a secret_text binding but is not sensitive = true`);
  }
  for (const [name, decl] of edge.variables) {
    if (decl.sensitive === true && "default" in decl && decl.default !== null) fail(`${rel(edgeDir)}: sensitive variable ${name} has a non-null default`);
  }
  const wrangler = path.join(repo, "edge", "wrangler.jsonc");
  if (fs.existsSync(wrangler)) {
    const date = /"compatibility_date"\s*:\s*"([^"]+)"/.exec(fs.readFileSync(wrangler, "utf8"))?.[1];
    const tfDate = edge.variables.get("compatibility_date")?.default;
    if (date && tfDate !== date) fail(`${rel(edgeDir)}: compatibility_date default ${tfDate} differs from edge/wrangler.jsonc (${date})`);
  }
  const call = [...(root?.modules ?? new Map())].find(([, c]) => literal(c.source) === "./modules/edge");
  if (!call) fail(`${rel(tfRoot)}: modules/edge is not instantiated`);
  else if (!/var\.edge_enabled/.test(String(call[1].count ?? ""))) fail(`${rel(tfRoot)}: module "${call[0]}" must be optional (count = var.edge_enabled ? 1 : 0)`);
  for (const out of ["api_url", "edge_url"]) if (!root?.outputs.has(out)) fail(`${rel(tfRoot)}: no output "${out}"`);
  for (const [name, decl] of root?.variables ?? []) {
    if (decl.sensitive === true && "default" in decl && decl.default !== null) fail(`${rel(tfRoot)}: sensitive variable ${name} has a non-null default`);
  }
}

// ---------------------------------------------------------------------------

function taskQueuesOf(c) {
  return Object.fromEntries(Object.values(c?.functions ?? {}).filter((fn) => fn?.trigger?.type === "task")
    .flatMap((fn) => ["critical", "high", "normal", "low", "background"].map((p) => [`tasks-${fn.trigger.taskType}-${p}`, 1])));
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
  `${n(data.queues)} queues + ${n(taskQueuesOf(catalog))} task queues, ${tfFiles.length} files in ${dirs.size} modules OK`,
);
