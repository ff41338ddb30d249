import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/hooks';
import { useAuth, type Project } from '../api/session';
import { OperationForm } from '../components/OperationForm';
import { Card, Confirm, ErrorBox, Loading, PageTitle, formatTime } from '../components/ui';

interface Member { userId: string; role: string; addedAt: string }
interface Key { id: string; name: string; prefix: string; owner: string; scopes: string[]; status: string; projectId?: string; createdAt: string; expiresAt?: string }
interface Audit { id: string; at: string; actor: string; action: string; path: string; status: number; errorCode?: string }

export default function Admin() {
  const { api, projectId, isAdmin, role, hasScope } = useAuth();
  const queryClient = useQueryClient();
  const manage = isAdmin || role === 'owner' || role === 'admin';
  const projects = useApi<Project[]>('/api/v1/projects?limit=100', { global: true, enabled: hasScope('projects:read') });
  const members = useApi<Member[]>(`/api/v1/projects/${encodeURIComponent(projectId)}/members`, { global: true, enabled: hasScope('projects:read') });
  const keys = useApi<Key[]>('/api/v1/api-keys?limit=100', { global: true });
  const audit = useApi<Audit[]>(`/api/v1/audit?projectId=${encodeURIComponent(projectId)}&limit=25`, { global: true, enabled: isAdmin });
  const [secret, setSecret] = useState<string>();
  const [revoke, setRevoke] = useState<Key | null>(null);
  const [error, setError] = useState<unknown>();
  const refresh = () => queryClient.invalidateQueries();
  return (
    <>
      <PageTitle>Administration</PageTitle>
      <ErrorBox error={error} />
      <div className="grid">
        <Card title="Projects">
          {projects.isPending && hasScope('projects:read') ? <Loading /> : <ErrorBox error={projects.error} />}
          <ul className="plain">{(projects.data ?? []).map((p) => <li key={p.id}><strong>{p.name}</strong> <code>{p.id}</code> · {p.yourRole}</li>)}</ul>
        </Card>
        {hasScope('projects:write') && (
          <OperationForm component="ProjectCreate" title="Create a project" submitLabel="Create project"
            onSubmit={async (body) => { await api.request('POST', '/api/v1/projects', body); await refresh(); }} />
        )}
        <Card title={`Members of ${projectId}`}>
          <ErrorBox error={members.error} />
          <table>
            <thead><tr><th scope="col">User</th><th scope="col">Role</th><th scope="col">Added</th>{manage && <th scope="col"><span className="sr-only">Actions</span></th>}</tr></thead>
            <tbody>
              {(members.data ?? []).map((m) => (
                <tr key={m.userId}><td>{m.userId}</td><td>{m.role}</td><td>{formatTime(m.addedAt)}</td>
                  {manage && <td><button type="button" onClick={() => api.request('DELETE', `/api/v1/projects/${encodeURIComponent(projectId)}/members/${encodeURIComponent(m.userId)}`).then(refresh, setError)}>Remove {m.userId}</button></td>}</tr>
              ))}
            </tbody>
          </table>
        </Card>
        {manage && (
          <OperationForm component="MemberPut" title="Add a member" submitLabel="Add member"
            onSubmit={async (body) => { await api.request('POST', `/api/v1/projects/${encodeURIComponent(projectId)}/members`, body); await refresh(); }} />
        )}
        <Card title="API keys" className="wide">
          <ErrorBox error={keys.error} />
          {secret && (
            <div role="status" className="notice">
              <p><strong>The new key's secret, shown only this once:</strong></p>
              <p><code data-testid="new-key-secret">{secret}</code></p>
              <button type="button" onClick={() => void navigator.clipboard?.writeText(secret)}>Copy</button>{' '}
              <button type="button" onClick={() => setSecret(undefined)}>I have stored it</button>
            </div>
          )}
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
            <table>
              <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Owner</th><th scope="col">Scopes</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
              <tbody>
                {(keys.data ?? []).map((k) => (
                  <tr key={k.id}><td>{k.name}</td><td><code>{k.prefix}…</code></td><td>{k.owner}</td><td>{k.scopes.join(' ')}</td><td>{k.status}</td><td>{formatTime(k.createdAt)}</td>
                    <td>{k.status === 'active' && <button type="button" onClick={() => setRevoke(k)}>Revoke {k.name}</button>}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <OperationForm component="ApiKeyCreate" title="Create an API key" submitLabel="Create key" initial={isAdmin ? {} : { projectId }}
          onSubmit={async (body) => { const r = await api.request<{ secret: string }>('POST', '/api/v1/api-keys', body); setSecret(r.data.secret); await refresh(); }} />
        {isAdmin && (
          <Card title="Audit log" className="wide">
            <ErrorBox error={audit.error} />
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
              <table>
                <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Path</th><th scope="col">Status</th></tr></thead>
                <tbody>{(audit.data ?? []).map((a) => <tr key={a.id}><td>{formatTime(a.at)}</td><td>{a.actor}</td><td>{a.action}</td><td><code>{a.path}</code></td><td>{a.status}{a.errorCode ? ` ${a.errorCode}` : ''}</td></tr>)}</tbody>
              </table>
            </div>
          </Card>
        )}
      </div>
      <Confirm open={!!revoke} title="Revoke this key?" confirmLabel="Revoke" onCancel={() => setRevoke(null)}
        onConfirm={() => { const k = revoke; setRevoke(null); if (k) api.request('DELETE', `/api/v1/api-keys/${encodeURIComponent(k.id)}`).then(refresh, setError); }}>
        <p>{revoke?.name} stops working at once.</p>
      </Confirm>
    </>
  );
}
