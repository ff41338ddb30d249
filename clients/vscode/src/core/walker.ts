// Walks a workspace folder the way git sees it: every .gitignore on the way (nested ones apply below their folder,
// with git's semantics through the `ignore` package), .git itself left out, binary and oversized files skipped.
import ignore, { type Ignore } from 'ignore';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface WalkedFile {
  /** '/'-separated, relative to the root. */
  path: string;
  absPath: string;
  size: number;
}

export interface WalkOptions {
  /** Files larger than this are skipped (the API's request body is at most 1 MiB). */
  maxFileBytes?: number;
  /** Extra ignore patterns (gitignore syntax) applied from the root, e.g. from a setting. */
  extraIgnores?: string[];
  /** Stops after this many files. */
  maxFiles?: number;
}

export interface WalkResult {
  files: WalkedFile[];
  skipped: { path: string; reason: 'binary' | 'too-large' | 'limit' }[];
}

interface Rules { base: string; ig: Ignore }

const ALWAYS = ['.git/'];

/** A matcher for one path (relative, '/'-separated) against the .gitignore files of a root. */
export class GitignoreMatcher {
  private readonly cache = new Map<string, Rules | null>();
  constructor(private readonly root: string, private readonly extra: string[] = []) {}

  private async rulesOf(dir: string): Promise<Rules | null> {
    if (this.cache.has(dir)) return this.cache.get(dir)!;
    let rules: Rules | null = null;
    try {
      const text = await fs.readFile(path.join(this.root, dir, '.gitignore'), 'utf8');
      rules = { base: dir, ig: ignore().add(text) };
    } catch {
      rules = null;
    }
    if (dir === '') {
      const ig = ignore().add(ALWAYS).add(this.extra);
      if (rules) ig.add(rules.ig);
      rules = { base: '', ig };
    }
    this.cache.set(dir, rules);
    return rules;
  }

  /** Whether a path (a directory when it ends with '/') is ignored by any .gitignore from the root down to it. */
  async ignored(rel: string): Promise<boolean> {
    const parts = rel.replace(/\/$/, '').split('/');
    // a path inside an ignored directory is ignored: check each ancestor directory first
    for (let i = 1; i < parts.length; i++) {
      if (await this.ignoredHere(parts.slice(0, i).join('/') + '/')) return true;
    }
    return this.ignoredHere(rel);
  }

  private async ignoredHere(rel: string): Promise<boolean> {
    const parts = rel.replace(/\/$/, '').split('/');
    const dirs = [''];
    for (let i = 1; i < parts.length; i++) dirs.push(parts.slice(0, i).join('/'));
    let ignored = false;
    for (const dir of dirs) {
      const rules = await this.rulesOf(dir);
      if (!rules) continue;
      const sub = dir === '' ? rel : rel.slice(dir.length + 1);
      const r = rules.ig.test(sub);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }
}

/** Every file of the root that git would not ignore, sorted by path. */
export async function walkWorkspace(root: string, options: WalkOptions = {}): Promise<WalkResult> {
  const maxBytes = options.maxFileBytes ?? 768 * 1024;
  const maxFiles = options.maxFiles ?? 20_000;
  const matcher = new GitignoreMatcher(root, options.extraIgnores);
  const files: WalkedFile[] = [];
  const skipped: WalkResult['skipped'] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(path.join(root, dir), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!(await matcher.ignored(rel + '/'))) await walk(rel);
      } else if (e.isFile()) {
        if (await matcher.ignored(rel)) continue;
        const abs = path.join(root, rel);
        const stat = await fs.stat(abs);
        if (stat.size > maxBytes) { skipped.push({ path: rel, reason: 'too-large' }); continue; }
        if (files.length >= maxFiles) { skipped.push({ path: rel, reason: 'limit' }); continue; }
        if (await isBinary(abs)) { skipped.push({ path: rel, reason: 'binary' }); continue; }
        files.push({ path: rel, absPath: abs, size: stat.size });
      }
      // symbolic links are not followed (as git stores them: as links, not their targets)
    }
  };
  await walk('');
  return { files, skipped };
}

/** A NUL byte in the first 8 KiB, as git decides. */
export async function isBinary(abs: string): Promise<boolean> {
  const fh = await fs.open(abs, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).includes(0);
  } finally {
    await fh.close();
  }
}
