// Extracting a generated project (project.zip) into a folder the user chose, safely: entries with absolute paths,
// drive letters, backslashes or '..' segments are refused before anything is written, every target is checked to
// stay inside the folder, sizes are bounded before decompression (declared sizes) and while writing.
import { unzipSync } from 'fflate';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface UnzipLimits { maxEntries?: number; maxTotalBytes?: number }

export class UnsafeArchiveError extends Error {
  constructor(message: string) { super(message); this.name = 'UnsafeArchiveError'; }
}

/** The entry's safe relative path, or throws. Directory entries (ending in '/') give ''. */
export function safeEntryPath(name: string): string {
  if (name.includes('\\')) throw new UnsafeArchiveError(`entry ${JSON.stringify(name)} has a backslash`);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw new UnsafeArchiveError(`entry ${JSON.stringify(name)} is absolute`);
  if (name.includes('\0')) throw new UnsafeArchiveError(`entry ${JSON.stringify(name)} has a NUL byte`);
  const parts = name.split('/').filter(p => p !== '' && p !== '.');
  if (parts.some(p => p === '..')) throw new UnsafeArchiveError(`entry ${JSON.stringify(name)} leaves the folder`);
  return name.endsWith('/') ? '' : parts.join('/');
}

/** Extracts a zip into dest (created when missing); returns the relative paths written, sorted. */
export async function extractZip(zip: Uint8Array, dest: string, limits: UnzipLimits = {}): Promise<string[]> {
  const maxEntries = limits.maxEntries ?? 20_000;
  const maxTotal = limits.maxTotalBytes ?? 512 * 1024 * 1024;
  let entries = 0;
  let declared = 0;
  const names: string[] = [];
  // first pass: names and declared sizes only (the filter sees each entry before it is inflated)
  unzipSync(zip, {
    filter(file) {
      safeEntryPath(file.name);
      if (++entries > maxEntries) throw new UnsafeArchiveError(`more than ${maxEntries} entries`);
      declared += file.originalSize;
      if (declared > maxTotal) throw new UnsafeArchiveError(`expands beyond ${maxTotal} bytes`);
      names.push(file.name);
      return false;
    },
  });
  const files = unzipSync(zip);
  const root = path.resolve(dest);
  await fs.mkdir(root, { recursive: true });
  let written = 0;
  const out: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    const rel = safeEntryPath(name);
    if (!rel) continue;
    written += data.length;
    if (written > maxTotal) throw new UnsafeArchiveError(`expands beyond ${maxTotal} bytes`);
    const target = path.resolve(root, rel);
    if (target !== root && !target.startsWith(root + path.sep)) throw new UnsafeArchiveError(`entry ${JSON.stringify(name)} leaves the folder`);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // refuse to write through a symbolic link that is already there
    const existing = await fs.lstat(target).catch(() => undefined);
    if (existing?.isSymbolicLink()) throw new UnsafeArchiveError(`${rel} is a symbolic link in the destination`);
    await fs.writeFile(target, data);
    out.push(rel);
  }
  return out.sort();
}
