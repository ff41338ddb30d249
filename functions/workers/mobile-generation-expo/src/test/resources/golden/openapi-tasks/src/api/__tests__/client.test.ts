import { ApiError, buildPath, type Fetch } from '../http';
import { createClient } from '../client';
import type { Credentials, NewTask } from '../types';

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
  it('login sends POST /api/v1/auth/login', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.login({ body: JSON.parse('{}') as Credentials });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/auth/login');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
    expect(seen[0]?.headers['Content-Type']).toBe('application/json');
    expect(seen[0]?.body).toBe('{}');
  });
  it('listProjects sends GET /api/v1/projects', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.listProjects();
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/projects');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('listMembers sends GET /api/v1/projects/{projectId}/members', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.listMembers({ path: { 'projectId': 'v1 x' } });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/projects/v1%20x/members');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('listTasks sends GET /api/v1/tasks', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.listTasks();
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/tasks');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('createTask sends POST /api/v1/tasks', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.createTask({ body: JSON.parse('{}') as NewTask });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/tasks');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
    expect(seen[0]?.headers['Content-Type']).toBe('application/json');
    expect(seen[0]?.body).toBe('{}');
  });
  it('deleteTask sends DELETE /api/v1/tasks/{taskId}', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.deleteTask({ path: { 'taskId': 'v1 x' } });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/tasks/v1%20x');
    expect(seen[0]?.method).toBe('DELETE');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('getTask sends GET /api/v1/tasks/{taskId}', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.getTask({ path: { 'taskId': 'v1 x' } });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/tasks/v1%20x');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('updateTask sends PUT /api/v1/tasks/{taskId}', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.updateTask({ path: { 'taskId': 'v1 x' }, body: JSON.parse('{}') as NewTask });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/v1/tasks/v1%20x');
    expect(seen[0]?.method).toBe('PUT');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
    expect(seen[0]?.headers['Content-Type']).toBe('application/json');
    expect(seen[0]?.body).toBe('{}');
  });
  it('turns an error status into an ApiError with the parsed body', async () => {
    const { fetch } = stub(404, '{"message":"not here"}');
    const client = createClient({ baseUrl: 'https://api.test', fetch });
    await expect(client.login({ body: JSON.parse('{}') as Credentials })).rejects.toEqual(new ApiError(404, { message: 'not here' }));
  });
  it('sends no Authorization header without a token', async () => {
    const { fetch, seen } = stub(204, '');
    const client = createClient({ baseUrl: 'https://api.test', fetch });
    await client.login({ body: JSON.parse('{}') as Credentials });
    expect(seen[0]?.headers.Authorization).toBeUndefined();
  });
});
