// Parses each Mermaid file given with mermaid's own parser (mermaid.parse, the one the renderer uses) under jsdom.
// Prints "OK: <file>[:<line of the block's fence>] <diagram type>" or "INVALID: <file>: <message>" per file; exits 1 when any file does not parse.
// Usage: node bin/mermaid-check.mjs <file.mmd|file.md> ...  (in a .md file, every ```mermaid block is checked)
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
for (const name of ['window', 'document', 'DOMParser', 'Element', 'HTMLElement', 'Node', 'navigator']) {
  if (globalThis[name] === undefined) globalThis[name] = name === 'window' ? dom.window : dom.window[name];
}
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

function diagrams(file) {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.md')) return [{ where: file, text }];
  const out = [];
  const re = /^```mermaid\n([\s\S]*?)^```/gm;
  let m;
  while ((m = re.exec(text)) !== null) {
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ where: `${file}:${line}`, text: m[1] });
  }
  return out;
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  for (const { where, text } of diagrams(file)) {
    try {
      const result = await mermaid.parse(text);
      console.log(`OK: ${where} ${result.diagramType}`);
    } catch (e) {
      failed++;
      console.log(`INVALID: ${where}: ${String(e.message ?? e).split('\n').slice(0, 4).join(' ')}`);
    }
  }
}
process.exit(failed ? 1 : 0);
