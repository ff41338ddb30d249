// Prints what the overview page's first load costs: the entry chunk and every chunk it imports statically (the
// lazy pages, Markdown and Mermaid are not loaded until used), gzipped, from Vite's manifest. Fails above the budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET = 300 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const seen = new Set();
const walk = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const i of manifest[key].imports ?? []) walk(i);
};
walk(entry);
let js = 0;
let css = 0;
for (const key of seen) {
  const chunk = manifest[key];
  js += gzipSync(readFileSync(join(dist, chunk.file)), { level: 9 }).length;
  for (const c of chunk.css ?? []) css += gzipSync(readFileSync(join(dist, c)), { level: 9 }).length;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`console: overview first load ${kb(js)} gzipped JS in ${seen.size} chunk(s) + ${kb(css)} gzipped CSS (budget ${kb(BUDGET)} JS)`);
if (js > BUDGET) {
  console.error(`console: first load is over the ${kb(BUDGET)} budget`);
  process.exit(1);
}
