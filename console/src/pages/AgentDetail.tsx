import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/hooks';
import { useAuth } from '../api/session';
import { diffLines } from '../components/diff';
import { Badge, Card, Confirm, ErrorBox, Loading, PageTitle, formatDuration, formatTime, formatUsd } from '../components/ui';
import type { Agent, AgentHealth } from './types';

interface Version { versionNumber: number; spec: Record<string, unknown> & { version: string }; change: string; createdAt: string; createdBy: string }
interface Metrics { tasksTotal: number; tasksByStatus: Record<string, number>; tasksInFlight: number; errorRate: number; p50DurationMs: number; p95DurationMs: number; tokensToday: number; costUsdToday: number; quota: Record<string, number> }

function VersionDiff({ versions }: { versions: Version[] }) {
  const sorted = [...versions].sort((a, b) => a.versionNumber - b.versionNumber);
  const [from, setFrom] = useState(sorted.length > 1 ? sorted[sorted.length - 2].versionNumber : sorted[0]?.versionNumber);
  const [to, setTo] = useState(sorted[sorted.length - 1]?.versionNumber);
  const a = sorted.find((v) => v.versionNumber === from);
  const b = sorted.find((v) => v.versionNumber === to);
  const lines = a && b ? diffLines(JSON.stringify(a.spec, null, 2), JSON.stringify(b.spec, null, 2)) : [];
  const picker = (id: string, label: string, value: number | undefined, set: (n: number) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(Number(e.target.value))}>
        {sorted.map((v) => <option key={v.versionNumber} value={v.versionNumber}>#{v.versionNumber} · {v.spec.version} ({v.change})</option>)}
      </select>
    </div>
  );
  return (
    <>
      <div className="fields row">
        {picker('diff-from', 'Compare', from, setFrom)}
        {picker('diff-to', 'with', to, setTo)}
      </div>
      <pre className="diff" tabIndex={0} aria-label="Differences between the two versions">
        {lines.map((l, i) => <div key={i} className={`diff-${l.op === '+' ? 'add' : l.op === '-' ? 'del' : 'same'}`}>{l.op} {l.line}</div>)}
      </pre>
    </>
  );
}

export default function AgentDetail({ id }: { id: string }) {
  const { api, canWrite } = useAuth();
  const queryClient = useQueryClient();
  const base = `/api/v1/agents/${encodeURIComponent(id)}`;
  const agent = useApi<Agent>(base, { refetchInterval: 5000 });
  const health = useApi<AgentHealth>(`${base}/health`, { refetchInterval: 5000 });
  const metrics = useApi<Metrics>(`${base}/metrics`, { refetchInterval: 5000 });
  const versions = useApi<Version[]>(`${base}/versions`);
  const [error, setError] = useState<unknown>();
  const [confirm, setConfirm] = useState<null | { title: string; body: string; label: string; run: () => Promise<unknown> }>(null);
  const act = async (run: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await run();
      await queryClient.invalidateQueries();
    } catch (e) {
      setError(e);
    }
  };
  if (agent.isPending) return <Loading />;
  if (agent.error) return <><PageTitle>Agent</PageTitle><ErrorBox error={agent.error} /></>;
  const a = agent.data!;
  const writable = canWrite('agents:write');
  const post = (path: string, body?: unknown) => () => api.request('POST', `${base}${path}`, body);
  return (
    <>
      <PageTitle actions={writable && (
        <>
          {a.status !== 'running' && <button type="button" className="primary" onClick={() => act(post('/start'))}>Start</button>}
          {a.status === 'running' && <button type="button" onClick={() => act(post('/stop'))}>Stop</button>}
          {a.versionNumber > 1 && (
            <button type="button" onClick={() => setConfirm({ title: 'Roll back?', body: `Roll ${a.name} back to its previous version? This records a new version.`, label: 'Roll back', run: post('/rollback') })}>
              Roll back
            </button>
          )}
        </>
      )}>
        {a.name} <Badge value={a.status} />
      </PageTitle>
      <ErrorBox error={error} />
      <div className="grid">
        <Card title="Health">
          <ErrorBox error={health.error} />
          {health.data && (
            <>
              <p className="figure"><Badge value={health.data.status} /> {health.data.reason}</p>
              <dl className="kv">
                {Object.entries(health.data.inputs ?? {}).filter(([, v]) => typeof v !== 'object').map(([k, v]) => (
                  <div key={k}><dt>{k}</dt><dd>{String(v)}</dd></div>
                ))}
              </dl>
            </>
          )}
        </Card>
        <Card title="Today">
          <ErrorBox error={metrics.error} />
          {metrics.data && (
            <dl className="kv">
              <div><dt>tasks</dt><dd>{metrics.data.tasksTotal}</dd></div>
              <div><dt>in flight</dt><dd>{metrics.data.tasksInFlight}</dd></div>
              <div><dt>error rate</dt><dd>{metrics.data.errorRate} %</dd></div>
              <div><dt>p50 / p95</dt><dd>{formatDuration(metrics.data.p50DurationMs)} / {formatDuration(metrics.data.p95DurationMs)}</dd></div>
              <div><dt>cost</dt><dd>{formatUsd(metrics.data.costUsdToday)}</dd></div>
              {Object.entries(metrics.data.tasksByStatus).filter(([, n]) => n > 0).map(([s, n]) => <div key={s}><dt>{s}</dt><dd>{n}</dd></div>)}
            </dl>
          )}
        </Card>
        <Card title="Quota use">
          {metrics.data && (
            <>
              <label htmlFor="quota-tokens">Tokens today: {metrics.data.quota.tokensToday} of {metrics.data.quota.tokenLimitPerDay}</label>
              <progress id="quota-tokens" max={metrics.data.quota.tokenLimitPerDay || 1} value={metrics.data.quota.tokensToday} />
              <label htmlFor="quota-slots">Running tasks: {metrics.data.quota.tasksRunning} of {metrics.data.quota.maxConcurrentTasks}</label>
              <progress id="quota-slots" max={metrics.data.quota.maxConcurrentTasks || 1} value={metrics.data.quota.tasksRunning} />
            </>
          )}
        </Card>
        <Card title="Configuration">
          <dl className="kv">
            <div><dt>id</dt><dd><code>{a.id}</code></dd></div>
            <div><dt>version</dt><dd>{a.version} (#{a.versionNumber})</dd></div>
            <div><dt>runtime</dt><dd>{a.config.runtime}</dd></div>
            <div><dt>capabilities</dt><dd>{(a.config.capabilities ?? []).join(', ') || '—'}</dd></div>
            <div><dt>updated</dt><dd>{formatTime(a.updatedAt)}</dd></div>
          </dl>
        </Card>
        <Card title="Versions" className="wide">
          <ErrorBox error={versions.error} />
          {versions.data && (
            <>
              <table>
                <thead><tr><th scope="col">#</th><th scope="col">Version</th><th scope="col">Change</th><th scope="col">When</th><th scope="col">By</th>{writable && <th scope="col"><span className="sr-only">Actions</span></th>}</tr></thead>
                <tbody>
                  {[...versions.data].sort((x, y) => y.versionNumber - x.versionNumber).map((v) => (
                    <tr key={v.versionNumber}>
                      <td>{v.versionNumber}</td><td>{v.spec.version}</td><td>{v.change}</td><td>{formatTime(v.createdAt)}</td><td>{v.createdBy}</td>
                      {writable && (
                        <td>{v.versionNumber !== a.versionNumber && (
                          <button type="button" onClick={() => setConfirm({ title: 'Roll back?', body: `Roll ${a.name} back to version #${v.versionNumber} (${v.spec.version})?`, label: 'Roll back', run: post('/rollback', { versionNumber: v.versionNumber }) })}>
                            Roll back to #{v.versionNumber}
                          </button>
                        )}</td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              {versions.data.length > 1 && <VersionDiff versions={versions.data} />}
            </>
          )}
        </Card>
      </div>
      <Confirm open={!!confirm} title={confirm?.title ?? ''} confirmLabel={confirm?.label ?? 'OK'}
        onCancel={() => setConfirm(null)} onConfirm={() => { const c = confirm; setConfirm(null); if (c) void act(c.run); }}>
        <p>{confirm?.body}</p>
      </Confirm>
    </>
  );
}
