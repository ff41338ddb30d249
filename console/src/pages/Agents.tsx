import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/hooks';
import { inProject, useAuth } from '../api/session';
import { ApiError } from '../api/client';
import { Link, navigate } from '../router';
import { Badge, ErrorBox, Loading, PageTitle, formatTime } from '../components/ui';
import type { Agent } from './types';

function RegisterAgent({ onDone }: { onDone: () => void }) {
  const { api, projectId } = useAuth();
  const [form, setForm] = useState({ name: '', version: '1.0.0', runtime: 'java', capabilities: 'echo', maxConcurrentTasks: '5' });
  const [error, setError] = useState<ApiError | unknown>();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const fieldError = (f: string) => (error instanceof ApiError ? error.fieldMessages[f] : undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const r = await api.request<Agent>('POST', inProject('/api/v1/agents', projectId), {
        name: form.name, type: 'task-executor', version: form.version,
        config: { runtime: form.runtime, capabilities: form.capabilities.split(/[\s,]+/).filter(Boolean) },
        resourceQuota: { maxConcurrentTasks: Number(form.maxConcurrentTasks) },
      });
      onDone();
      navigate(`/agents/${r.data.id}`);
    } catch (err) {
      setError(err);
    }
  };
  const input = (k: keyof typeof form, label: string, field: string, extra: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={`agent-${k}`}>{label}</label>
      <input id={`agent-${k}`} value={form[k]} onChange={set(k)} aria-invalid={fieldError(field) ? true : undefined}
        aria-describedby={fieldError(field) ? `agent-${k}-error` : undefined} {...extra} />
      {fieldError(field) && <p className="field-error" id={`agent-${k}-error`}>{fieldError(field)}</p>}
    </div>
  );
  return (
    <form className="card" onSubmit={submit} aria-labelledby="register-title">
      <h2 id="register-title">Register an agent</h2>
      <div className="fields row">
        {input('name', 'Name', 'name', { required: true })}
        {input('version', 'Version', 'version', { required: true })}
        <div className="field">
          <label htmlFor="agent-runtime">Runtime</label>
          <select id="agent-runtime" value={form.runtime} onChange={set('runtime')}>
            {['java', 'python', 'node', 'go'].map((r) => <option key={r}>{r}</option>)}
          </select>
        </div>
        {input('capabilities', 'Capabilities (task types)', 'config.capabilities')}
        {input('maxConcurrentTasks', 'Max concurrent tasks', 'resourceQuota.maxConcurrentTasks', { type: 'number', min: 1 })}
      </div>
      {error && !(error instanceof ApiError && Object.keys(error.fieldMessages).some((f) => ['name', 'version', 'config.capabilities', 'resourceQuota.maxConcurrentTasks'].includes(f))) ? <ErrorBox error={error} /> : null}
      <div className="actions"><button className="primary" type="submit">Register</button></div>
    </form>
  );
}

export default function Agents() {
  const { canWrite } = useAuth();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState({ status: '', health: '', capability: '', namePrefix: '' });
  const [registering, setRegistering] = useState(false);
  const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
  const agents = useApi<Agent[]>(`/api/v1/agents?limit=100${q ? `&${q}` : ''}`, { refetchInterval: 5000 });
  const filter = (k: keyof typeof filters, label: string, options?: string[]) => (
    <div className="field">
      <label htmlFor={`filter-${k}`}>{label}</label>
      {options ? (
        <select id={`filter-${k}`} value={filters[k]} onChange={(e) => setFilters({ ...filters, [k]: e.target.value })}>
          <option value="">any</option>
          {options.map((o) => <option key={o}>{o}</option>)}
        </select>
      ) : (
        <input id={`filter-${k}`} value={filters[k]} onChange={(e) => setFilters({ ...filters, [k]: e.target.value })} />
      )}
    </div>
  );
  return (
    <>
      <PageTitle actions={canWrite('agents:write') && (
        <button type="button" className="primary" onClick={() => setRegistering((r) => !r)} aria-expanded={registering}>Register agent</button>
      )}>Agents</PageTitle>
      {registering && <RegisterAgent onDone={() => void queryClient.invalidateQueries()} />}
      <form className="filters" aria-label="Filter agents" onSubmit={(e) => e.preventDefault()}>
        {filter('status', 'Status', ['registered', 'running', 'stopped'])}
        {filter('health', 'Health', ['healthy', 'degraded', 'unhealthy'])}
        {filter('capability', 'Capability')}
        {filter('namePrefix', 'Name starts with')}
      </form>
      {agents.isPending ? <Loading /> : <ErrorBox error={agents.error} />}
      {agents.data && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
          <table>
            <caption className="sr-only">Agents</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Version</th><th scope="col">Status</th><th scope="col">Health</th><th scope="col">Capabilities</th><th scope="col">Updated</th></tr></thead>
            <tbody>
              {agents.data.map((a) => (
                <tr key={a.id}>
                  <td><Link to={`/agents/${a.id}`}>{a.name}</Link></td>
                  <td>{a.version}</td>
                  <td><Badge value={a.status} /></td>
                  <td><Badge value={a.health?.status} /></td>
                  <td>{(a.config.capabilities ?? []).join(', ')}</td>
                  <td>{formatTime(a.updatedAt)}</td>
                </tr>
              ))}
              {agents.data.length === 0 && <tr><td colSpan={6} className="muted">No agents yet.</td></tr>}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
