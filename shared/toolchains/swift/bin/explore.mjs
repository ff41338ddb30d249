import { Parser, Language } from 'web-tree-sitter';
import { createRequire } from 'node:module';
import fs from 'node:fs';
const require = createRequire(import.meta.url);
await Parser.init();
const lang = await Language.load(require.resolve('@repomix/tree-sitter-wasms/out/tree-sitter-swift.wasm'));
const p = new Parser(); p.setLanguage(lang);
const t = p.parse(fs.readFileSync(process.argv[2], 'utf8'));
console.log(t.rootNode.toString());
