// How the root module derives its instances from the catalog: which file a local decodes, what a
// `{ for k, v in ... : k => v if ... }` local filters, and which module block iterates a local. The filters are
// mirrored in JS so the catalog's functions can be matched against them.

import path from "node:path";

// Which file does local.NAME decode? (jsondecode(file("${path.module}/...")))
export function decodedFile(tfRoot, expr) {
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
export function mirrorFilter({ root, tfRoot, catalogPath, report: { rel } }, localName, type) {
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
  const decoded = decodedFile(tfRoot, root.locals.get(catalogLocal));
  if (!decoded) return `local.${catalogLocal} must be jsondecode(file("\${path.module}/<path to functions/catalog.json>"))`;
  if (decoded !== catalogPath) return `local.${catalogLocal} decodes ${rel(decoded)}, not ${rel(catalogPath)}`;
  return (fn) => literalTypes.includes(fn?.trigger?.type);
}

// The root module block with for_each = local.NAME, as { name, call }, or null.
export function rootModuleFor(root, localName) {
  for (const [name, call] of root?.modules ?? []) {
    if (call.for_each === `\${local.${localName}}`) return { name, call };
  }
  return null;
}
