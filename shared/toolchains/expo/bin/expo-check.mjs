// Checks a generated Expo app offline (VALIDATORS.md §Expo): its declared dependency ranges against the ones Expo SDK 57
// bundles (node_modules/expo/bundledNativeModules.json, compared with semver.intersects, since `expo install --check`
// only looks at installed versions offline), its lockfile against the pinned set it is tested with, and that every
// route file under app/ (but +api files) has a default export, read with the TypeScript compiler's AST.
// Usage: node expo-check.mjs <appDir>. Prints OK:/INVALID: lines; exits 1 on any INVALID.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const semver = require('semver');
const ts = require('typescript');
const app = path.resolve(process.argv[2]);
const problems = [];
const ok = [];

const pkg = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8'));
const toolchain = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bundled = JSON.parse(fs.readFileSync(path.join(toolchain, 'node_modules/expo/bundledNativeModules.json'), 'utf8'));
const expoVersion = JSON.parse(fs.readFileSync(path.join(toolchain, 'node_modules/expo/package.json'), 'utf8')).version;
if (pkg.dependencies?.expo !== expoVersion) problems.push(`package.json: expo ${pkg.dependencies?.expo} is not the pinned SDK ${expoVersion}`);
let compared = 0;
for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
  const expected = bundled[name];
  if (!expected) continue;
  compared++;
  if (!semver.validRange(range)) problems.push(`package.json: ${name} has an invalid range ${range}`);
  else if (!semver.intersects(range, expected)) problems.push(`package.json: ${name}@${range} is not what Expo SDK ${expoVersion} expects (${expected})`);
}
ok.push(`${compared} dependencies match bundledNativeModules.json`);

const lock = JSON.parse(fs.readFileSync(path.join(app, 'package-lock.json'), 'utf8'));
// the pinned set's own lockfile, which its node_modules was installed from with npm ci
const installed = JSON.parse(fs.readFileSync(path.join(toolchain, 'package-lock.json'), 'utf8')).packages;
let locked = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  if (!key.startsWith('node_modules/')) continue;
  locked++;
  const have = installed[key];
  if (!have) problems.push(`package-lock.json: ${key}@${entry.version} is not in the pinned toolchain`);
  else if (have.version !== entry.version || have.integrity !== entry.integrity) {
    problems.push(`package-lock.json: ${key}@${entry.version}, the pinned toolchain has ${have.version} (${have.integrity})`);
  }
}
for (const key of Object.keys(installed)) {
  if (key.startsWith('node_modules/') && !lock.packages[key]) problems.push(`package-lock.json: lacks ${key}, which the pinned toolchain has`);
}
for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
  const entry = lock.packages[`node_modules/${name}`];
  if (!entry) problems.push(`package-lock.json: ${name} is not locked`);
  else if (!semver.satisfies(entry.version, range)) problems.push(`package-lock.json: ${name}@${entry.version} does not satisfy ${range}`);
}
ok.push(`${locked} locked packages are the pinned toolchain's`);

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}
let routes = 0;
for (const file of walk(path.join(app, 'app'))) {
  if (!/\.(tsx?|jsx?)$/.test(file) || /\+api\.[jt]sx?$/.test(file)) continue;
  routes++;
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const hasDefault = source.statements.some(
    (s) =>
      ts.isExportAssignment(s) ||
      ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) &&
        (ts.getCombinedModifierFlags(s) & ts.ModifierFlags.ExportDefault) === ts.ModifierFlags.ExportDefault),
  );
  if (!hasDefault) problems.push(`${path.relative(app, file)}:1: route file without a default export`);
}
ok.push(`${routes} route files export a default component`);

for (const o of ok) console.log(`OK: ${o}`);
for (const p of problems) console.log(`INVALID: ${p}`);
process.exit(problems.length ? 1 : 0);
