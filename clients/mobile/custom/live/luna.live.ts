/**
 * The companion's client against a fresh local Luna runtime over real sockets (no stubs): sign-in by key exchange
 * and refresh, agents with health, a task followed live to its end with its result summarised, devices, alerts and
 * Luna's 4xx answers. Run by scripts/test-mobile, which starts the runtime and sets LUNA_URL and LUNA_KEY.
 */
import { ApiError, Luna, summarize, type Task } from '../luna';

const baseUrl = process.env.LUNA_URL as string;
const adminKey = process.env.LUNA_KEY as string;

if (!baseUrl || !adminKey) throw new Error('LUNA_URL and LUNA_KEY must name a running Luna and an admin key (scripts/test-mobile sets them)');

let now = Date.now();
const luna = new Luna({ baseUrl, now: () => now });

beforeAll(async () => {
  await luna.signIn(adminKey);
});

async function runningAgent(): Promise<string> {
  const agent = await luna.call<{ id: string }>('POST', '/api/v1/agents', {
    body: { name: `companion-${Date.now()}`, type: 'task-executor', version: '1.0.0', config: { runtime: 'java', capabilities: ['echo'] } },
  });
  await luna.call('POST', `/api/v1/agents/${agent.id}/start`);
  return agent.id;
}

test('a wrong key is refused with 401 in the error envelope', async () => {
  const other = new Luna({ baseUrl });
  const refused = await other.signIn('luna_not_a_real_key_000000000000').catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(ApiError);
  expect((refused as ApiError).status).toBe(401);
  expect(((refused as ApiError).body as { error: { code: string } }).error.code).toBeTruthy();
});

test('the key is exchanged for an access token, which is refreshed a minute before it expires', async () => {
  const first = luna.session!.accessToken;
  expect(first.startsWith('eyJ')).toBe(true);
  now += (luna.session!.expiresAt - now) - 30_000; // 30 s before expiry
  await luna.agents();
  expect(luna.session!.accessToken).not.toBe(first);
  expect(luna.session!.expiresAt - now).toBeGreaterThan(60_000);
});

test('agents are listed with their health, and one agent health verdict is read', async () => {
  const id = await runningAgent();
  const agents = await luna.agents();
  const mine = agents.find((a) => a.id === id);
  expect(mine).toBeDefined();
  expect(mine!.status).toBe('running');
  expect(['healthy', 'degraded', 'unhealthy']).toContain(mine!.health?.status);
  const health = await luna.agentHealth(id);
  expect(health.agentId).toBe(id);
  expect(health.status).toBe('healthy');
  expect(typeof health.reason).toBe('string');
});

test('a task is followed live to its end through its event stream, and its result is summarised', async () => {
  const agentId = await runningAgent();
  const task = await luna.call<Task>('POST', '/api/v1/tasks', {
    body: { type: 'echo', agentId, cache: false, payload: { message: 'from the companion', steps: 4, delayMs: 2000 } },
  });
  const follow = await luna.follow(task.id);
  expect(follow.following).toBe(true);
  const seen: Task[] = [];
  const end = await luna.watch(task.id, (t) => seen.push(t));
  expect(end.status).toBe('succeeded');
  const percentages = seen.map((t) => t.progress?.percentage ?? 0);
  expect(percentages.length).toBeGreaterThanOrEqual(3);
  expect(percentages[percentages.length - 1]).toBe(100);
  expect([...percentages].sort((a, b) => a - b)).toEqual(percentages);
  expect(new Set(percentages).size).toBeGreaterThanOrEqual(3); // live steps, not just start and end
  const lines = summarize(await luna.result(task.id));
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.map((l) => l.value).join('\n')).toContain('from the companion');
  expect((await luna.follow(task.id)).following).toBe(false); // an ended task is not followed
});

test('a device is registered once per token, listed and forgotten; a bad token is a 400 naming the field', async () => {
  const token = `ExponentPushToken[companion-${Date.now()}]`;
  const device = await luna.registerDevice(token, 'ios');
  expect(device.id).toMatch(/^dev_[0-9a-f]{20}$/);
  expect((await luna.registerDevice(token, 'ios', { tasks: true, budgetAlerts: false })).id).toBe(device.id);
  const listed = (await luna.devices()).find((d) => d.id === device.id);
  expect(listed?.followBudgetAlerts).toBe(false);
  expect((await luna.forgetDevice(device.id)).id).toBe(device.id);
  expect((await luna.devices()).map((d) => d.id)).not.toContain(device.id);
  const bad = await luna.registerDevice('not-a-token', 'ios').catch((e: unknown) => e);
  expect((bad as ApiError).status).toBe(400);
  expect(JSON.stringify((bad as ApiError).body)).toContain('expoPushToken');
  const gone = await luna.forgetDevice(device.id).catch((e: unknown) => e);
  expect((gone as ApiError).status).toBe(404);
});

test('budget alerts are listed (none on a fresh runtime), and an unknown task is a 404', async () => {
  expect(Array.isArray(await luna.alerts())).toBe(true);
  const missing = await luna.task('tsk_01M00000000000000000000000').catch((e: unknown) => e);
  expect((missing as ApiError).status).toBe(404);
});
