import { ApiError, Luna, parseSse, summarize } from '../luna';
import { routeOfData } from '../routes';

/** A fetch that answers from a list of canned Luna answers, recording each request. */
function cannedFetch(answers: { status: number; body: unknown }[]) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const a = answers.shift() ?? { status: 500, body: { error: { code: 'INTERNAL' } } };
    const text = a.body === undefined ? '' : JSON.stringify(a.body);
    return { ok: a.status >= 200 && a.status < 300, status: a.status, text: async () => text } as Response;
  };
  return { fetch, calls };
}

const tokens = (n: number) => ({ data: { access_token: `eyJ.access${n}`, token_type: 'Bearer', expires_in: 300, refresh_token: `lrt_refresh${n}` } });

describe('the companion client', () => {
  it('parses the task event stream', () => {
    const events = parseSse('retry: 250\n\nid: 7\nevent: task_progress\ndata: {"status":"running","progress":{"percentage":40}}\n\n: keep-alive\n\n');
    expect(events).toEqual([{ id: '7', event: 'task_progress', data: { status: 'running', progress: { percentage: 40 } } }]);
  });

  it('summarises a result for a phone screen', () => {
    expect(summarize({ summary: { findings: 3, tool: 'pmd', bySeverity: { high: 1 } }, artifacts: [{ name: 'report.md' }] })).toEqual([
      { label: 'findings', value: '3' },
      { label: 'tool', value: 'pmd' },
      { label: 'bySeverity', value: 'high: 1' },
      { label: 'artifacts', value: 'report.md' },
    ]);
    expect(summarize(null)).toEqual([]);
  });

  it('exchanges the key, refreshes a minute before expiry and sends the access token', async () => {
    let now = 1_000_000;
    const { fetch, calls } = cannedFetch([
      { status: 200, body: tokens(1) },
      { status: 200, body: { data: [] } },
      { status: 200, body: tokens(2) },
      { status: 200, body: { data: [] } },
    ]);
    const luna = new Luna({ baseUrl: 'http://luna.test/', fetch, now: () => now });
    await luna.signIn(' luna_key ');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ grant_type: 'api_key', api_key: 'luna_key' });
    await luna.agents();
    expect((calls[1]!.init?.headers as Record<string, string>).Authorization).toBe('Bearer eyJ.access1');
    now += 250_000; // 50 s before expiry
    await luna.agents();
    expect(calls[2]!.url).toBe('http://luna.test/api/v1/auth/refresh');
    expect((calls[3]!.init?.headers as Record<string, string>).Authorization).toBe('Bearer eyJ.access2');
  });

  it('answers Luna errors as ApiError with the envelope', async () => {
    const { fetch } = cannedFetch([{ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'bad key' } } }]);
    const luna = new Luna({ baseUrl: 'http://luna.test', fetch });
    await expect(luna.signIn('luna_wrong')).rejects.toBeInstanceOf(ApiError);
  });

  it('routes a tapped notification to its screen', () => {
    expect(routeOfData({ kind: 'task', taskId: 'tsk_1' })).toBe('/companion/task/tsk_1');
    expect(routeOfData({ kind: 'budget_alert', alertId: 'alr_1' })).toBe('/companion/alerts');
    expect(routeOfData({ other: true })).toBeNull();
  });
});
