import { ApiError, buildPath, type Fetch } from '../http';
import { createClient } from '../client';
import type { NewProduct } from '../types';

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
  it('listProducts sends GET /api/products', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.listProducts();
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/products');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('createProduct sends POST /api/products', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.createProduct({ body: JSON.parse('{}') as NewProduct });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/products');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
    expect(seen[0]?.headers['Content-Type']).toBe('application/json');
    expect(seen[0]?.body).toBe('{}');
  });
  it('deleteProduct sends DELETE /api/products/{productId}', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.deleteProduct({ path: { 'productId': 'v1 x' } });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/products/v1%20x');
    expect(seen[0]?.method).toBe('DELETE');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('getProduct sends GET /api/products/{productId}', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.getProduct({ path: { 'productId': 'v1 x' } });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/products/v1%20x');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
  });
  it('updateProduct sends PUT /api/products/{productId}', async () => {
    const { fetch, seen } = stub(200, '{"ok":true}');
    const client = createClient({ baseUrl: 'https://api.test', getToken: () => 'secret-token', fetch });
    const result = await client.updateProduct({ path: { 'productId': 'v1 x' }, body: JSON.parse('{}') as NewProduct });
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://api.test' + '/api/products/v1%20x');
    expect(seen[0]?.method).toBe('PUT');
    expect(seen[0]?.headers.Authorization).toBe('Bearer secret-token');
    expect(seen[0]?.headers['Content-Type']).toBe('application/json');
    expect(seen[0]?.body).toBe('{}');
  });
  it('turns an error status into an ApiError with the parsed body', async () => {
    const { fetch } = stub(404, '{"message":"not here"}');
    const client = createClient({ baseUrl: 'https://api.test', fetch });
    await expect(client.listProducts()).rejects.toEqual(new ApiError(404, { message: 'not here' }));
  });
  it('sends no Authorization header without a token', async () => {
    const { fetch, seen } = stub(204, '');
    const client = createClient({ baseUrl: 'https://api.test', fetch });
    await client.listProducts();
    expect(seen[0]?.headers.Authorization).toBeUndefined();
  });
});
