import { useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/hooks';
import { inProject, useAuth } from '../api/session';
import { Link } from '../router';
import { TimeChart } from '../components/Chart';
import { Bars, Card, Confirm, ErrorBox, Loading, PageTitle, formatDuration, formatTime } from '../components/ui';
import { PRIORITIES, type QueueInfo } from './types';

interface Stats { id: string; throughputPerMinute: number; waitMs: Record<string, number>; runMs: Record<string, number>; failures: number; deadLettered: number; deadLetterQueueDepth: number }
interface DeadLetter { taskId?: string; id?: string; type?: string; reason?: string; failedAt?: string; deadLetteredAt?: string; analysis?: { category?: string; summary?: string }; [k: string]: unknown }

function QueueStats({ id }: { id: string }) {
  const stats = useApi<Stats>(`/api/v1/queues/${id}/stats?windowMinutes=60`, { refetchInterval: 10000 });
  if (!stats.data) return <ErrorBox error={stats.error} />;
  const s = stats.data;
  return <span>{s.throughputPerMinute.toFixed(2)}/min · wait p95 {formatDuration(s.waitMs.p95)} · run p95 {formatDuration(s.runMs.p95)} · {s.failures} failures</span>;
}

const COLORS = ['#d64545', '#d9a21b', '#4f7cff', '#2fa86b', '#8a63d2'];
const HISTORY = 120;

/** The waiting depth of every priority queue over the last HISTORY refreshes (sampled here, every 5 s). */
function useDepthHistory(queues: QueueInfo[] | undefined, at: number) {
  const [history, setHistory] = useState<{ t: number; depths: Record<string, number> }[]>([]);
  useEffect(() => {
    if (!queues) return;
    const depths = Object.fromEntries(queues.map((q) => [q.id, q.depth + q.delayed]));
    setHistory((h) => [...h.slice(-(HISTORY - 1)), { t: Math.floor(at / 1000), depths }]);
  }, [queues, at]);
  return useMemo(() => ({
    x: history.map((h) => h.t),
    series: PRIORITIES.map((p, i) => ({ name: p, values: history.map((h) => h.depths[p] ?? 0), color: COLORS[i] })),
  }), [history]);
}

export default function Queues() {
  const { api, projectId, canWrite } = useAuth();
  const queryClient = useQueryClient();
  const queues = useApi<QueueInfo[]>('/api/v1/queues', { refetchInterval: 5000 });
  const history = useDepthHistory(queues.data, queues.dataUpdatedAt);
  const dead = useApi<DeadLetter[]>('/api/v1/dead-letters?limit=50', { refetchInterval: 10000 });
  const [confirm, setConfirm] = useState<null | { ids?: string[] }>(null);
  const [move, setMove] = useState({ from: 'background', to: 'normal' });
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const writable = canWrite('tasks:write');
  const run = async (f: () => Promise<unknown>, done: string) => {
    setError(undefined);
    try {
      await f();
      setMessage(done);
      await queryClient.invalidateQueries();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <PageTitle>Queues and dead letters</PageTitle>
      <ErrorBox error={error} />
      {message && <p role="status" className="notice">{message}</p>}
      <div className="grid">
        <Card title="Waiting per priority">
          {queues.isPending ? <Loading /> : <ErrorBox error={queues.error} />}
          {queues.data && <Bars label="Waiting tasks per priority" items={queues.data.map((q) => ({ name: q.id, value: q.depth + q.delayed, tone: q.depth ? 'warn' : 'info', note: `${q.inFlight} in flight` }))} />}
        </Card>
        <Card title="Reprioritise">
          {writable ? (
            <form className="fields row" onSubmit={(e) => { e.preventDefault(); void run(() => api.request('POST', inProject(`/api/v1/queues/${move.from}/prioritize`, projectId), { priority: move.to, limit: 100 }), `Moved waiting tasks from ${move.from} to ${move.to}.`); }}>
              <div className="field"><label htmlFor="move-from">Move waiting tasks from</label>
                <select id="move-from" value={move.from} onChange={(e) => setMove({ ...move, from: e.target.value })}>{PRIORITIES.map((p) => <option key={p}>{p}</option>)}</select></div>
              <div className="field"><label htmlFor="move-to">to</label>
                <select id="move-to" value={move.to} onChange={(e) => setMove({ ...move, to: e.target.value })}>{PRIORITIES.map((p) => <option key={p}>{p}</option>)}</select></div>
              <div className="actions"><button type="submit">Move</button></div>
            </form>
          ) : <p className="muted">Your role cannot move tasks.</p>}
        </Card>
        <Card title="Depth over time" className="wide">
          {history.x.length > 1
            ? <TimeChart x={history.x} series={history.series} label="Waiting tasks per priority queue, sampled every 5 seconds while this page is open" />
            : <p className="muted" style={{ minHeight: 190 }}>Sampling every 5 seconds while this page is open…</p>}
        </Card>
      </div>
      {queues.data && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
          <table>
            <caption>Priority queues</caption>
            <thead><tr><th scope="col">Queue</th><th scope="col">Waiting</th><th scope="col">In flight</th><th scope="col">Delayed</th><th scope="col">Oldest waiting</th><th scope="col">Last hour</th></tr></thead>
            <tbody>
              {queues.data.map((q) => (
                <tr key={q.id}>
                  <td>{q.id}</td><td>{q.depth}</td><td>{q.inFlight}</td><td>{q.delayed}</td>
                  <td>{q.oldestAgeSeconds != null ? <>{q.oldestAgeSeconds} s {q.oldestTaskId && <Link to={`/tasks/${q.oldestTaskId}`}>(task)</Link>}</> : '—'}</td>
                  <td><QueueStats id={q.id} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Card title="Dead letters" actions={writable && (dead.data?.length ?? 0) > 0 && <button type="button" onClick={() => setConfirm({})}>Redrive all</button>}>
        {dead.isPending ? <Loading /> : <ErrorBox error={dead.error} />}
        {dead.data && dead.data.length === 0 && <p className="muted">No dead letters.</p>}
        {dead.data && dead.data.length > 0 && (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
            <table>
              <thead><tr><th scope="col">Task</th><th scope="col">Type</th><th scope="col">Why</th><th scope="col">When</th>{writable && <th scope="col"><span className="sr-only">Actions</span></th>}</tr></thead>
              <tbody>
                {dead.data.map((d) => {
                  const id = (d.taskId ?? d.id) as string;
                  return (
                    <tr key={id}>
                      <td><Link to={`/tasks/${id}`}><code>{id}</code></Link></td><td>{d.type}</td>
                      <td>{d.analysis?.summary ?? d.reason ?? (d.error as { message?: string } | undefined)?.message ?? '—'}</td>
                      <td>{formatTime((d.deadLetteredAt ?? d.failedAt ?? d.completedAt) as string)}</td>
                      {writable && <td><button type="button" onClick={() => setConfirm({ ids: [id] })}>Redrive</button></td>}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Confirm open={!!confirm} title="Redrive dead letters?" confirmLabel="Redrive"
        onCancel={() => setConfirm(null)}
        onConfirm={() => { const ids = confirm?.ids; setConfirm(null); void run(() => api.request('POST', inProject('/api/v1/dead-letters/redrive', projectId), ids ? { taskIds: ids } : { limit: 100 }), ids ? `Redrove ${ids[0]}.` : 'Redrove the dead letters.'); }}>
        <p>{confirm?.ids ? `Task ${confirm.ids[0]} goes back to its queue and runs again.` : 'Up to 100 of the oldest dead-lettered tasks go back to their queues and run again.'}</p>
      </Confirm>
    </>
  );
}
