// Talks to a running A2A agent with the real @a2a-js/sdk 1.3.0 client: fetches the card from
// <origin>/.well-known/agent-card.json, sends a message (message/send), reads the task back (tasks/get) and streams a
// second message (message/stream). Usage: node bin/a2a-roundtrip.mjs <origin> <text>. Prints OK:/INVALID: lines.
import { randomUUID } from 'node:crypto';
import { ClientFactory, DefaultAgentCardResolver, JsonRpcTransportFactory, RestTransportFactory } from '@a2a-js/sdk/client';
import { Role, TaskState } from '@a2a-js/sdk';

const [origin, text] = process.argv.slice(2);
const legacyCompat = { enabled: true };
const factory = new ClientFactory({
  transports: [new JsonRpcTransportFactory({ legacyCompat }), new RestTransportFactory({ legacyCompat })],
  cardResolver: new DefaultAgentCardResolver({ legacyCompat }),
});
const message = (t) => ({ messageId: randomUUID(), role: Role.ROLE_USER, parts: [{ content: { $case: 'text', value: t } }] });
const textOf = (task) => (task?.artifacts ?? []).flatMap((a) => a.parts ?? []).map((p) => p.content?.value ?? p.text ?? '').join('');
const stateOf = (task) => TaskState[task?.status?.state] ?? String(task?.status?.state);

try {
  const client = await factory.createFromUrl(origin);
  console.log(`OK: card ${client.agentCard?.name ?? ''} via ${client.protocolVersion ?? ''}`);
  const sent = await client.sendMessage({ message: message(text) });
  const task = sent?.id ? sent : sent?.payload?.value ?? sent;
  if (!task?.id) throw new Error('message/send returned no task: ' + JSON.stringify(sent));
  if (stateOf(task) !== 'TASK_STATE_COMPLETED') throw new Error(`message/send task ${task.id} ended ${stateOf(task)}: ${textOf(task)}`);
  if (!textOf(task)) throw new Error('message/send task has no text answer');
  console.log(`OK: message/send task ${task.id} state ${stateOf(task)} answer ${JSON.stringify(textOf(task))}`);
  const got = await client.getTask({ id: task.id });
  if (got.id !== task.id) throw new Error('tasks/get returned another task');
  console.log(`OK: tasks/get ${got.id} state ${stateOf(got)}`);
  const kinds = [];
  for await (const event of client.sendMessageStream({ message: message(text) })) kinds.push(event?.payload?.$case ?? event?.kind ?? typeof event);
  if (kinds.at(-1) !== 'statusUpdate' || !kinds.includes('artifactUpdate')) throw new Error('message/stream events ' + kinds.join(','));
  console.log(`OK: message/stream events ${kinds.join(',')}`);
} catch (e) {
  console.log(`INVALID: ${e.message}`);
  process.exit(1);
}
