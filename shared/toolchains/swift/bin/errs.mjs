import { Parser, Language } from 'web-tree-sitter';
import { createRequire } from 'node:module';
import fs from 'node:fs';
const require = createRequire(import.meta.url);
await Parser.init();
const lang = await Language.load(require.resolve('@repomix/tree-sitter-wasms/out/tree-sitter-swift.wasm'));
const p = new Parser(); p.setLanguage(lang);
for (const f of process.argv.slice(2)) {
  const t = p.parse(fs.readFileSync(f, 'utf8'));
  const walk = (n) => { if (n.type === 'ERROR' || n.isMissing) { console.log(f, n.startPosition.row + 1, n.type, n.isMissing, JSON.stringify(n.text.slice(0, 80))); return; } for (const c of n.children) walk(c); };
  walk(t.rootNode);
}
