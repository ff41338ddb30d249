// Every .tf file parsed and grouped by module directory; references checked against what the directory declares,
// module calls against the called module's variables and outputs, providers for inline credentials.

import fs from "node:fs";
import path from "node:path";
import { parse } from "@cdktf/hcl2json";
import { dynamicLabels, literal, referencesIn, strings } from "./hcl.mjs";

const MODULE_META_ARGS = new Set(["source", "version", "for_each", "count", "providers", "depends_on"]);

export const moduleDir = (m, source) => path.resolve(m.dir, source);

// dir => { dir, files: [{ file, json }], variables, locals, outputs, modules, resources, data, providers, dynamic }
export async function parseModules(tfFiles, { fail, rel }) {
  const dirs = new Map();
  const moduleInfo = (dir) => {
    if (!dirs.has(dir)) {
      dirs.set(dir, {
        dir, files: [], variables: new Map(), locals: new Map(), outputs: new Map(),
        modules: new Map(), resources: new Set(), data: new Set(), providers: [], dynamic: new Set(),
      });
    }
    return dirs.get(dir);
  };
  const declare = (map, name, value, what, file, m) => {
    if (map.has(name)) fail(`${rel(file)}: ${what} "${name}" is declared twice in ${rel(m.dir)}`);
    map.set(name, value);
  };
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
  return dirs;
}

export function checkModules(dirs, { fail, rel }) {
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
}
