import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/hooks';
import { useAuth } from '../api/session';
import { navigate } from '../router';
import { FINISHED, useTaskProgress, type TaskState } from '../hooks/useTaskProgress';
import type { Artifact } from '../components/artifacts';
import { Badge, Card, ErrorBox, Json, PageTitle, Progress, formatDuration, formatTime } from '../components/ui';
import { ArtifactsView } from './ResultViews';

function eta(seconds?: number): string {
  if (seconds == null) return '';
  return seconds <= 0 ? 'finishing' : `about ${formatDuration(seconds * 1000)} left`;
}

export default function TaskDetail({ id }: { id: string }) {
  const { api, canWrite } = useAuth();
  const queryClient = useQueryClient();
  const { task, mode, error } = useTaskProgress(api, id);
  const finished = !!task && FINISHED.has(task.status);
  const artifacts = useApi<Artifact[]>(finished ? `/api/v1/tasks/${encodeURIComponent(id)}/artifacts` : null, { global: true });
  const [actionError, setActionError] = useState<unknown>();
  const act = async (method: string, path: string) => {
    setActionError(undefined);
    try {
      const r = await api.request<TaskState>(method, `/api/v1/tasks/${encodeURIComponent(id)}${path}`);
      await queryClient.invalidateQueries();
      if (path === '/retry' && r.data?.id && r.data.id !== id) navigate(`/tasks/${r.data.id}`);
      else if (path === '/retry') location.reload();
    } catch (e) {
      setActionError(e);
    }
  };
  if (!task) return <><PageTitle>Task</PageTitle>{error ? <ErrorBox error={error} /> : <p role="status">Loading…</p>}</>;
  const p = task.progress ?? {};
  const writable = canWrite('tasks:write');
  const err = typeof task.error === 'string' ? { message: task.error } : task.error;
  return (
    <>
      <PageTitle actions={writable && (
        <>
          {!finished && <button type="button" onClick={() => act('DELETE', '')}>Cancel task</button>}
          {finished && task.status !== 'succeeded' && <button type="button" onClick={() => act('POST', '/retry')}>Retry</button>}
        </>
      )}>
        {task.type} task <Badge value={task.status} />
      </PageTitle>
      <ErrorBox error={actionError ?? error} />
      <div className="grid">
        <Card title="Progress" className="wide">
          <div aria-live="polite">
            <Progress value={p.percentage ?? 0} label="Task progress" />
            <p data-testid="progress-text">
              <strong>{p.percentage ?? 0} %</strong> · {p.stage ?? task.status}{p.message ? ` — ${p.message}` : ''} {!finished && eta(p.eta)}
            </p>
          </div>
          <ol className="steps">
            {(p.steps ?? []).map((s) => (
              <li key={s.name}><Badge value={s.status} /> {s.name}{s.startedAt && s.completedAt && <span className="muted"> · {formatDuration(new Date(s.completedAt).getTime() - new Date(s.startedAt).getTime())}</span>}</li>
            ))}
          </ol>
          <p className="muted">{mode === 'stream' ? 'Following live (event stream)' : mode === 'poll' ? 'Following live (polling every second)' : 'Finished'}</p>
        </Card>
        <Card title="Details">
          <dl className="kv">
            <div><dt>id</dt><dd><code>{task.id ?? id}</code></dd></div>
            <div><dt>agent</dt><dd>{String(task.agentId ?? '—')}</dd></div>
            <div><dt>attempts</dt><dd>{String(task.attempts ?? 0)} of {String(task.maxAttempts ?? '—')}</dd></div>
            <div><dt>created</dt><dd>{formatTime(task.createdAt as string)}</dd></div>
            <div><dt>completed</dt><dd>{formatTime(task.completedAt as string)}</dd></div>
            {task.cached ? <div><dt>cached</dt><dd>yes</dd></div> : null}
          </dl>
          {err?.message && <p role="alert" className="error-box">{err.code ? `${err.code}: ` : ''}{err.message}</p>}
          <details>
            <summary>Payload</summary>
            <Json value={task.payload} />
          </details>
        </Card>
        {finished && (
          <Card title="Artifacts" className="wide">
            <ErrorBox error={artifacts.error} />
            {artifacts.data && <ArtifactsView artifacts={artifacts.data} type={task.type} />}
          </Card>
        )}
        {finished && task.result !== undefined && <Card title="Result" className="wide"><Json value={task.result} /></Card>}
      </div>
    </>
  );
}
