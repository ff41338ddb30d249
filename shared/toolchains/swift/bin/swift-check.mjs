// SwiftUI checks without a Swift compiler (see ../../VALIDATORS.md §SwiftUI):
//   swift-check.mjs project <dir>   every .swift file parses with tree-sitter-swift (no ERROR or missing node), project.yml
//                                   follows XcodeGen's spec, and the HIG lint finds nothing; INVALID: lines, then OK: <n> files
//   swift-check.mjs lint <file>...  the HIG lint's findings as FINDING: <file>:<line>: <rule> (for annotated fixtures)
import { Parser, Language } from 'web-tree-sitter';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const require = createRequire(import.meta.url);
await Parser.init();
const swift = await Language.load(require.resolve('@repomix/tree-sitter-wasms/out/tree-sitter-swift.wasm'));
const parser = new Parser();
parser.setLanguage(swift);

const CONTROLS = new Set(['Button', 'NavigationLink', 'Link', 'Menu']);
const COLOR_TYPES = new Set(['Color', 'UIColor', 'NSColor']);
const MIN = 44;

const line = (node) => node.startPosition.row + 1;
const children = (node) => { const out = []; for (let i = 0; i < node.childCount; i++) out.push(node.child(i)); return out; };
function* walk(node) { yield node; for (const c of children(node)) yield* walk(c); }

/** The callee's name of a call_expression: `Button`, `.system` → system, `Font.system` → system. */
function calleeName(call) {
  const callee = call.child(0);
  if (!callee) return null;
  if (callee.type === 'simple_identifier') return callee.text;
  if (callee.type === 'prefix_expression') { const t = callee.childForFieldName('target'); return t && t.type === 'simple_identifier' ? t.text : null; }
  if (callee.type === 'navigation_expression') { const s = callee.childForFieldName('suffix'); const id = s && s.childForFieldName('suffix'); return id ? id.text : null; }
  return null;
}
const isMember = (call) => call.child(0) && call.child(0).type !== 'simple_identifier';
const suffixOf = (call) => children(call).find((c) => c.type === 'call_suffix');
/** value_argument nodes of a call (top level only). */
function args(call) {
  const suffix = suffixOf(call);
  const list = suffix && children(suffix).find((c) => c.type === 'value_arguments');
  return list ? children(list).filter((c) => c.type === 'value_argument') : [];
}
const label = (arg) => { const n = arg.childForFieldName('name'); return n ? n.text.replace(/:$/, '').trim() : null; };
function numberArg(call, name) {
  const a = args(call).find((x) => label(x) === name);
  if (!a) return NaN;
  const v = a.childForFieldName('value');
  return v && (v.type === 'integer_literal' || v.type === 'real_literal') ? Number(v.text) : NaN;
}
/** The modifiers applied to a call: [{name, call, node}] walking up navigation expressions. */
function chain(call) {
  const mods = [];
  let node = call;
  for (;;) {
    const parent = node.parent;
    if (!parent || parent.type !== 'navigation_expression' || parent.childForFieldName('target')?.id !== node.id) break;
    const name = parent.childForFieldName('suffix')?.childForFieldName('suffix')?.text;
    const grand = parent.parent;
    if (grand && grand.type === 'call_expression' && grand.child(0)?.id === parent.id) {
      mods.push({ name, call: grand, node: parent });
      node = grand;
    } else {
      mods.push({ name, call: null, node: parent });
      node = parent;
    }
  }
  return mods;
}
const callsInside = (node, names) => [...walk(node)].filter((n) => n.type === 'call_expression' && names.has(calleeName(n)) && !isMember(n));
function insideColorExtension(node) {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'class_declaration' && p.text.startsWith('extension')) {
      const name = p.childForFieldName('name')?.text;
      if (COLOR_TYPES.has(name) || name === 'ShapeStyle') return true;
    }
  }
  return false;
}
const smallFrame = (call) => numberArg(call, 'width') < MIN || numberArg(call, 'height') < MIN;
const bigFrame = (call) => ['minWidth', 'minHeight', 'width', 'height'].some((n) => numberArg(call, n) >= MIN
  || args(call).some((a) => label(a) === n && a.childForFieldName('value')?.text.startsWith('DS.')));

function hitTargets(call, mods, out) {
  let ok = mods.some((m) => m.name === 'contentShape');
  for (const m of mods) {
    if (m.name !== 'frame' || !m.call) continue;
    if (smallFrame(m.call)) out.push([line(m.node.childForFieldName('suffix')), 'hig-hit-target']);
    else if (bigFrame(m.call)) ok = true;
  }
  if (ok) return;
  const suffix = suffixOf(call);
  if (!suffix) return;
  for (const n of walk(suffix)) {
    if (n.type === 'call_expression' && calleeName(n) === 'frame' && isMember(n) && smallFrame(n)) {
      out.push([line(n.child(0).childForFieldName('suffix') ?? n), 'hig-hit-target']);
      return;
    }
  }
}

/** HIG findings of one file: [[line, rule]]. */
function lint(tree) {
  const out = [];
  for (const n of walk(tree.rootNode)) {
    if (n.type !== 'call_expression') continue;
    const name = calleeName(n);
    if ((name === 'system' || name === 'custom') && isMember(n) && args(n).some((a) => label(a) === 'size')
        && !(name === 'custom' && args(n).some((a) => label(a) === 'relativeTo'))) out.push([line(n.child(0).childForFieldName('suffix') ?? n), 'hig-font-size']);
    if (name === 'systemFont' && args(n).some((a) => label(a) === 'ofSize')) out.push([line(n.child(0).childForFieldName('suffix') ?? n), 'hig-font-size']);
    if (COLOR_TYPES.has(name) && !isMember(n) && label(args(n)[0] ?? n) === 'red' && !insideColorExtension(n)) out.push([line(n), 'hig-color-literal']);
    if (CONTROLS.has(name) && !isMember(n)) {
      const mods = chain(n);
      const first = args(n)[0];
      const titled = (first && !label(first) && first.childForFieldName('value')?.type === 'line_string_literal')
        || args(n).some((a) => ['title', 'titleKey'].includes(label(a)));
      const suffix = suffixOf(n);
      const labelled = titled || mods.some((m) => m.name === 'accessibilityLabel')
        || (suffix && callsInside(suffix, new Set(['Text', 'Label'])).length > 0);
      if (!labelled && suffix && callsInside(suffix, new Set(['Image'])).length > 0) out.push([line(n), 'hig-icon-label']);
      hitTargets(n, mods, out);
    }
    if (name === 'Image' && !isMember(n)) {
      const mods = chain(n);
      if (mods.some((m) => m.name === 'onTapGesture')) {
        if (!mods.some((m) => m.name === 'accessibilityLabel')) out.push([line(n), 'hig-icon-label']);
        hitTargets(n, mods, out);
      }
    }
  }
  return out;
}

function syntaxErrors(tree) {
  const out = [];
  for (const n of walk(tree.rootNode)) {
    if (n.type === 'ERROR' || n.isMissing) out.push([line(n), (n.isMissing ? 'missing ' + n.type : 'syntax error near ') + JSON.stringify(n.text.slice(0, 40))]);
  }
  return out;
}

const PRODUCT_TYPES = new Set(['application', 'application.on-demand-install-capable', 'application.messages', 'application.watchapp',
  'application.watchapp2', 'application.watchapp2-container', 'app-extension', 'app-extension.intents-service', 'app-extension.messages',
  'app-extension.messages-sticker-pack', 'bundle', 'bundle.ocunit-test', 'bundle.ui-testing', 'bundle.unit-test', 'extensionkit-extension',
  'framework', 'instruments-package', 'library.dynamic', 'library.static', 'framework.static', 'tool', 'tv-app-extension', 'watchkit-extension',
  'watchkit2-extension', 'xcode-extension', 'driver-extension', 'system-extension', 'xpc-service']);
const PLATFORMS = new Set(['iOS', 'macOS', 'tvOS', 'watchOS', 'visionOS', 'auto']);

/** project.yml against XcodeGen's project spec. */
function xcodegen(dir) {
  const file = path.join(dir, 'project.yml');
  if (!fs.existsSync(file)) return ['project.yml is missing'];
  let spec;
  try { spec = YAML.parse(fs.readFileSync(file, 'utf8')); } catch (e) { return ['project.yml: ' + e.message]; }
  const out = [];
  if (typeof spec?.name !== 'string' || !spec.name) out.push('project.yml: name is missing');
  const targets = spec?.targets;
  if (!targets || typeof targets !== 'object' || Array.isArray(targets) || !Object.keys(targets).length) return [...out, 'project.yml: targets is not a map'];
  for (const [name, t] of Object.entries(targets)) {
    if (!PRODUCT_TYPES.has(t?.type)) out.push(`project.yml: target ${name}: type '${t?.type}' is not an XcodeGen product type`);
    if (!PLATFORMS.has(t?.platform) && !Array.isArray(t?.supportedDestinations)) out.push(`project.yml: target ${name}: no valid platform or supportedDestinations`);
    const sources = Array.isArray(t?.sources) ? t.sources : t?.sources ? [t.sources] : [];
    if (!sources.length) out.push(`project.yml: target ${name}: no sources`);
    for (const s of sources) {
      const p = typeof s === 'string' ? s : s?.path;
      if (!p || !fs.existsSync(path.join(dir, p))) out.push(`project.yml: target ${name}: sources '${p}' do not exist`);
    }
    for (const d of t?.dependencies ?? []) {
      if (d.package && !(spec.packages && d.package in spec.packages)) out.push(`project.yml: target ${name}: package ${d.package} is not declared`);
    }
  }
  for (const [name, p] of Object.entries(spec.packages ?? {})) {
    if (p.path && !fs.existsSync(path.join(dir, p.path, 'Package.swift'))) out.push(`project.yml: package ${name}: no Package.swift at ${p.path}`);
  }
  return out;
}

const swiftFiles = (dir) => fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.swift')).sort();
const [mode, ...rest] = process.argv.slice(2);
let failed = false;
if (mode === 'project') {
  const dir = rest[0];
  const files = swiftFiles(dir);
  if (!files.length) { console.log('INVALID: no .swift files in ' + dir); failed = true; }
  for (const f of files) {
    const tree = parser.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    for (const [l, msg] of syntaxErrors(tree)) { console.log(`INVALID: ${f}:${l}: ${msg}`); failed = true; }
    for (const [l, rule] of lint(tree)) { console.log(`INVALID: ${f}:${l}: ${rule}`); failed = true; }
    tree.delete();
  }
  for (const p of xcodegen(dir)) { console.log('INVALID: ' + p); failed = true; }
  console.log(`OK: ${files.length} files`);
} else if (mode === 'lint') {
  for (const f of rest) {
    const tree = parser.parse(fs.readFileSync(f, 'utf8'));
    for (const [l, msg] of syntaxErrors(tree)) console.log(`INVALID: ${f}:${l}: ${msg}`);
    for (const [l, rule] of lint(tree)) console.log(`FINDING: ${f}:${l}: ${rule}`);
    tree.delete();
  }
  console.log(`OK: ${rest.length} files`);
} else {
  console.log('usage: swift-check.mjs project <dir> | lint <file>...');
  process.exit(2);
}
process.exit(failed ? 1 : 0);
