// Indexing a workspace into the project's RAG index with inline sources (POST /api/v1/rag/index), in batches that fit
// the API's 1 MiB request body. The indexer remembers the SHA-256 of what it sent, so a refresh (on save, or a
// re-index) sends only the files that changed and names removed ones in `deletedPaths`; inline sources never delete
// files they do not mention (deleteMissing is false for them), so the rest of the index stays as it is.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { IndexJob, InlineFile, LunaClient } from './api.js';
import { GitignoreMatcher, isBinary, walkWorkspace, type WalkOptions } from './walker.js';

/** Where the indexer keeps what it sent (a file in the extension's storage; a temp file in tests). */
export interface StateStore {
  load(): Promise<Record<string, string>>;
  save(state: Record<string, string>): Promise<void>;
}

export function fileStateStore(file: string): StateStore {
  return {
    async load() {
      try { return JSON.parse(await fs.readFile(file, 'utf8')); } catch { return {}; }
    },
    async save(state) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, JSON.stringify(state));
    },
  };
}

export interface IndexProgress {
  phase: 'scanning' | 'uploading' | 'indexing' | 'done';
  filesDone: number;
  filesTotal: number;
  message: string;
}

export interface IndexOutcome {
  /** Paths whose content was sent. */
  sent: string[];
  /** Paths sent as deletedPaths. */
  deleted: string[];
  /** Paths whose content was unchanged since the last successful job (not sent). */
  unchanged: number;
  jobs: IndexJob[];
  /** Per-file problems the jobs reported, plus files the walker skipped. */
  problems: { path: string; message: string }[];
}

const BATCH_BYTES = 700 * 1024;
const BATCH_FILES = 500;

export class WorkspaceIndexer {
  private state?: Record<string, string>;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: LunaClient, readonly root: string, private readonly store: StateStore,
              private readonly walkOptions: WalkOptions = {}) {}

  /** Indexes the workspace: everything the first time (or with force), afterwards only what changed. */
  index(onProgress: (p: IndexProgress) => void = () => {}, options: { force?: boolean; signal?: AbortSignal } = {}): Promise<IndexOutcome> {
    return this.serial(async () => {
      onProgress({ phase: 'scanning', filesDone: 0, filesTotal: 0, message: 'Scanning the workspace' });
      const walked = await walkWorkspace(this.root, this.walkOptions);
      const state = await this.loadState();
      const present = new Set(walked.files.map(f => f.path));
      const files: InlineFile[] = [];
      let unchanged = 0;
      for (const f of walked.files) {
        const content = await fs.readFile(f.absPath);
        if (!options.force && state[f.path] === sha256(content)) { unchanged++; continue; }
        files.push({ path: f.path, content: content.toString('utf8') });
      }
      const deleted = Object.keys(state).filter(p => !present.has(p));
      const outcome = await this.send(files, deleted, onProgress, options.signal);
      outcome.unchanged = unchanged;
      outcome.problems.push(...walked.skipped.map(s => ({ path: s.path, message: `skipped: ${s.reason}` })));
      return outcome;
    });
  }

  /** Re-indexes the given files (absolute paths, e.g. just saved): only those whose content changed are sent; missing
   *  files become deletedPaths; ignored, binary and outside-the-root files are left alone. */
  refresh(absPaths: string[], onProgress: (p: IndexProgress) => void = () => {}): Promise<IndexOutcome> {
    return this.serial(async () => {
      const state = await this.loadState();
      const matcher = new GitignoreMatcher(this.root, this.walkOptions.extraIgnores);
      const maxBytes = this.walkOptions.maxFileBytes ?? 768 * 1024;
      const files: InlineFile[] = [];
      const deleted: string[] = [];
      let unchanged = 0;
      for (const abs of [...new Set(absPaths)]) {
        const rel = path.relative(this.root, abs).split(path.sep).join('/');
        if (!rel || rel.startsWith('..') || path.isAbsolute(rel) || (await matcher.ignored(rel))) continue;
        let content: Buffer;
        try {
          const stat = await fs.stat(abs);
          if (!stat.isFile() || stat.size > maxBytes || (await isBinary(abs))) continue;
          content = await fs.readFile(abs);
        } catch {
          if (state[rel] !== undefined) deleted.push(rel);
          continue;
        }
        if (state[rel] === sha256(content)) { unchanged++; continue; }
        files.push({ path: rel, content: content.toString('utf8') });
      }
      const outcome = await this.send(files, deleted, onProgress);
      outcome.unchanged = unchanged;
      return outcome;
    });
  }

  /** Whether this workspace was indexed before (something was sent and remembered). */
  async hasState(): Promise<boolean> {
    return Object.keys(await this.loadState()).length > 0;
  }

  /** Forgets what was sent (the next index sends everything). */
  async reset(): Promise<void> {
    this.state = {};
    await this.store.save({});
  }

  private async send(files: InlineFile[], deleted: string[], onProgress: (p: IndexProgress) => void, signal?: AbortSignal): Promise<IndexOutcome> {
    const outcome: IndexOutcome = { sent: [], deleted: [], unchanged: 0, jobs: [], problems: [] };
    const total = files.length + deleted.length;
    if (total === 0) {
      onProgress({ phase: 'done', filesDone: 0, filesTotal: 0, message: 'Nothing changed' });
      return outcome;
    }
    const batches = batch(files);
    if (batches.length === 0) batches.push([]);
    let done = 0;
    for (let i = 0; i < batches.length; i++) {
      const part = batches[i];
      const del = i === 0 ? deleted : [];
      onProgress({ phase: 'uploading', filesDone: done, filesTotal: total, message: `Sending ${part.length + del.length} files` });
      // a batch without files is a delete-only update (the API takes an empty inline source with deletedPaths)
      const accepted = await this.client.index({ source: { type: 'inline', files: part }, ...(del.length ? { deletedPaths: del } : {}) });
      const job = await this.client.waitForJob(accepted.id, j => {
        const p = j.progress;
        onProgress({ phase: 'indexing', filesDone: done + (p?.filesProcessed ?? 0), filesTotal: total,
          message: `Indexing ${p?.filesProcessed ?? 0} of ${p?.filesTotal ?? part.length} files` });
      }, 600_000, signal);
      outcome.jobs.push(job);
      for (const e of job.errors ?? []) outcome.problems.push({ path: e.path ?? '', message: e.message ?? 'error' });
      if (job.status !== 'succeeded') {
        throw new Error(`index job ${job.id} failed: ${job.error?.message ?? JSON.stringify(job.errors ?? [])}`);
      }
      const state = await this.loadState();
      for (const f of part) state[f.path] = sha256(Buffer.from(f.content, 'utf8'));
      for (const d of del) delete state[d];
      await this.store.save(state);
      outcome.sent.push(...part.map(f => f.path));
      outcome.deleted.push(...del);
      done += part.length + del.length;
    }
    onProgress({ phase: 'done', filesDone: total, filesTotal: total, message: `Indexed ${outcome.sent.length} files, removed ${outcome.deleted.length}` });
    return outcome;
  }

  private async loadState(): Promise<Record<string, string>> {
    this.state ??= await this.store.load();
    return this.state;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }
}

export function sha256(content: Buffer | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Batches under the request body limit: JSON escaping counted, one oversized file alone in its batch. */
function batch(files: InlineFile[]): InlineFile[][] {
  const out: InlineFile[][] = [];
  let cur: InlineFile[] = [];
  let bytes = 0;
  for (const f of files) {
    const size = Buffer.byteLength(JSON.stringify(f), 'utf8') + 1;
    if (cur.length > 0 && (bytes + size > BATCH_BYTES || cur.length >= BATCH_FILES)) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(f);
    bytes += size;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
