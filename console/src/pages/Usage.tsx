import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/hooks';
import { inProject, useAuth } from '../api/session';
import { TimeChart } from '../components/Chart';
import { OperationForm } from '../components/OperationForm';
import { Badge, Bars, Card, ErrorBox, Loading, PageTitle, formatTime, formatUsd } from '../components/ui';
import { monthStart, type Alert, type Budget, type Usage as UsageReport } from './types';

const DIMENSIONS = ['model', 'agentId', 'taskType'];

export default function Usage() {
  const { api, projectId, canWrite } = useAuth();
  const queryClient = useQueryClient();
  const [dimension, setDimension] = useState('model');
  const from = monthStart();
  const byDay = useApi<UsageReport>(`/api/v1/tokens/usage?from=${from}&groupBy=day`);
  const byDim = useApi<UsageReport>(`/api/v1/tokens/usage?from=${from}&groupBy=${dimension}`);
  const budgets = useApi<Budget[]>('/api/v1/tokens/budget');
  const alerts = useApi<Alert[]>('/api/v1/tokens/alerts?limit=50');
  const [secret, setSecret] = useState<string>();
  const series = useMemo(() => {
    const groups = [...(byDay.data?.groups ?? [])].sort((a, b) => (a.key.day ?? '').localeCompare(b.key.day ?? ''));
    return { x: groups.map((g) => Date.parse(`${g.key.day}T00:00:00Z`) / 1000), s: [{ name: 'USD', values: groups.map((g) => g.costUsd), color: '#2fa86b' }] };
  }, [byDay.data]);
  return (
    <>
      <PageTitle>Usage and budgets</PageTitle>
      <div className="grid">
        <Card title="Spend by day" className="wide">
          {byDay.isPending ? <Loading /> : <ErrorBox error={byDay.error} />}
          {byDay.data && (
            <>
              <p className="figure"><strong>{formatUsd(byDay.data.total.costUsd)}</strong> since {from} · {byDay.data.total.calls} calls</p>
              {series.x.length > 0 ? <TimeChart x={series.x} series={series.s} label="Spend in USD per day this month" bars /> : <p className="muted">No model calls this month.</p>}
            </>
          )}
        </Card>
        <Card title="Spend by dimension" actions={
          <label className="inline">By <select value={dimension} onChange={(e) => setDimension(e.target.value)} aria-label="Group spend by">{DIMENSIONS.map((d) => <option key={d}>{d}</option>)}</select></label>
        }>
          <ErrorBox error={byDim.error} />
          {byDim.data && (byDim.data.groups.length
            ? <Bars label={`Spend by ${dimension}`} items={byDim.data.groups.map((g) => ({ name: Object.values(g.key).join(' ') || '—', value: Number(g.costUsd.toFixed(4)) }))} />
            : <p className="muted">Nothing yet.</p>)}
        </Card>
        <Card title="Budgets">
          <ErrorBox error={budgets.error} />
          {budgets.data?.length === 0 && <p className="muted">No budgets.</p>}
          <ul className="plain">
            {(budgets.data ?? []).map((b) => (
              <li key={b.agentId ?? 'project'}>
                {b.agentId ? `agent ${b.agentId}` : 'project'}: {formatUsd(b.monthlyLimitUsd)} a month · alerts at {b.alertThresholds.map((t) => `${Math.round(t * 100)} %`).join(', ')}
                {' '}{b.notification ? <>to {b.notification.type} <code>{b.notification.url ?? b.notification.email}</code></> : '(no alert channel)'} · {b.hardStop ? 'hard stop' : 'soft'}
              </li>
            ))}
          </ul>
        </Card>
        {canWrite('tokens:write') && (
          <OperationForm component="BudgetRequest" title="Set a budget" submitLabel="Save budget"
            onSubmit={async (body) => {
              const r = await api.request<Budget>('POST', inProject('/api/v1/tokens/budget', projectId), body);
              setSecret(r.data.signingSecret);
              await queryClient.invalidateQueries();
            }}>
            {secret && (
              <div role="status" className="notice">
                The alert channel's signing secret, shown only now (it signs X-Luna-Signature): <code data-testid="budget-secret">{secret}</code>
                {' '}<button type="button" onClick={() => setSecret(undefined)}>I have stored it</button>
              </div>
            )}
          </OperationForm>
        )}
        <Card title="Alert history" className="wide">
          <ErrorBox error={alerts.error} />
          {alerts.data?.length === 0 && <p className="muted">No alerts.</p>}
          {(alerts.data?.length ?? 0) > 0 && (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Alert history table">
              <table>
                <thead><tr><th scope="col">When</th><th scope="col">Budget</th><th scope="col">Threshold</th><th scope="col">Spent of limit</th><th scope="col">Channel</th><th scope="col">Delivery</th></tr></thead>
                <tbody>
                  {alerts.data!.map((a, i) => (
                    <tr key={a.id ?? i}>
                      <td>{formatTime((a.at ?? a.createdAt) as string)}</td>
                      <td>{a.agentId ? `agent ${a.agentId}` : 'project'}</td>
                      <td>{a.threshold != null ? `${Math.round(a.threshold * 100)} %` : '—'}</td>
                      <td>{formatUsd(a.spentUsd)} of {formatUsd(a.limitUsd)}</td>
                      <td>{a.channel ?? '—'}{a.target ? <> <code>{a.target}</code></> : null}</td>
                      <td><Badge value={a.deliveryStatus} />{a.attempts ? ` · ${a.attempts} attempt${a.attempts > 1 ? 's' : ''}` : ''}{a.lastError ? ` · ${a.lastError}` : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
