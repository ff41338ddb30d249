import { lazy, Suspense, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../api/session';
import { downloadArtifact, fetchArtifact, isText, type Artifact } from '../components/artifacts';
import { ErrorBox, Loading, formatBytes } from '../components/ui';

const Markdown = lazy(() => import('../components/Markdown'));
const Mermaid = lazy(() => import('../components/Mermaid'));

function useArtifactText(artifact: Artifact | undefined) {
  const { api } = useAuth();
  return useQuery({
    queryKey: ['artifact', artifact?.href],
    enabled: !!artifact,
    queryFn: async () => (await fetchArtifact(api, artifact!.href)).text(),
    staleTime: Infinity,
  });
}

interface Finding { rule: string; level: string; path: string; line?: number; message: string; snippet?: string }

/** Findings of a SARIF 2.1.0 log (code-analysis's findings.sarif), every run. */
export function sarifFindings(text: string): Finding[] {
  const log = JSON.parse(text) as { runs?: { results?: Record<string, unknown>[] }[] };
  const out: Finding[] = [];
  for (const run of log.runs ?? []) {
    for (const r of run.results ?? []) {
      const loc = (r.locations as { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; snippet?: { text?: string } } } }[] | undefined)?.[0]?.physicalLocation;
      out.push({
        rule: String(r.ruleId ?? ''),
        level: String(r.level ?? 'warning'),
        path: loc?.artifactLocation?.uri ?? '',
        line: loc?.region?.startLine,
        message: (r.message as { text?: string } | undefined)?.text ?? '',
        snippet: loc?.region?.snippet?.text,
      });
    }
  }
  return out;
}

function FindingsTable({ artifact }: { artifact: Artifact }) {
  const text = useArtifactText(artifact);
  const [level, setLevel] = useState('');
  const [search, setSearch] = useState('');
  const findings = useMemo(() => (text.data ? sarifFindings(text.data) : []), [text.data]);
  if (text.isPending) return <Loading label="Reading findings" />;
  if (text.error) return <ErrorBox error={text.error} />;
  const shown = findings.filter((f) => (!level || f.level === level) && (!search || `${f.rule} ${f.path} ${f.message}`.toLowerCase().includes(search.toLowerCase())));
  return (
    <section aria-labelledby="findings-title">
      <h3 id="findings-title">Findings ({shown.length} of {findings.length})</h3>
      <div className="filters">
        <div className="field"><label htmlFor="ff-level">Level</label>
          <select id="ff-level" value={level} onChange={(e) => setLevel(e.target.value)}><option value="">any</option>{['error', 'warning', 'note'].map((l) => <option key={l}>{l}</option>)}</select></div>
        <div className="field"><label htmlFor="ff-search">Search</label><input id="ff-search" value={search} onChange={(e) => setSearch(e.target.value)} /></div>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Scrollable table">
        <table>
          <thead><tr><th scope="col">Level</th><th scope="col">Rule</th><th scope="col">Location</th><th scope="col">Message</th></tr></thead>
          <tbody>
            {shown.slice(0, 500).map((f, i) => (
              <tr key={i}>
                <td>{f.level}</td><td><code>{f.rule}</code></td><td><code>{f.path}{f.line ? `:${f.line}` : ''}</code></td>
                <td>{f.message}{f.snippet && <pre className="snippet" tabIndex={0}>{f.snippet}</pre>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function MarkdownArtifact({ artifact }: { artifact: Artifact }) {
  const text = useArtifactText(artifact);
  if (text.isPending) return <Loading />;
  if (text.error) return <ErrorBox error={text.error} />;
  // the report's text with its Mermaid blocks drawn where they stand
  const parts = text.data.split(/```mermaid\r?\n([\s\S]*?)```/);
  return (
    <Suspense fallback={<Loading />}>
      {parts.map((part, i) => (i % 2 === 0
        ? (part.trim() ? <Markdown key={i} source={part} /> : null)
        : <Mermaid key={i} source={part} label={`Diagram ${(i + 1) / 2} of ${artifact.name}`} />))}
    </Suspense>
  );
}

function Preview({ artifact }: { artifact: Artifact }) {
  const text = useArtifactText(isText(artifact) ? artifact : undefined);
  if (!isText(artifact)) return <p className="muted">{artifact.contentType}, {formatBytes(artifact.bytes)}: download to open.</p>;
  if (text.isPending) return <Loading />;
  if (text.error) return <ErrorBox error={text.error} />;
  if (/\.md$/i.test(artifact.name)) return <MarkdownArtifact artifact={artifact} />;
  if (/\.mmd$/i.test(artifact.name)) return <Suspense fallback={<Loading />}><Mermaid source={text.data} label={artifact.name} /></Suspense>;
  return <pre className="json preview" tabIndex={0} aria-label={`Contents of ${artifact.name}`}>{text.data.slice(0, 200_000)}</pre>;
}

/** The artifacts as a file tree (folders from '/' in names) with a preview of the selected one. */
function FileTree({ artifacts, selected, onSelect }: { artifacts: Artifact[]; selected?: string; onSelect: (a: Artifact) => void }) {
  const sorted = [...artifacts].sort((a, b) => a.name.localeCompare(b.name));
  let lastDir = '';
  return (
    <ul className="tree" aria-label="Artifacts">
      {sorted.flatMap((a) => {
        const dir = a.name.includes('/') ? a.name.slice(0, a.name.lastIndexOf('/')) : '';
        const rows = [];
        if (dir && dir !== lastDir) rows.push(<li key={`d-${dir}`} className="tree-dir">{dir}/</li>);
        lastDir = dir;
        rows.push(
          <li key={a.name} className={dir ? 'tree-file nested' : 'tree-file'}>
            <button type="button" aria-pressed={selected === a.name} onClick={() => onSelect(a)}>{a.name.slice(dir ? dir.length + 1 : 0)}</button>
            <span className="muted"> {formatBytes(a.bytes)}</span>
          </li>,
        );
        return rows;
      })}
    </ul>
  );
}

export function ArtifactsView({ artifacts, type }: { artifacts: Artifact[]; type: string }) {
  const { api } = useAuth();
  const preferred = artifacts.find((a) => /^(report|architecture|README|instructions|deployment)\.md$/i.test(a.name)) ?? artifacts.find((a) => isText(a)) ?? artifacts[0];
  const [selected, setSelected] = useState<Artifact | undefined>(preferred);
  const [error, setError] = useState<unknown>();
  const sarif = artifacts.find((a) => a.name.endsWith('.sarif'));
  const zip = artifacts.find((a) => a.name.endsWith('.zip'));
  const download = (a: Artifact) => downloadArtifact(api, a).catch(setError);
  if (artifacts.length === 0) return <p className="muted">No artifacts.</p>;
  return (
    <>
      {type === 'code-analysis' && sarif && <FindingsTable artifact={sarif} />}
      {zip && <p><button type="button" className="primary" onClick={() => download(zip)}>Download {zip.name}</button></p>}
      <ErrorBox error={error} />
      <div className="artifacts">
        <FileTree artifacts={artifacts} selected={selected?.name} onSelect={setSelected} />
        {selected && (
          <section className="artifact-preview" aria-label={`Preview of ${selected.name}`}>
            <div className="card-head">
              <h3>{selected.name}</h3>
              <button type="button" onClick={() => download(selected)}>Download {selected.name.split('/').pop()}</button>
            </div>
            <Preview key={selected.name} artifact={selected} />
          </section>
        )}
      </div>
    </>
  );
}
