import { useMemo } from 'react';
import { useApi } from '../api/hooks';
import { useAuth } from '../api/session';
import { Link } from '../router';
import { TimeChart } from '../components/Chart';
import { Badge, Bars, Card, ErrorBox, Loading, PageTitle, formatTime, formatUsd } from '../components/ui';
import { monthStart, type Alert, type AgentHealth, type Budget, type QueueInfo, type TaskSummary, type Usage } from './types';

const REFRESH = 5000;
const WINDOW_MINUTES = 30;

/** Tasks created per minute over the last WINDOW_MINUTES minutes, from the task list. */
function perMinute(tasks: TaskSummary[], now: number): { x: number[]; y: number[] } {
  const end = Math.floor(now / 60000);
  const x: number[] = [];
  const y: number[] = [];
  for (let m = end - WINDOW_MINUTES + 1; m <= end; m++) {
    x.push(m * 60);
    y.push(0);
  }
  for (const t of tasks) {
    const i = Math.floor(new Date(t.createdAt).getTime() / 60000) - (end - WINDOW_MINUTES + 1);
    if (i >= 0 && i < y.length) y[i]++;
  }
  return { x, y };
}

export default function Overview() {
  const { hasScope } = useAuth();
  const since = useMemo(() => new Date(Date.now() - WINDOW_MINUTES * 60000).toISOString(), []);
  const health = useApi<{ agents: AgentHealth[]; summary: Record<string, number> }>('/api/v1/agents/health',
    { refetchInterval: REFRESH, enabled: hasScope('agents:read') });
  const queues = useApi<QueueInfo[]>('/api/v1/queues', { refetchInterval: REFRESH, enabled: hasScope('tasks:read') });
  const tasks = useApi<TaskSummary[]>(`/api/v1/tasks?createdAfter=${encodeURIComponent(since)}&limit=100`,
    { refetchInterval: REFRESH, enabled: hasScope('tasks:read') });
  const usage = useApi<Usage>(`/api/v1/tokens/usage?from=${monthStart()}`, { refetchInterval: 30000, enabled: hasScope('tokens:read') });
  const budgets = useApi<Budget[]>('/api/v1/tokens/budget', { refetchInterval: 30000, enabled: hasScope('tokens:read') });
  const alerts = useApi<Alert[]>('/api/v1/tokens/alerts?limit=5', { refetchInterval: 30000, enabled: hasScope('tokens:read') });

  const rate = useMemo(() => perMinute(tasks.data ?? [], tasks.dataUpdatedAt || Date.now()), [tasks.data, tasks.dataUpdatedAt]);
  const chartSeries = useMemo(() => [{ name: 'tasks/min', values: rate.y, color: '#4f7cff' }], [rate]);
  const lastMinute = rate.y[rate.y.length - 1] ?? 0;
  const projectBudget = budgets.data?.find((b) => !b.agentId);
  const spent = usage.data?.total.costUsd ?? 0;

  return (
    <>
      <PageTitle>Overview</PageTitle>
      <div className="grid">
        <Card title="Agents by health" actions={<Link to="/agents">All agents</Link>}>
          {health.isPending && hasScope('agents:read') ? <Loading /> : <ErrorBox error={health.error} />}
          {health.data && (
            <>
              <Bars label="Agents by health" items={[
                { name: 'healthy', value: health.data.summary.healthy ?? 0, tone: 'ok' },
                { name: 'degraded', value: health.data.summary.degraded ?? 0, tone: 'warn' },
                { name: 'unhealthy', value: health.data.summary.unhealthy ?? 0, tone: 'bad' },
              ]} />
              <ul className="plain">
                {health.data.agents.filter((a) => a.status !== 'healthy').slice(0, 5).map((a) => (
                  <li key={a.agentId}><Link to={`/agents/${a.agentId}`}>{a.name}</Link> <Badge value={a.status} /> <span className="muted">{a.reason}</span></li>
                ))}
              </ul>
              <p className="muted">{health.data.summary.total ?? 0} agents</p>
            </>
          )}
        </Card>
        <Card title="Queues" actions={<Link to="/queues">Queues and dead letters</Link>}>
          {queues.isPending && hasScope('tasks:read') ? <Loading /> : <ErrorBox error={queues.error} />}
          {queues.data && (
            <Bars label="Waiting tasks per priority queue" items={queues.data.map((q) => ({
              name: q.id, value: q.depth + q.delayed, tone: q.depth > 0 ? 'warn' : 'info',
              note: q.oldestAgeSeconds != null ? `oldest waiting ${q.oldestAgeSeconds} s` : `${q.inFlight} in flight`,
            }))} />
          )}
        </Card>
        <Card title="Tasks per minute" className="wide" actions={<Link to="/tasks">All tasks</Link>}>
          <ErrorBox error={tasks.error} />
          <p className="figure"><strong>{lastMinute}</strong> this minute · <strong>{(tasks.data ?? []).length}</strong> in the last {WINDOW_MINUTES} min</p>
          <TimeChart x={rate.x} series={chartSeries} label={`Tasks created per minute over the last ${WINDOW_MINUTES} minutes`} bars />
        </Card>
        <Card title="Spend this month" actions={<Link to="/usage">Usage and budgets</Link>}>
          {usage.isPending && hasScope('tokens:read') ? <Loading /> : <ErrorBox error={usage.error ?? budgets.error} />}
          {usage.data && (
            <>
              <p className="figure"><strong>{formatUsd(spent)}</strong>{projectBudget ? <> of {formatUsd(projectBudget.monthlyLimitUsd)} budget</> : ' (no project budget)'}</p>
              {projectBudget && <progress max={projectBudget.monthlyLimitUsd} value={Math.min(spent, projectBudget.monthlyLimitUsd)} aria-label="Spend against the monthly budget" />}
              <p className="muted">{usage.data.total.calls} model calls · {usage.data.total.inputTokens + usage.data.total.outputTokens} tokens</p>
            </>
          )}
        </Card>
        <Card title="Recent alerts">
          <ErrorBox error={alerts.error} />
          {alerts.data && alerts.data.length === 0 && <p className="muted">No alerts.</p>}
          <ul className="plain">
            {(alerts.data ?? []).slice(0, 5).map((a, i) => (
              <li key={a.id ?? i}>{formatTime((a.at ?? a.createdAt) as string)} — {a.message ?? `${String(a.kind ?? 'budget')} alert at ${String(a.threshold ?? '')}`}</li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
