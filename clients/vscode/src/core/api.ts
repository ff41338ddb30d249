// The Luna API client: the public REST API only, with the key exchanged once for a short-lived access token
// (POST /api/v1/auth/token) that is refreshed before it expires (POST /api/v1/auth/refresh). Knows nothing of VS Code.

export interface ClientOptions {
  /** The API's base URL, e.g. http://localhost:8080 (a trailing slash is fine). */
  baseUrl: string;
  /** An API key (luna_…); exchanged for access tokens, never sent on other calls. */
  apiKey: string;
  /** The project calls act in (projectId of RAG calls and tasks). */
  projectId: string;
  /** The clock in milliseconds (tests move it forward to reach a token's refresh time). */
  now?: () => number;
}

/** An answer in the error envelope ({"error": {code, message, details}}) or a transport failure. */
export class LunaApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'LunaApiError';
  }
}

export interface Task {
  id: string;
  projectId: string;
  type: string;
  status: string;
  progress?: { stage?: string; percentage?: number; eta?: number; message?: string; steps?: { name: string; status: string }[] };
  result?: Record<string, unknown>;
  error?: { code?: string; message?: string };
  artifacts?: { name: string }[];
  revision?: number;
  [k: string]: unknown;
}

export interface Artifact {
  name: string;
  contentType: string;
  bytes: number;
  sha256: string;
  href: string;
}

export interface TaskType {
  name: string;
  description: string;
  available: boolean;
  timeoutSeconds: number;
  payloadSchema: Record<string, unknown>;
}

export interface IndexJob {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress?: { filesTotal: number; filesProcessed: number };
  result?: { filesIndexed: number; filesUnchanged: number; filesDeleted: number; filesSkipped: number; chunksIndexed: number; [k: string]: number };
  errors?: { path?: string; message?: string }[];
  error?: { code?: string; message?: string };
}

export interface RagContext {
  id: string;
  path: string;
  language?: string;
  symbol?: string;
  startLine: number;
  endLine: number;
  content: string;
  relevanceScore: number;
  tokenCount: number;
}

export interface QueryOptions {
  topK?: number;
  tokenBudget?: number;
  mode?: 'hybrid' | 'vector' | 'keyword';
  filters?: { path?: string; language?: string; symbol?: string };
}

export interface InlineFile { path: string; content: string }

export const TERMINAL = new Set(['succeeded', 'failed', 'cancelled', 'timed_out', 'dead_lettered']);

interface Tokens { access: string; refresh: string; expiresAt: number; refreshAt: number }

export class LunaClient {
  readonly baseUrl: string;
  readonly projectId: string;
  private readonly apiKey: string;
  private readonly now: () => number;
  private tokens?: Tokens;
  private pending?: Promise<Tokens>;
  /** How many access tokens were obtained (exchange + refreshes): visible for tests and diagnostics. */
  tokenGrants = 0;

  constructor(options: ClientOptions) {
    if (!options.baseUrl) throw new Error('Luna URL is not set');
    if (!options.apiKey) throw new Error('Luna API key is not set');
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.apiKey = options.apiKey;
    this.projectId = options.projectId || 'default';
    this.now = options.now ?? Date.now;
  }

  /** The current access token, exchanged or refreshed when needed. */
  async accessToken(): Promise<string> {
    const t = this.tokens;
    if (t && this.now() < t.refreshAt) return t.access;
    // a refresh token that is refused (revoked, expired) is replaced by a new exchange of the key
    this.pending ??= (t && this.now() < t.expiresAt + 5_000 ? this.refresh(t).catch(() => this.exchange()) : this.exchange())
      .finally(() => { this.pending = undefined; });
    return (await this.pending).access;
  }

  /** Revokes the session (its access token and its refresh token's family); the next call exchanges the key again. */
  async signOut(): Promise<void> {
    const t = this.tokens;
    this.tokens = undefined;
    if (!t) return;
    for (const token of [t.access, t.refresh]) await this.raw('POST', '/api/v1/auth/revoke', { token }, false).catch(() => undefined);
  }

  private async exchange(): Promise<Tokens> {
    return this.grant(await this.raw('POST', '/api/v1/auth/token', { grant_type: 'api_key', api_key: this.apiKey }, false));
  }

  private async refresh(t: Tokens): Promise<Tokens> {
    return this.grant(await this.raw('POST', '/api/v1/auth/refresh', { refresh_token: t.refresh }, false));
  }

  private grant(data: any): Tokens {
    const ttl = Number(data.expires_in) * 1000;
    const now = this.now();
    // refresh a minute before expiry, or at 80 % of a short lifetime
    const margin = Math.min(60_000, ttl * 0.2);
    this.tokens = { access: data.access_token, refresh: data.refresh_token, expiresAt: now + ttl, refreshAt: now + ttl - margin };
    this.tokenGrants++;
    return this.tokens;
  }

  /** A request answered by the standard envelope: returns `data`, throws LunaApiError on an error envelope. */
  async request<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.raw(method, path, body, true)) as T;
  }

  /** A fetch with the access token; retried once with a fresh token on 401. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${await this.accessToken()}`);
      res = await this.send(this.url(path), { ...init, headers });
      if (res.status !== 401 || attempt === 1) break;
      this.tokens = undefined;
    }
    return res!;
  }

  private async raw(method: string, path: string, body: unknown, auth: boolean): Promise<unknown> {
    const init: RequestInit = { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = auth ? await this.fetch(path, init) : await this.send(this.url(path), init);
    const text = await res.text();
    let json: any;
    try { json = text ? JSON.parse(text) : {}; } catch { json = undefined; }
    if (!res.ok || json === undefined) {
      const e = json?.error;
      throw new LunaApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? `${method} ${path}: HTTP ${res.status}`, e?.details ?? {});
    }
    return json.data;
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch (e) {
      throw new LunaApiError(0, 'UNREACHABLE', `Luna is not reachable at ${this.baseUrl}: ${(e as Error).message}`);
    }
  }

  url(path: string): string {
    return path.startsWith('http://') || path.startsWith('https://') ? path : this.baseUrl + path;
  }

  private q(): string {
    return `projectId=${encodeURIComponent(this.projectId)}`;
  }

  // ---- task types and tasks

  taskTypes(): Promise<TaskType[]> {
    return this.request('GET', '/api/v1/task-types');
  }

  submitTask(type: string, payload: unknown, extra: { agentId?: string; priority?: number; cache?: boolean } = {}): Promise<Task> {
    return this.request('POST', `/api/v1/tasks?${this.q()}`, { type, payload, ...extra });
  }

  getTask(id: string): Promise<Task> {
    return this.request('GET', `/api/v1/tasks/${encodeURIComponent(id)}`);
  }

  /** The result of a finished task (large results are stored apart from the task record). */
  taskResult(id: string): Promise<Record<string, unknown>> {
    return this.request('GET', `/api/v1/tasks/${encodeURIComponent(id)}/result`);
  }

  listTasks(limit = 20): Promise<Task[]> {
    return this.request('GET', `/api/v1/tasks?${this.q()}&limit=${limit}`);
  }

  cancelTask(id: string): Promise<Task> {
    return this.request('DELETE', `/api/v1/tasks/${encodeURIComponent(id)}`);
  }

  artifacts(taskId: string): Promise<Artifact[]> {
    return this.request('GET', `/api/v1/tasks/${encodeURIComponent(taskId)}/artifacts`);
  }

  /** An artifact's bytes (a 302 to a presigned URL in AWS is followed; fetch drops the token on another origin). */
  async downloadArtifact(taskId: string, name: string): Promise<Uint8Array> {
    const path = `/api/v1/tasks/${encodeURIComponent(taskId)}/artifacts/${name.split('/').map(encodeURIComponent).join('/')}`;
    const res = await this.fetch(path);
    if (!res.ok) {
      const e = await res.json().catch(() => undefined) as any;
      throw new LunaApiError(res.status, e?.error?.code ?? `HTTP_${res.status}`, e?.error?.message ?? `artifact ${name}: HTTP ${res.status}`);
    }
    return new Uint8Array(await res.arrayBuffer());
  }

  // ---- agents: a task needs a running agent with the type as capability

  /** A running agent of this project that has every capability, registering and starting one when there is none. */
  async ensureAgent(capabilities: string[], name = 'VS Code'): Promise<string> {
    const agents: any[] = await this.request('GET', `/api/v1/agents?${this.q()}&status=running&limit=100`);
    const found = agents.find(a => capabilities.every(c => (a.config?.capabilities ?? []).includes(c)));
    if (found) return found.id;
    const agent = await this.request('POST', '/api/v1/agents', {
      projectId: this.projectId, name: `${name} ${capabilities.join(' ')}`.replace(/[^A-Za-z0-9 ._-]/g, ' ').slice(0, 100), type: 'task-executor', version: '1.0.0',
      config: { runtime: 'java', capabilities },
    });
    await this.request('POST', `/api/v1/agents/${agent.id}/start`);
    return agent.id;
  }

  // ---- RAG

  index(body: { source: unknown; deletedPaths?: string[]; include?: string[]; exclude?: string[] }): Promise<IndexJob> {
    return this.request('POST', '/api/v1/rag/index', { projectId: this.projectId, ...body });
  }

  indexJob(id: string): Promise<IndexJob> {
    return this.request('GET', `/api/v1/rag/index/${encodeURIComponent(id)}`);
  }

  /** Polls an index job until it ends; onProgress sees each state. */
  async waitForJob(id: string, onProgress?: (job: IndexJob) => void, timeoutMs = 300_000, signal?: AbortSignal): Promise<IndexJob> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.indexJob(id);
      onProgress?.(job);
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      if (Date.now() > deadline) throw new LunaApiError(0, 'TIMEOUT', `index job ${id} did not end within ${timeoutMs / 1000} s`);
      if (signal?.aborted) throw new LunaApiError(0, 'CANCELLED', 'cancelled');
      await sleep(250);
    }
  }

  async query(query: string, options: QueryOptions = {}): Promise<{ contexts: RagContext[]; totalTokens: number; tokenBudget: number }> {
    return this.request('POST', '/api/v1/rag/query', { projectId: this.projectId, query, topK: 10, tokenBudget: 4000, ...options });
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });
}
