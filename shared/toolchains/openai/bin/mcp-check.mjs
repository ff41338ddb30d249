// Starts a generated MCP server (node <dir>/dist/main.js --stdio) with a real @modelcontextprotocol/sdk Client over stdio,
// against a local stub upstream (UPSTREAM_BASE_URL) that answers 200 {} to everything. Lists the tools (each needs
// inputSchema.type=object, annotations and an openai/outputTemplate that names a listed resource), reads every
// text/html+skybridge resource, and calls every tool with arguments sampled from its input schema (isError fails).
// Prints "OK: ..." / "INVALID: ..." lines, "TOOL: <name>" per tool and "CALLED: <name> <METHOD> <path>" per call; exits 1 on any INVALID.
// Usage: node bin/mcp-check.mjs <server dir>
import { createServer } from 'node:http';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const dir = process.argv[2];
let invalid = 0;
const bad = (m) => { invalid++; console.log(`INVALID: ${m}`); };
const seen = [];
const stub = createServer((req, res) => {
  seen.push(`${req.method} ${req.url}`);
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
});
await new Promise((r) => stub.listen(0, '127.0.0.1', r));
const upstream = `http://127.0.0.1:${stub.address().port}`;

function sample(schema, depth = 0) {
  if (!schema || depth > 6) return 'x';
  if (schema.enum?.length) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.anyOf?.length) return sample(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0], depth + 1);
  if (schema.oneOf?.length) return sample(schema.oneOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'integer': case 'number': return 1;
    case 'boolean': return true;
    case 'array': return [];
    case 'object': {
      const out = {};
      for (const name of schema.required ?? []) out[name] = sample(schema.properties?.[name], depth + 1);
      return out;
    }
    case 'string': return schema.format === 'date-time' ? '2025-01-31T12:00:00Z' : schema.format === 'date' ? '2025-01-31'
      : schema.format === 'uuid' ? '3fa85f64-5717-4562-b3fc-2c963f66afa6' : schema.format === 'email' ? 'user@example.com' : '1';
    default: return {};
  }
}

const transport = new StdioClientTransport({
  command: process.execPath, args: [join(dir, 'dist/main.js'), '--stdio'],
  env: { PATH: process.env.PATH ?? '', UPSTREAM_BASE_URL: upstream, UPSTREAM_API_KEY: 'test-key' }, stderr: 'pipe',
});
let stderr = '';
transport.stderr?.on('data', (d) => { stderr += d; });
const client = new Client({ name: 'luna-mcp-check', version: '1.0.0' });
try {
  await client.connect(transport);
  const { tools } = await client.listTools();
  if (!tools.length) bad('no tools');
  const { resources } = await client.listResources();
  const widgets = resources.filter((r) => r.mimeType === 'text/html+skybridge');
  if (!widgets.length) bad('no text/html+skybridge resource');
  for (const r of widgets) {
    const read = await client.readResource({ uri: r.uri });
    const c = read.contents[0];
    if (!r.uri.startsWith('ui://') || c?.mimeType !== 'text/html+skybridge' || !String(c.text ?? '').includes('<html')) bad(`resource ${r.uri}: not an HTML skybridge ui:// resource`);
    else console.log(`OK: resource ${r.uri}`);
  }
  for (const t of tools) {
    console.log(`TOOL: ${t.name}`);
    if (t.inputSchema?.type !== 'object') bad(`${t.name}: inputSchema.type is not object`);
    if (typeof t.annotations?.readOnlyHint !== 'boolean' || typeof t.annotations?.destructiveHint !== 'boolean') bad(`${t.name}: no readOnlyHint/destructiveHint`);
    const template = t._meta?.['openai/outputTemplate'];
    if (!template || !widgets.some((w) => w.uri === template)) bad(`${t.name}: openai/outputTemplate ${template} is not a listed resource`);
    const before = seen.length;
    const result = await client.callTool({ name: t.name, arguments: sample(t.inputSchema) });
    if (result.isError) bad(`${t.name}: call failed: ${JSON.stringify(result.content)}`);
    else if (seen.length === before) bad(`${t.name}: the upstream was not called`);
    else console.log(`CALLED: ${t.name} ${seen[seen.length - 1]}`);
  }
  console.log(`OK: ${tools.length} tools, ${widgets.length} UI resources`);
} catch (e) {
  bad(`${e?.message ?? e}\n${stderr}`);
} finally {
  await client.close().catch(() => {});
  stub.close();
}
process.exit(invalid ? 1 : 0);
