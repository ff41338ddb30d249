/**
 * The companion's Luna client (hand-written; the generator never writes under custom/). It signs in with an API key
 * the way README "Identity and access" describes: the key is exchanged once for a 5-minute access token
 * (POST /api/v1/auth/token) that is refreshed a minute before it expires (POST /api/v1/auth/refresh); the key itself is
 * not kept. Requests go through the generated client's HTTP layer (src/api/http.ts) and, where an operation fits, the
 * generated client itself (src/api/client.ts). No React Native import: jest runs it in Node against a real runtime.
 */
import { ApiError, request, type ClientConfig, type Fetch } from '../src/api/http';
import { createClient } from '../src/api/client';

export { ApiError };

/** Luna's answer envelope: {data, meta, links}. */
interface Envelope<T> {
  data: T;
  links?: { next?: string | null };
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface Agent {
  id: string;
  name: string;
  type: string;
  version: string;
  status: string;
  health?: AgentHealth;
  config?: { capabilities?: string[] };
}

/** An agent's health verdict (GET /api/v1/agents/{id}/health, also inside each agent of the list). */
export interface AgentHealth {
  agentId?: string;
  agentStatus?: string;
  status?: 'healthy' | 'degraded' | 'unhealthy';
  lastCheck?: string;
  reason?: string;
  [key: string]: unknown;
}

export interface TaskStep {
  name: string;
  status?: string;
  percentage?: number;
}

export interface TaskProgress {
  stage?: string | null;
  percentage: number;
  eta?: number | null;
  message?: string | null;
  steps?: TaskStep[];
}

export interface Task {
  id: string;
  type: string;
  status: string;
  priority?: string;
  agentId?: string | null;
  progress?: TaskProgress;
  error?: { message?: string } | null;
  createdAt?: string;
  completedAt?: string | null;
}

export interface BudgetAlert {
  id: string;
  projectId: string;
  agentId?: string | null;
  period: string;
  threshold: number;
  spentUsd: number;
  limitUsd: number;
  utilization: number;
  createdAt: string;
  channel: string;
  deliveryStatus: string;
}

export interface Device {
  id: string;
  userId: string;
  projectId: string;
  expoPushToken: string;
  platform: 'ios' | 'android' | 'web';
  followTasks: boolean;
  followBudgetAlerts: boolean;
}

export interface TaskFollow {
  taskId: string;
  following: boolean;
  status: string;
}

export const TERMINAL = ['succeeded', 'failed', 'cancelled', 'timed_out', 'dead_lettered'];

export function isTerminal(status: string): boolean {
  return TERMINAL.includes(status);
}

/** A result's summary as label/value lines for a phone screen: the result's `summary` object, else its top-level scalars. */
export function summarize(result: unknown, max = 12): { label: string; value: string }[] {
  if (!result || typeof result !== 'object') return result === undefined || result === null ? [] : [{ label: 'result', value: String(result) }];
  const r = result as Record<string, unknown>;
  const source = r.summary && typeof r.summary === 'object' && !Array.isArray(r.summary) ? (r.summary as Record<string, unknown>) : r;
  const lines: { label: string; value: string }[] = [];
  for (const [label, v] of Object.entries(source)) {
    if (lines.length >= max) break;
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') lines.push({ label, value: String(v) });
    else if (Array.isArray(v)) lines.push({ label, value: `${v.length} item${v.length === 1 ? '' : 's'}` });
    else lines.push({ label, value: Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${typeof x === 'object' ? '…' : String(x)}`).join(', ') });
  }
  if (Array.isArray(r.artifacts)) lines.push({ label: 'artifacts', value: (r.artifacts as { name?: string }[]).map((a) => a.name).join(', ') });
  return lines;
}

/** Parses a text/event-stream answer into its events (id, event, data as JSON when it is JSON). */
export function parseSse(text: string): { id?: string; event?: string; data: unknown }[] {
  const events: { id?: string; event?: string; data: unknown }[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    let id: string | undefined;
    let event: string | undefined;
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':') || !line) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (!data.length) continue;
    const joined = data.join('\n');
    let parsed: unknown = joined;
    try {
      parsed = JSON.parse(joined);
    } catch {
      // plain text data
    }
    events.push({ id, event, data: parsed });
  }
  return events;
}

export interface LunaOptions {
  baseUrl: string;
  fetch?: Fetch;
  /** The clock (tests move it). */
  now?: () => number;
  /** The project calls act in (?projectId=); the credential's own when unset. */
  projectId?: string;
}

/** A signed-in session with Luna. */
export class Luna {
  private tokens: Tokens | null = null;
  private refreshing: Promise<void> | null = null;
  private readonly now: () => number;
  private readonly config: ClientConfig;
  /** The generated client, sending the current access token. */
  readonly generated: ReturnType<typeof createClient>;

  constructor(private readonly options: LunaOptions) {
    this.now = options.now ?? Date.now;
    this.config = { baseUrl: options.baseUrl.replace(/\/+$/, ''), fetch: options.fetch, getToken: () => this.tokens?.accessToken };
    this.generated = createClient(this.config);
  }

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  get session(): Tokens | null {
    return this.tokens;
  }

  /** Restores a session kept by the app (secure store). */
  restore(tokens: Tokens | null): void {
    this.tokens = tokens;
  }

  /** Exchanges an API key for an access token and a refresh token (the key is not kept). */
  async signIn(apiKey: string): Promise<Tokens> {
    const answer = await request<unknown>(this.anonymous(), 'POST', '/api/v1/auth/token', { body: { grant_type: 'api_key', api_key: apiKey.trim() } });
    this.tokens = this.tokensOf(answer);
    return this.tokens;
  }

  /** Revokes the session (its refresh token family) and forgets it. */
  async signOut(): Promise<void> {
    const t = this.tokens;
    this.tokens = null;
    if (t) await request(this.anonymous(), 'POST', '/api/v1/auth/revoke', { body: { token: t.refreshToken } }).catch(() => undefined);
  }

  /** Refreshes the access token when it expires within a minute (once, however many calls wait for it). */
  async fresh(): Promise<void> {
    const t = this.tokens;
    if (!t) throw new ApiError(401, { error: { code: 'UNAUTHENTICATED', message: 'Not signed in' } });
    if (t.expiresAt - this.now() > 60_000) return;
    this.refreshing ??= request<unknown>(this.anonymous(), 'POST', '/api/v1/auth/refresh', { body: { refresh_token: t.refreshToken } })
      .then((answer) => {
        this.tokens = this.tokensOf(answer);
      })
      .finally(() => {
        this.refreshing = null;
      });
    await this.refreshing;
  }

  private anonymous(): ClientConfig {
    return { baseUrl: this.config.baseUrl, fetch: this.config.fetch };
  }

  private tokensOf(answer: unknown): Tokens {
    const a = (answer && typeof answer === 'object' && 'data' in answer ? (answer as Envelope<unknown>).data : answer) as Record<string, unknown>;
    if (!a || typeof a.access_token !== 'string' || typeof a.refresh_token !== 'string') throw new Error('Luna answered without tokens');
    const seconds = typeof a.expires_in === 'number' ? a.expires_in : 300;
    return { accessToken: a.access_token, refreshToken: a.refresh_token, expiresAt: this.now() + seconds * 1000 };
  }

  private query(extra: Record<string, string | number | undefined> = {}) {
    return { projectId: this.options.projectId, ...extra };
  }

  /** A call with the current access token (refreshed first when due); answers the envelope's data. */
  async call<T>(method: string, path: string, options: { query?: Record<string, string | number | undefined>; body?: unknown } = {}): Promise<T> {
    await this.fresh();
    const answer = await request<Envelope<T>>(this.config, method, path, { query: this.query(options.query), body: options.body });
    return answer?.data as T;
  }

  agents(filter: { health?: string; status?: string; limit?: number } = {}): Promise<Agent[]> {
    return this.call<Agent[]>('GET', '/api/v1/agents', { query: { limit: 100, ...filter } });
  }

  agentHealth(id: string): Promise<AgentHealth> {
    return this.call<AgentHealth>('GET', `/api/v1/agents/${encodeURIComponent(id)}/health`);
  }

  tasks(filter: { status?: string; type?: string; limit?: number } = {}): Promise<Task[]> {
    return this.call<Task[]>('GET', '/api/v1/tasks', { query: { limit: 50, ...filter } });
  }

  task(id: string): Promise<Task> {
    return this.call<Task>('GET', `/api/v1/tasks/${encodeURIComponent(id)}`);
  }

  /** A succeeded task's result (GET /api/v1/tasks/{id}/result answers {taskId, status, result, storage, …}). */
  async result(id: string): Promise<unknown> {
    const answer = await this.call<{ result?: unknown }>('GET', `/api/v1/tasks/${encodeURIComponent(id)}/result`);
    return answer && typeof answer === 'object' && 'result' in answer ? answer.result : answer;
  }

  follow(id: string, follow = true): Promise<TaskFollow> {
    return this.call<TaskFollow>(follow ? 'POST' : 'DELETE', `/api/v1/tasks/${encodeURIComponent(id)}/follow`);
  }

  alerts(limit = 50): Promise<BudgetAlert[]> {
    return this.call<BudgetAlert[]>('GET', '/api/v1/tokens/alerts', { query: { limit } });
  }

  registerDevice(expoPushToken: string, platform: Device['platform'], follow = { tasks: true, budgetAlerts: true }): Promise<Device> {
    return this.call<Device>('POST', '/api/v1/devices', { body: { expoPushToken, platform, follow } });
  }

  devices(): Promise<Device[]> {
    return this.call<Device[]>('GET', '/api/v1/devices');
  }

  forgetDevice(id: string): Promise<Device> {
    return this.call<Device>('DELETE', `/api/v1/devices/${encodeURIComponent(id)}`);
  }

  /**
   * Follows a task live until it ends: the task's event stream in its long-polling form (each answer holds the
   * states newer than Last-Event-ID; 204 once the end was seen), falling back to polling GET /api/v1/tasks/{id}
   * every second where the stream is not served. Calls onUpdate with each new state; answers the final task.
   */
  async watch(id: string, onUpdate: (t: Task) => void, signal?: { cancelled: boolean }): Promise<Task> {
    let last: Task = await this.task(id);
    onUpdate(last);
    let lastEventId: string | undefined;
    let streaming = true;
    while (!isTerminal(last.status) && !signal?.cancelled) {
      if (streaming) {
        await this.fresh();
        const doFetch = this.options.fetch ?? fetch;
        const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${this.tokens?.accessToken}` };
        if (lastEventId) headers['Last-Event-ID'] = lastEventId;
        const q = this.options.projectId ? `&projectId=${encodeURIComponent(this.options.projectId)}` : '';
        const r = await doFetch(`${this.config.baseUrl}/api/v1/tasks/${encodeURIComponent(id)}/events?wait=10${q}`, { method: 'GET', headers });
        if (r.status === 204) {
          last = await this.task(id);
          onUpdate(last);
          break;
        }
        if (!r.ok) {
          streaming = false; // not served here: poll
          continue;
        }
        for (const e of parseSse(await r.text())) {
          if (e.id) lastEventId = e.id;
          const state = taskOf(e.data);
          if (state) {
            last = { ...last, ...state };
            onUpdate(last);
          }
        }
      } else {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        last = await this.task(id);
        onUpdate(last);
      }
    }
    return last;
  }
}

/** The task state an event carries: the task itself, or {data: task-like} of a task_progress event. */
function taskOf(data: unknown): Partial<Task> | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  const inner = d.data && typeof d.data === 'object' ? (d.data as Record<string, unknown>) : d;
  if (typeof inner.status !== 'string') return null;
  const out: Partial<Task> = { status: inner.status };
  if (inner.progress && typeof inner.progress === 'object') out.progress = inner.progress as TaskProgress;
  else if (typeof inner.percentage === 'number') out.progress = { percentage: inner.percentage, stage: inner.stage as string, message: inner.message as string };
  return out;
}
