/** The HTTP layer of the generated client: one request function, JSON in and out, errors as ApiError. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ClientConfig {
  /** The API's base URL, without a trailing slash. */
  baseUrl: string;
  /** The bearer token to send, if any. */
  getToken?: () => string | null | undefined;
  /** The fetch to use (tests pass a stub). */
  fetch?: Fetch;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

/** Fills `{name}` placeholders of a path template with URL-encoded values. */
export function buildPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

function queryString(query?: Query): string {
  if (!query) return '';
  const parts = Object.keys(query)
    .sort()
    .filter((k) => query[k] !== undefined && query[k] !== null)
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(query[k]))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export async function request<T>(
  config: ClientConfig,
  method: string,
  path: string,
  options: { query?: Query; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = config.getToken?.();
  if (token) headers.Authorization = `Bearer ${token}`;
  const doFetch = config.fetch ?? fetch;
  const response = await doFetch(config.baseUrl + path + queryString(options.query), {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body as T;
}
