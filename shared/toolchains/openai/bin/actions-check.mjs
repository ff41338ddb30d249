// Checks a GPT Actions schema: @redocly/cli lint (minimal + struct, operationId rules, no-empty-servers as errors) and
// @apidevtools/swagger-parser validate (OpenAPI 3.1). Prints "OK: redocly", "OK: swagger-parser" or "INVALID: <tool>: <message>"; exits 1 on any INVALID.
// Usage: node bin/actions-check.mjs <openapi.actions.json>
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';

const file = resolve(process.argv[2]);
let invalid = 0;
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
const config = join(mkdtempSync(join(tmpdir(), 'redocly-')), 'redocly.yaml');
writeFileSync(config, ['extends:', '  - minimal', 'rules:', '  struct: error', '  operation-operationId: error',
  '  operation-operationId-unique: error', '  no-empty-servers: error', ''].join('\n'));
const lint = spawnSync(process.execPath, [cli, 'lint', file, `--config=${config}`, '--format=stylish'],
  { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' } });
if (lint.status === 0) console.log('OK: redocly');
else {
  invalid++;
  const errors = (lint.stdout + lint.stderr).split('\n').filter((l) => /^\s+\d+:\d+\s+error\s/.test(l)).map((l) => l.trim().replace(/\s+/g, ' '));
  if (!errors.length) errors.push((lint.stdout + lint.stderr).trim().replace(/\n/g, ' '));
  for (const e of errors) console.log(`INVALID: redocly: ${e}`);
}
try {
  await SwaggerParser.validate(file);
  console.log('OK: swagger-parser');
} catch (e) {
  invalid++;
  console.log(`INVALID: swagger-parser: ${e.message}`);
}
process.exit(invalid ? 1 : 0);
