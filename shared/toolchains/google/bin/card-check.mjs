// Validates A2A Agent Cards against schema/agent-card.schema.json (transcribed from @a2a-js/sdk 1.3.0's types) with
// ajv (JSON Schema 2020-12, formats), and lets the SDK pick a transport for each card (ClientFactory with legacyCompat,
// as a real client does). Usage: node bin/card-check.mjs <card.json>... Prints "OK: <file>" or "INVALID: <file> <problem>".
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ClientFactory, DefaultAgentCardResolver, JsonRpcTransportFactory, RestTransportFactory } from '@a2a-js/sdk/client';

const home = join(dirname(fileURLToPath(import.meta.url)), '..');
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(home, 'schema/agent-card.schema.json'), 'utf8')));
const legacyCompat = { enabled: true };
const factory = new ClientFactory({
  transports: [new JsonRpcTransportFactory({ legacyCompat }), new RestTransportFactory({ legacyCompat })],
  cardResolver: new DefaultAgentCardResolver({ legacyCompat }),
});

let failed = false;
for (const file of process.argv.slice(2)) {
  let card;
  try {
    card = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`INVALID: ${file} not JSON: ${e.message}`);
    failed = true;
    continue;
  }
  if (!validate(card)) {
    for (const err of validate.errors) console.log(`INVALID: ${file} ${err.instancePath || '/'} ${err.message}`);
    failed = true;
    continue;
  }
  try {
    await factory.createFromAgentCard(card);
  } catch (e) {
    console.log(`INVALID: ${file} the SDK cannot create a client from it: ${e.message}`);
    failed = true;
    continue;
  }
  console.log(`OK: ${file}`);
}
process.exit(failed ? 1 : 0);
