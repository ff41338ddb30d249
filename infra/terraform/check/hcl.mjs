// Terraform expressions as hcl2json keeps them: template strings ("${...}"). Only the code parts are searched for
// references; literal text is left out.

export function codeOf(template) {
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

// The references of an expression: { kind: var|local|module|data|...|resource, parts }; names bound by `for`
// and by dynamic blocks (ignoredRoots) are not resources.
export function referencesIn(value, ignoredRoots) {
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

// Every string of a parsed file, with where it is.
export function* strings(node, trail = []) {
  if (typeof node === "string") yield { value: node, trail };
  else if (Array.isArray(node)) for (const [i, v] of node.entries()) yield* strings(v, [...trail, i]);
  else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) yield* strings(v, [...trail, k]);
}

// The labels and iterators of dynamic blocks (names, not resources).
export function* dynamicLabels(node) {
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
export const literal = (v) => (typeof v === "string" && !v.includes("${") ? v : null);
