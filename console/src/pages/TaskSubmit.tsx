import { useMemo, useState, type FormEvent } from 'react';
import { useApi } from '../api/hooks';
import { inProject, useAuth } from '../api/session';
import { ApiError } from '../api/client';
import { navigate } from '../router';
import { SchemaFields, initialValue, prune, type Schema } from '../components/SchemaForm';
import { ErrorBox, Loading, PageTitle } from '../components/ui';
import { PRIORITIES } from './types';

interface TaskType { name: string; description: string; available: boolean; timeoutSeconds: number; payloadSchema: Schema }

/** Submits a task with a form generated from the type's payload schema (GET /api/v1/task-types). */
export default function TaskSubmit() {
  const { api, projectId, canWrite } = useAuth();
  const types = useApi<TaskType[]>('/api/v1/task-types');
  const available = useMemo(() => (types.data ?? []).filter((t) => t.available), [types.data]);
  const [typeName, setTypeName] = useState<string>(() => new URLSearchParams(location.search).get('type') ?? 'echo');
  const type = available.find((t) => t.name === typeName) ?? available[0];
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [priority, setPriority] = useState('normal');
  const [agentId, setAgentId] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const payload = type ? (values[type.name] ?? initialValue(type.payloadSchema, type.payloadSchema)) : {};
  const fieldErrors = error instanceof ApiError ? error.fieldMessages : {};

  if (!canWrite('tasks:write')) return <><PageTitle>Submit a task</PageTitle><p>Your role cannot submit tasks in this project.</p></>;
  if (types.isPending) return <Loading />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!type) return;
    setBusy(true);
    setError(undefined);
    try {
      const body: Record<string, unknown> = { type: type.name, priority, payload: prune(payload) ?? {} };
      if (agentId.trim()) body.agentId = agentId.trim();
      const r = await api.request<{ id: string }>('POST', inProject('/api/v1/tasks', projectId), body);
      navigate(`/tasks/${r.data.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>Submit a task</PageTitle>
      <ErrorBox error={types.error} />
      <form onSubmit={submit} noValidate className="card submit-form" aria-label="Submit a task">
        <div className="fields row">
          <div className="field">
            <label htmlFor="task-type">Task type</label>
            <select id="task-type" value={type?.name ?? ''} onChange={(e) => { setTypeName(e.target.value); setError(undefined); }}>
              {available.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="task-priority">Priority</label>
            <select id="task-priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
              {PRIORITIES.map((p) => <option key={p}>{p}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="task-agent">Agent id <span className="muted">(optional: routed otherwise)</span></label>
            <input id="task-agent" value={agentId} onChange={(e) => setAgentId(e.target.value)} aria-invalid={fieldErrors.agentId ? true : undefined} />
            {fieldErrors.agentId && <p className="field-error">{fieldErrors.agentId}</p>}
          </div>
        </div>
        {type && <p className="muted">{type.description} (times out after {type.timeoutSeconds} s)</p>}
        {type && (
          <SchemaFields key={type.name} schema={type.payloadSchema} value={payload} errors={fieldErrors}
            onChange={(v) => setValues({ ...values, [type.name]: v })} />
        )}
        <ErrorBox error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !type}>{busy ? 'Submitting…' : 'Submit'}</button>
        </div>
      </form>
    </>
  );
}
