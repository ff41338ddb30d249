import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../api/hooks';
import { inProject, useAuth } from '../api/session';
import { OperationForm } from '../components/OperationForm';
import { Badge, Card, Confirm, ErrorBox, Json, PageTitle, Progress, formatDuration } from '../components/ui';

interface Job {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  sourceType?: string;
  progress?: { filesTotal?: number; filesProcessed?: number };
  result?: { filesIndexed?: number; filesUnchanged?: number; filesDeleted?: number; filesSkipped?: number; chunksIndexed?: number; chunksInIndex?: number; durationMs?: number; revision?: string | null } | null;
  errors?: { path?: string; reason?: string; message?: string }[];
  failure?: string | null;
}
interface Context { id: string; path: string; startLine: number; endLine: number; content: string; symbol?: string | null; language?: string; score?: number; tokenCount?: number; kind?: string }

const ENDED = ['succeeded', 'failed'];

/** An index job followed live: polled every half second until it ends; status, files done of total, then the counts. */
function JobStatus({ id }: { id: string }) {
  const job = useApi<Job>(`/api/v1/rag/index/${encodeURIComponent(id)}`, {
    refetchInterval: (q: { state: { data?: unknown } }) => (ENDED.includes((q.state.data as Job | undefined)?.status ?? '') ? false : 500),
  } as never);
  if (!job.data) return <ErrorBox error={job.error} />;
  const j = job.data;
  const total = j.progress?.filesTotal ?? 0;
  const done = j.progress?.filesProcessed ?? 0;
  const pct = j.status === 'succeeded' ? 100 : total ? (done / total) * 100 : 0;
  const r = j.result;
  return (
    <Card title={`Index job ${j.id}`} className="wide">
      <p aria-live="polite" data-testid="job-status">
        <Badge value={j.status} /> {total > 0 && <span>{done} of {total} files processed</span>}
        {!ENDED.includes(j.status) && <span className="muted"> · following live</span>}
      </p>
      <Progress value={pct} label="Indexing progress" />
      {r && (
        <dl className="kv" data-testid="job-result">
          <dt>Files indexed</dt><dd>{r.filesIndexed ?? 0}</dd>
          <dt>Unchanged</dt><dd>{r.filesUnchanged ?? 0}</dd>
          <dt>Deleted</dt><dd>{r.filesDeleted ?? 0}</dd>
          <dt>Skipped</dt><dd>{r.filesSkipped ?? 0}</dd>
          <dt>Chunks indexed</dt><dd>{r.chunksIndexed ?? 0}</dd>
          <dt>Chunks in the index</dt><dd>{r.chunksInIndex ?? '—'}</dd>
          <dt>Took</dt><dd>{formatDuration(r.durationMs)}</dd>
          {r.revision && <><dt>Revision</dt><dd><code>{r.revision}</code></dd></>}
        </dl>
      )}
      {j.failure && <p role="alert" className="error-box">Failed: {j.failure}</p>}
      {(j.errors?.length ?? 0) > 0 && (
        <ul aria-label="Files not indexed">
          {j.errors!.map((e, i) => <li key={i}><code>{e.path}</code>: {e.reason ?? e.message}</li>)}
        </ul>
      )}
      <details><summary>Job details</summary><Json value={j} /></details>
    </Card>
  );
}

/** One context: its text, and (for writers) editing it — re-embedded by the platform — or deleting it. */
function ContextItem({ context, onChanged, onDeleted }: { context: Context; onChanged: (c: Context) => void; onDeleted: (id: string) => void }) {
  const { api, projectId, canWrite } = useAuth();
  const [editing, setEditing] = useState(false);
  const [content, setContent] = useState(context.content);
  const [symbol, setSymbol] = useState(context.symbol ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [confirm, setConfirm] = useState(false);
  const [saved, setSaved] = useState<string>();
  const editRef = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    // keyboard users land in the editor when it opens, and back on its button when it closes
    if (editing) editRef.current?.focus();
    else if (wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const path = inProject(`/api/v1/rag/context/${encodeURIComponent(context.id)}`, projectId);
  const idBase = `ctx-${context.id}`;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.request<Context>('PUT', path, { content, ...(symbol.trim() ? { symbol: symbol.trim() } : {}) });
      onChanged({ ...context, ...r.data, score: context.score });
      setEditing(false);
      setSaved(`Saved and re-embedded${r.data.tokenCount != null ? ` (${r.data.tokenCount} tokens)` : ''}.`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setConfirm(false);
    try {
      await api.request('DELETE', path);
      onDeleted(context.id);
    } catch (err) {
      setError(err);
    }
  };
  const where = `${context.path}:${context.startLine}-${context.endLine}`;
  return (
    <li aria-label={`Context ${where}`}>
      <div className="card-head">
        <span>
          <code>{where}</code>{context.symbol ? ` · ${context.symbol}` : ''}
          {context.score != null ? ` · score ${context.score.toFixed(3)}` : ''} · <code className="muted">{context.id}</code>
        </span>
        {canWrite('rag:write') && !editing && (
          <span className="actions">
            <button type="button" ref={editButton} onClick={() => { setContent(context.content); setSymbol(context.symbol ?? ''); setSaved(undefined); setEditing(true); }}>Edit context</button>
            <button type="button" onClick={() => setConfirm(true)}>Delete context</button>
          </span>
        )}
      </div>
      {saved && <p role="status" className="notice">{saved}</p>}
      {editing ? (
        <form onSubmit={save} aria-label={`Edit ${where}`}>
          <div className="field">
            <label htmlFor={`${idBase}-content`}>Content</label>
            <textarea id={`${idBase}-content`} ref={editRef} rows={8} required value={content} onChange={(e) => setContent(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${idBase}-symbol`}>Symbol</label>
            <input id={`${idBase}-symbol`} value={symbol} onChange={(e) => setSymbol(e.target.value)} />
          </div>
          <ErrorBox error={error} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : 'Save context'}</button>
            <button type="button" onClick={() => { setEditing(false); setError(undefined); }}>Cancel</button>
          </div>
        </form>
      ) : (
        <>
          <ErrorBox error={error} />
          <pre className="snippet" tabIndex={0} aria-label={`Content of ${where}`}>{context.content}</pre>
        </>
      )}
      <Confirm open={confirm} title="Delete this context?" confirmLabel="Delete" onCancel={() => setConfirm(false)} onConfirm={() => void remove()}>
        <p><code>{where}</code> leaves the index and the caches; re-indexing its file brings it back.</p>
      </Confirm>
    </li>
  );
}

export default function Rag() {
  const { api, projectId, canWrite, hasScope } = useAuth();
  const [job, setJob] = useState<string>();
  const [results, setResults] = useState<{ contexts: Context[]; totalTokens: number }>();
  const [opened, setOpened] = useState<Context | null>(null);
  const [openId, setOpenId] = useState('');
  const [openError, setOpenError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const changed = (c: Context) => {
    setResults((r) => r && { ...r, contexts: r.contexts.map((x) => (x.id === c.id ? c : x)) });
    setOpened((o) => (o && o.id === c.id ? c : o));
  };
  const deleted = (id: string) => {
    setResults((r) => r && { ...r, contexts: r.contexts.filter((c) => c.id !== id) });
    setOpened((o) => (o && o.id === id ? null : o));
    setNotice(`Deleted context ${id}.`);
  };
  const open = async (e: FormEvent) => {
    e.preventDefault();
    setOpenError(undefined);
    setOpened(null);
    try {
      setOpened((await api.request<Context>('GET', inProject(`/api/v1/rag/context/${encodeURIComponent(openId.trim())}`, projectId))).data);
    } catch (err) {
      setOpenError(err);
    }
  };
  return (
    <>
      <PageTitle>Code retrieval (RAG)</PageTitle>
      {notice && <p role="status" className="notice">{notice}</p>}
      <div className="grid">
        {canWrite('rag:write') && (
          <OperationForm component="RagIndexRequest" title="Index a source" submitLabel="Index"
            onSubmit={async (body) => { const r = await api.request<Job>('POST', inProject('/api/v1/rag/index', projectId), body); setJob(r.data.id); }} />
        )}
        {hasScope('rag:read') && (
          <OperationForm component="RagQuery" title="Search playground" submitLabel="Search"
            onSubmit={async (body) => { const r = await api.request<{ contexts: Context[]; totalTokens: number }>('POST', inProject('/api/v1/rag/query', projectId), body); setResults(r.data); }} />
        )}
      </div>
      {job && <JobStatus id={job} key={job} />}
      {hasScope('rag:read') && (
        <Card title="Open a context" className="wide">
          <form className="fields row" onSubmit={open}>
            <div className="field">
              <label htmlFor="open-context-id">Context id</label>
              <input id="open-context-id" required placeholder="ctx_…" value={openId} onChange={(e) => setOpenId(e.target.value)} />
            </div>
            <div className="actions"><button type="submit">Open</button></div>
          </form>
          <ErrorBox error={openError} />
          {opened && <ol className="contexts"><ContextItem key={opened.id} context={opened} onChanged={changed} onDeleted={deleted} /></ol>}
        </Card>
      )}
      {results && (
        <Card title={`Ranked contexts (${results.contexts.length}, ${results.totalTokens} tokens)`} className="wide">
          <ol className="contexts">
            {results.contexts.map((c) => <ContextItem key={c.id} context={c} onChanged={changed} onDeleted={deleted} />)}
          </ol>
        </Card>
      )}
    </>
  );
}
