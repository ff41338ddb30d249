// Submitting tasks from the editor: the workspace (or one file) as the task's source, an agent ensured when the
// project has none for the type, progress followed live, and code-analysis's SARIF turned into diagnostics.
import { zipSync } from 'fflate';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { LunaApiError, type LunaClient, type Task } from './api.js';
import { followTask, type FollowOptions, type ProgressUpdate } from './follow.js';
import { sarifToDiagnostics, type DiagnosticModel, type Explanation } from './sarif.js';
import { walkWorkspace, type WalkOptions } from './walker.js';

/** Above this, the workspace goes as a zip archive (base64) instead of inline files; both must fit 1 MiB. */
const INLINE_LIMIT = 600 * 1024;
const BODY_LIMIT = 1000 * 1024;

/** The workspace as a task source: inline files when small, else a zip archive; git-ignored files left out. */
export async function workspaceSource(root: string, walk: WalkOptions = {}): Promise<Record<string, unknown>> {
  const { files } = await walkWorkspace(root, walk);
  if (files.length === 0) throw new Error('The workspace has no files to send (all ignored or binary)');
  const contents = await Promise.all(files.map(f => fs.readFile(f.absPath)));
  const inlineBytes = files.reduce((n, f, i) => n + Buffer.byteLength(JSON.stringify({ path: f.path, content: contents[i].toString('utf8') })), 0);
  if (inlineBytes <= INLINE_LIMIT) {
    return { type: 'inline', files: files.map((f, i) => ({ path: f.path, content: contents[i].toString('utf8') })) };
  }
  // fixed timestamps: the same workspace gives the same archive (and hits the result cache)
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  files.forEach((f, i) => { entries[f.path] = [contents[i], { mtime: new Date('1980-01-01T00:00:00Z') }]; });
  const zip = zipSync(entries, { level: 9 });
  const b64 = Buffer.from(zip).toString('base64');
  if (b64.length > BODY_LIMIT) {
    throw new LunaApiError(413, 'PAYLOAD_TOO_LARGE', `The workspace is ${Math.round(zip.length / 1024)} KiB zipped; a task's source must fit 1 MiB: ` +
      'analyse the current file, or narrow it with luna.exclude');
  }
  return { type: 'archive', format: 'zip', contentBase64: b64 };
}

/** One file of the workspace as an inline source (its path relative to the root). */
export async function fileSource(root: string, absPath: string): Promise<Record<string, unknown>> {
  const rel = path.relative(root, absPath).split(path.sep).join('/');
  if (!rel || rel.startsWith('..')) throw new Error(`${absPath} is outside the workspace folder`);
  return { type: 'inline', files: [{ path: rel, content: await fs.readFile(absPath, 'utf8') }] };
}

/** Submits a task; when the project has no running agent for the type (409/422 AGENT_UNAVAILABLE), asks
 *  `confirmAgent` and, if it agrees, registers and starts one, then submits again. */
export async function submitWithAgent(client: LunaClient, type: string, payload: unknown,
                                      confirmAgent: (type: string) => Promise<boolean> = async () => true): Promise<Task> {
  try {
    return await client.submitTask(type, payload);
  } catch (e) {
    if (!(e instanceof LunaApiError) || e.code !== 'AGENT_UNAVAILABLE' || !(await confirmAgent(type))) throw e;
    const agentId = await client.ensureAgent([type]);
    return client.submitTask(type, payload, { agentId });
  }
}

export interface AnalysisOutcome {
  task: Task;
  diagnostics: DiagnosticModel[];
  summary: Record<string, unknown> | undefined;
}

/** Runs code-analysis on a source, follows it, and maps findings.sarif (with the result's explanations) to diagnostics. */
export async function analyse(client: LunaClient, source: unknown, onUpdate: (u: ProgressUpdate) => void,
                              options: { analysisOptions?: Record<string, unknown>; follow?: FollowOptions; confirmAgent?: (type: string) => Promise<boolean> } = {}): Promise<AnalysisOutcome> {
  const payload: Record<string, unknown> = { source };
  if (options.analysisOptions) payload.options = options.analysisOptions;
  const submitted = await submitWithAgent(client, 'code-analysis', payload, options.confirmAgent);
  const task = await followTask(client, submitted.id, onUpdate, options.follow);
  if (task.status !== 'succeeded' && task.status !== 'timed_out') {
    throw new LunaApiError(0, task.error?.code ?? 'TASK_FAILED', `code-analysis ${task.status}: ${task.error?.message ?? ''}`.trim());
  }
  const sarif = JSON.parse(Buffer.from(await client.downloadArtifact(task.id, 'findings.sarif')).toString('utf8'));
  const result = (task.result ?? (await client.taskResult(task.id)) ?? {}) as { explanations?: Explanation[]; summary?: Record<string, unknown> };
  return { task, diagnostics: sarifToDiagnostics(sarif, result.explanations ?? []), summary: result.summary };
}
