import { useState } from 'react';
import { useApi } from '../api/hooks';
import { inProject, useAuth } from '../api/session';
import { OperationForm } from '../components/OperationForm';
import { Card, ErrorBox, Json, PageTitle, Progress } from '../components/ui';

interface Job { id: string; status: string; filesTotal?: number; filesIndexed?: number; progress?: { percentage?: number }; [k: string]: unknown }
interface Ranked { id: string; path: string; startLine: number; endLine: number; score: number; content: string; symbol?: string; language?: string }

function JobStatus({ id }: { id: string }) {
  const job = useApi<Job>(`/api/v1/rag/index/${encodeURIComponent(id)}`, {
    refetchInterval: (q: { state: { data?: unknown } }) => (['succeeded', 'failed', 'completed', 'partial'].includes((q.state.data as Job | undefined)?.status ?? '') ? false : 1000),
  } as never);
  if (!job.data) return <ErrorBox error={job.error} />;
  const j = job.data;
  const pct = j.progress?.percentage ?? (j.filesTotal ? ((j.filesIndexed ?? 0) / j.filesTotal) * 100 : j.status === 'succeeded' ? 100 : 0);
  return (
    <Card title={`Index job ${j.id}`}>
      <Progress value={pct} label="Indexing progress" />
      <p>Status: <strong>{j.status}</strong></p>
      <details><summary>Job details</summary><Json value={j} /></details>
    </Card>
  );
}

export default function Rag() {
  const { api, projectId, canWrite, hasScope } = useAuth();
  const [job, setJob] = useState<string>();
  const [results, setResults] = useState<{ contexts: Ranked[]; totalTokens: number }>();
  const [error, setError] = useState<unknown>();
  const remove = async (id: string) => {
    try {
      await api.request('DELETE', inProject(`/api/v1/rag/context/${encodeURIComponent(id)}`, projectId));
      setResults((r) => r && { ...r, contexts: r.contexts.filter((c) => c.id !== id) });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <PageTitle>Code retrieval (RAG)</PageTitle>
      <div className="grid">
        {canWrite('rag:write') && (
          <OperationForm component="RagIndexRequest" title="Index a source" submitLabel="Index"
            onSubmit={async (body) => { const r = await api.request<Job>('POST', inProject('/api/v1/rag/index', projectId), body); setJob(r.data.id); }} />
        )}
        {hasScope('rag:read') && (
          <OperationForm component="RagQuery" title="Search playground" submitLabel="Search"
            onSubmit={async (body) => { const r = await api.request<{ contexts: Ranked[]; totalTokens: number }>('POST', inProject('/api/v1/rag/query', projectId), body); setResults(r.data); }} />
        )}
      </div>
      {job && <JobStatus id={job} />}
      <ErrorBox error={error} />
      {results && (
        <Card title={`Ranked contexts (${results.contexts.length}, ${results.totalTokens} tokens)`} className="wide">
          <ol className="contexts">
            {results.contexts.map((c) => (
              <li key={c.id}>
                <div className="card-head">
                  <span><code>{c.path}:{c.startLine}-{c.endLine}</code>{c.symbol ? ` · ${c.symbol}` : ''} · score {c.score.toFixed(3)}</span>
                  {canWrite('rag:write') && <button type="button" onClick={() => remove(c.id)}>Delete context</button>}
                </div>
                <pre className="snippet" tabIndex={0}>{c.content}</pre>
              </li>
            ))}
          </ol>
        </Card>
      )}
    </>
  );
}
