import { useEffect, useState } from 'react';
import type { Api } from '../api/client';

export interface Step {
  name: string;
  status: string;
  startedAt?: string;
  completedAt?: string;
}

export interface TaskState {
  id?: string;
  taskId?: string;
  type: string;
  status: string;
  revision?: number;
  progress?: { stage?: string; percentage?: number; eta?: number; message?: string; steps?: Step[] };
  error?: { code?: string; message?: string } | string;
  [key: string]: unknown;
}

export const FINISHED = new Set(['succeeded', 'failed', 'cancelled', 'timed_out', 'dead_lettered']);

/** One server-sent event of the task stream: "id", "event" and the JSON "data". */
export function parseEvents(text: string): { id?: string; event?: string; data?: unknown }[] {
  const out: { id?: string; event?: string; data?: unknown }[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    const e: { id?: string; event?: string; data?: unknown } = {};
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('id:')) e.id = line.slice(3).trim();
      else if (line.startsWith('event:')) e.event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length) {
      try {
        e.data = JSON.parse(data.join('\n'));
      } catch {
        continue;
      }
      out.push(e);
    }
  }
  return out;
}

/**
 * Follows a task live. Uses the task's event stream (GET /tasks/{id}/events, long-polled with Last-Event-ID) while
 * it answers 200; when the endpoint is missing or refuses, polls GET /tasks/{id} every second instead. Either way it
 * stops once the task has finished. `mode` says which is in use.
 */
export function useTaskProgress(api: Api, taskId: string, initial?: TaskState) {
  const [state, setState] = useState<TaskState | undefined>(initial);
  const [mode, setMode] = useState<'stream' | 'poll' | 'done'>('stream');
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const abort = new AbortController();
    let stopped = false;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const fetchTask = async () => {
      const r = await api.request<TaskState>('GET', `/api/v1/tasks/${encodeURIComponent(taskId)}`);
      if (!stopped) setState(r.data);
      return r.data;
    };

    const poll = async () => {
      setMode('poll');
      while (!stopped) {
        try {
          const t = await fetchTask();
          if (FINISHED.has(t.status)) break;
        } catch (e) {
          if (!stopped) setError(e);
        }
        await sleep(1000);
      }
      if (!stopped) setMode('done');
    };

    const stream = async () => {
      let last = '';
      let current = await fetchTask();
      if (FINISHED.has(current.status)) {
        setMode('done');
        return;
      }
      while (!stopped) {
        let response: Response;
        try {
          const q = `wait=20${last ? `&lastEventId=${encodeURIComponent(last)}` : ''}`;
          response = await api.send('GET', `/api/v1/tasks/${encodeURIComponent(taskId)}/events?${q}`, undefined,
            { Accept: 'text/event-stream', ...(last ? { 'Last-Event-ID': last } : {}) }, abort.signal);
        } catch (e) {
          if (stopped) return;
          setError(e);
          return poll();
        }
        if (response.status === 204) break;
        if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('event-stream')) {
          return poll();
        }
        // read events as they arrive: a long-polled answer ends after one event, a streaming one stays open
        const reader = response.body?.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        const take = (text: string) => {
          for (const e of parseEvents(text)) {
            if (e.id) last = e.id;
            const data = e.data as TaskState;
            current = { ...current, ...data, progress: data.progress ?? current.progress };
            if (!stopped) setState(current);
          }
        };
        while (reader && !stopped) {
          let chunk: ReadableStreamReadResult<Uint8Array>;
          try {
            chunk = await reader.read();
          } catch {
            if (stopped) return;
            return poll(); // the stream broke off: follow by polling instead
          }
          const { value, done } = chunk;
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          const end = Math.max(buffer.lastIndexOf('\n\n'), buffer.lastIndexOf('\r\n\r\n'));
          if (end >= 0) {
            take(buffer.slice(0, end));
            buffer = buffer.slice(end).replace(/^(\r?\n)+/, '');
          }
          if (FINISHED.has(current.status)) {
            await reader.cancel().catch(() => undefined);
            break;
          }
        }
        if (buffer.trim()) take(buffer);
        if (FINISHED.has(current.status)) break;
      }
      // the finished task in full (result, artifacts) once the stream has ended
      if (!stopped) {
        await fetchTask().catch(() => undefined);
        setMode('done');
      }
    };

    stream().catch((e) => {
      if (!stopped) setError(e);
    });
    return () => {
      stopped = true;
      abort.abort();
    };
  }, [api, taskId]);

  return { task: state, mode, error };
}
