// Following a task live: GET /api/v1/tasks/{id}/events (Server-Sent Events in the long-polling form: each answer carries
// the state newer than Last-Event-ID, or a keep-alive; 204 once the finished task was seen). Where that stream is not
// served (404 ROUTE_NOT_FOUND, e.g. behind a proxy without it) it falls back to polling GET /api/v1/tasks/{id}.
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { LunaApiError, LunaClient, TERMINAL, sleep, type Task } from './api.js';

export interface FollowOptions {
  /** Long-poll wait per request in seconds (0–25). */
  waitSeconds?: number;
  /** Polling period when the stream is not served. */
  pollMs?: number;
  /** Skip the stream and poll (for clients behind proxies that buffer it). */
  forcePolling?: boolean;
  signal?: AbortSignal;
}

export interface ProgressUpdate {
  taskId: string;
  status: string;
  percentage: number;
  stage?: string;
  message?: string;
  eta?: number;
  steps: { name: string; status: string }[];
  terminal: boolean;
  via: 'stream' | 'polling';
}

export function toUpdate(state: Partial<Task> & { taskId?: string }, via: ProgressUpdate['via']): ProgressUpdate {
  const p = state.progress ?? {};
  return {
    taskId: (state.taskId ?? state.id) as string,
    status: state.status ?? 'unknown',
    percentage: p.percentage ?? 0,
    stage: p.stage,
    message: p.message,
    eta: p.eta,
    steps: p.steps ?? [],
    terminal: TERMINAL.has(state.status ?? ''),
    via,
  };
}

/** Text for a notification or a tree item: "running · step-2 · 50 % · ETA 3 s". */
export function describe(u: ProgressUpdate): string {
  const parts = [u.status];
  if (u.stage && u.stage !== u.status) parts.push(u.stage);
  parts.push(`${Math.round(u.percentage)} %`);
  if (u.eta !== undefined && !u.terminal && u.eta > 0) parts.push(`ETA ${Math.round(u.eta)} s`);
  return parts.join(' · ');
}

/** Follows a task until it ends; onUpdate sees each new state once. Returns the finished task (GET /tasks/{id}). */
export async function followTask(client: LunaClient, taskId: string, onUpdate: (u: ProgressUpdate) => void, options: FollowOptions = {}): Promise<Task> {
  const wait = options.waitSeconds ?? 20;
  let last = '';
  let polling = options.forcePolling ?? false;
  while (!polling) {
    if (options.signal?.aborted) throw new LunaApiError(0, 'CANCELLED', 'stopped following');
    const res = await client.fetch(`/api/v1/tasks/${encodeURIComponent(taskId)}/events?wait=${wait}&lastEventId=${encodeURIComponent(last)}`,
      { headers: { Accept: 'text/event-stream' }, signal: options.signal });
    if (res.status === 204) return client.getTask(taskId);
    if (res.status === 404) {
      const body = await res.json().catch(() => undefined) as any;
      if (body?.error?.code === 'ROUTE_NOT_FOUND' || body === undefined) { polling = true; break; }
      throw new LunaApiError(404, body?.error?.code ?? 'NOT_FOUND', body?.error?.message ?? `task ${taskId} not found`);
    }
    if (!res.ok || !(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      const body = await res.json().catch(() => undefined) as any;
      throw new LunaApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? `events of ${taskId}: HTTP ${res.status}`);
    }
    const events: EventSourceMessage[] = [];
    const parser = createParser({ onEvent: e => events.push(e) });
    parser.feed(await res.text());
    parser.reset({ consume: true });
    for (const e of events) {
      if (e.id) last = e.id;
      if (e.event !== 'task_progress' && e.event !== 'task_status') continue;
      const u = toUpdate(JSON.parse(e.data), 'stream');
      onUpdate(u);
    }
  }
  let lastRevision = -1;
  for (;;) {
    const task = await client.getTask(taskId);
    if ((task.revision ?? 0) !== lastRevision) {
      lastRevision = task.revision ?? 0;
      onUpdate(toUpdate(task, 'polling'));
    }
    if (TERMINAL.has(task.status)) return task;
    if (options.signal?.aborted) throw new LunaApiError(0, 'CANCELLED', 'stopped following');
    await sleep(options.pollMs ?? 1000, options.signal);
  }
}
