import { useState } from 'react';
import { useApi, useApiPage } from '../api/hooks';
import { useAuth } from '../api/session';
import { Link, navigate } from '../router';
import { Badge, ErrorBox, Loading, PageTitle, formatTime } from '../components/ui';
import { PRIORITIES, type TaskSummary } from './types';

const STATUSES = ['pending', 'queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out', 'dead_lettered'];

export default function Tasks() {
  const { canWrite } = useAuth();
  const types = useApi<{ name: string }[]>('/api/v1/task-types');
  const [filters, setFilters] = useState({ status: '', type: '', priority: '', agentId: '' });
  const [cursor, setCursor] = useState<string[]>([]);
  const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
  const page = cursor[cursor.length - 1];
  const tasks = useApiPage<TaskSummary[]>(`/api/v1/tasks?limit=25${q ? `&${q}` : ''}${page ? `&cursor=${encodeURIComponent(page)}` : ''}`, { refetchInterval: 3000 });
  const set = (k: keyof typeof filters) => (e: { target: { value: string } }) => { setCursor([]); setFilters({ ...filters, [k]: e.target.value }); };
  return (
    <>
      <PageTitle actions={canWrite('tasks:write') && <button type="button" className="primary" onClick={() => navigate('/tasks/new')}>Submit task</button>}>Tasks</PageTitle>
      <form className="filters" aria-label="Filter tasks" onSubmit={(e) => e.preventDefault()}>
        <div className="field"><label htmlFor="tf-status">Status</label>
          <select id="tf-status" value={filters.status} onChange={set('status')}><option value="">any</option>{STATUSES.map((s) => <option key={s}>{s}</option>)}</select></div>
        <div className="field"><label htmlFor="tf-type">Type</label>
          <select id="tf-type" value={filters.type} onChange={set('type')}><option value="">any</option>{(types.data ?? []).map((t) => <option key={t.name}>{t.name}</option>)}</select></div>
        <div className="field"><label htmlFor="tf-priority">Priority</label>
          <select id="tf-priority" value={filters.priority} onChange={set('priority')}><option value="">any</option>{PRIORITIES.map((p) => <option key={p}>{p}</option>)}</select></div>
        <div className="field"><label htmlFor="tf-agent">Agent id</label><input id="tf-agent" value={filters.agentId} onChange={set('agentId')} /></div>
      </form>
      {tasks.isPending ? <Loading /> : <ErrorBox error={tasks.error} />}
      {tasks.data && (() => { const list = tasks.data.data; return (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
          <table>
            <caption className="sr-only">Tasks</caption>
            <thead><tr><th scope="col">Task</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Progress</th><th scope="col">Priority</th><th scope="col">Created</th></tr></thead>
            <tbody>
              {list.map((t) => (
                <tr key={t.id}>
                  <td><Link to={`/tasks/${t.id}`}><code>{t.id}</code></Link></td>
                  <td>{t.type}</td>
                  <td><Badge value={t.status} /></td>
                  <td>{t.progress?.percentage ?? 0} %</td>
                  <td>{PRIORITIES[t.priority - 1] ?? t.priority}</td>
                  <td>{formatTime(t.createdAt)}</td>
                </tr>
              ))}
              {list.length === 0 && <tr><td colSpan={6} className="muted">No tasks match.</td></tr>}
            </tbody>
          </table>
        </div>
      ); })()}
      <div className="actions">
        <button type="button" disabled={cursor.length === 0} onClick={() => setCursor(cursor.slice(0, -1))}>Previous page</button>
        <button type="button" disabled={!tasks.data?.next} onClick={() => tasks.data?.next && setCursor([...cursor, tasks.data.next])}>Next page</button>
      </div>
    </>
  );
}

