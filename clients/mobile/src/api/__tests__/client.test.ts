import { ApiError, buildPath, type Fetch } from '../http';
import { createClient } from '../client';
import type { AgentRegistration, AgentUpdate, ApiKeyCreate, ChatCompletionRequest, Heartbeat, RefreshRequest, RevokeRequest, RollbackRequest, TokenRequest } from '../types';

type Seen = { url: string; method?: string; headers: Record<string, string>; body?: string };

function stub(status: number, payload: string): { fetch: Fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetch: Fetch = async (url, init) => {
    seen.push({ url, method: init?.method, headers: (init?.headers ?? {}) as Record<string, string>, body: init?.body as string | undefined });
    return { ok: status >= 200 && status < 300, status, text: async () => payload } as Response;
  };
  return { fetch, seen };
}

describe('buildPath', () => {
  it('encodes each path parameter', () => {
    expect(buildPath('/a/{id}/b/{name}', { id: 'x/y z', name: 7 })).toBe('/a/x%2Fy%20z/b/7');
  });
  it('refuses a missing parameter', () => {
    expect(() => buildPath('/a/{id}', {})).toThrow('missing path parameter id');
  });
});

describe('the generated client', () => {
  it('authJwks sends GET /.well-known/jwks.json', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.authJwks();
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/.well-known/jwks.json');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('adminTracesGet sends GET /api/v1/admin/traces/{requestId}', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.adminTracesGet({ path: { 'requestId': 'v1 x' } });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/admin/traces/v1%20x');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('agentsList sends GET /api/v1/agents', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.agentsList();
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/agents');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('agentsCreate sends POST /api/v1/agents', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.agentsCreate({ body: JSON.parse('{}') as AgentRegistration });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/agents');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
    expect(seen[0]?.headers['Content-Type']).toBe('application/json');
    expect(seen[0]?.body).toBe('{}');
  });
  it('agentsHealthSummary sends GET /api/v1/agents/health', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.agentsHealthSummary();
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/agents/health');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('agentsDelete sends DELETE /api/v1/agents/{id}', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.agentsDelete({ path: { 'id': 'v1 x' } });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/agents/v1%20x');
    expect(seen[0]?.method).toBe('DELETE');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('agentsGet sends GET /api/v1/agents/{id}', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.agentsGet({ path: { 'id': 'v1 x' } });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/agents/v1%20x');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('agentsUpdate sends PUT /api/v1/agents/{id}', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.agentsUpdate({ path: { 'id': 'v1 x' }, body: JSON.parse('{}') as AgentUpdate });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/agents/v1%20x');
    expect(seen[0]?.method).toBe('PUT');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
    expect(seen[0]?.headers['Content-Type']).toBe('application/json');
    expect(seen[0]?.body).toBe('{}');
  });
  it('agentsHealth sends GET /api/v1/agents/{id}/health', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.agentsHealth({ path: { 'id': 'v1 x' } });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/agents/v1%20x/health');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('agentsHeartbeat sends POST /api/v1/agents/{id}/heartbeat', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.agentsHeartbeat({ path: { 'id': 'v1 x' }, body: JSON.parse('{}') as Heartbeat });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/agents/v1%20x/heartbeat');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
    expect(seen[0]?.headers['Content-Type']).toBe('application/json');
    expect(seen[0]?.body).toBe('{}');
  });
  it('agentsMetrics sends GET /api/v1/agents/{id}/metrics', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.agentsMetrics({ path: { 'id': 'v1 x' } });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/agents/v1%20x/metrics');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('agentsRollback sends POST /api/v1/agents/{id}/rollback', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.agentsRollback({ path: { 'id': 'v1 x' }, body: JSON.parse('{}') as RollbackRequest });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/agents/v1%20x/rollback');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
    expect(seen[0]?.headers['Content-Type']).toBe('application/json');
    expect(seen[0]?.body).toBe('{}');
  });
  it('agentsStart sends POST /api/v1/agents/{id}/start', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.agentsStart({ path: { 'id': 'v1 x' } });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/agents/v1%20x/start');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('agentsStop sends POST /api/v1/agents/{id}/stop', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.agentsStop({ path: { 'id': 'v1 x' } });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/agents/v1%20x/stop');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('agentsVersions sends GET /api/v1/agents/{id}/versions', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.agentsVersions({ path: { 'id': 'v1 x' } });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/agents/v1%20x/versions');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('aiChatCompletions sends POST /api/v1/ai/chat/completions', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.aiChatCompletions({ body: JSON.parse('{}') as ChatCompletionRequest });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/ai/chat/completions');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
    expect(seen[0]?.headers['Content-Type']).toBe('application/json');
    expect(seen[0]?.body).toBe('{}');
  });
  it('apiKeysList sends GET /api/v1/api-keys', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.apiKeysList();
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/api-keys');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('apiKeysCreate sends POST /api/v1/api-keys', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.apiKeysCreate({ body: JSON.parse('{}') as ApiKeyCreate });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/api-keys');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
    expect(seen[0]?.headers['Content-Type']).toBe('application/json');
    expect(seen[0]?.body).toBe('{}');
  });
  it('apiKeysDelete sends DELETE /api/v1/api-keys/{id}', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.apiKeysDelete({ path: { 'id': 'v1 x' } });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/api-keys/v1%20x');
    expect(seen[0]?.method).toBe('DELETE');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('auditList sends GET /api/v1/audit', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.auditList();
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/audit');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('authKeysRotate sends POST /api/v1/auth/keys/rotate', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.authKeysRotate();
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/auth/keys/rotate');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('authRefresh sends POST /api/v1/auth/refresh', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.authRefresh({ body: JSON.parse('{}') as RefreshRequest });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/auth/refresh');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
    expect(seen[0]?.headers['Content-Type']).toBe('application/json');
    expect(seen[0]?.body).toBe('{}');
  });
  it('authRevoke sends POST /api/v1/auth/revoke', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.authRevoke({ body: JSON.parse('{}') as RevokeRequest });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/auth/revoke');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
    expect(seen[0]?.headers['Content-Type']).toBe('application/json');
    expect(seen[0]?.body).toBe('{}');
  });
  it('authToken sends POST /api/v1/auth/token', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.authToken({ body: JSON.parse('{}') as TokenRequest });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/auth/token');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
    expect(seen[0]?.headers['Content-Type']).toBe('application/json');
    expect(seen[0]?.body).toBe('{}');
  });
  it('deadLettersList sends GET /api/v1/dead-letters', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.deadLettersList();
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/dead-letters');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('turns an error status into an ApiError with the parsed body', async () => {
    const { fetch } = stub(404, '{"message":"not here"}');
    const client = createClient({ baseUrl: 'https://api.test', fetch });
    await expect(client.authJwks()).rejects.toEqual(new ApiError(404, { message: 'not here' }));
  });
  it('sends no Authorization header without a token', async () => {
    const { fetch, seen } = stub(204, '');
    const client = createClient({ baseUrl: 'https://api.test', fetch });
    await client.authJwks();
    expect(seen[0]?.headers.Authorization).toBeUndefined();
  });
});
