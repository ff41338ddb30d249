// How the extension opens an artifact: Markdown in the preview, Mermaid as source, a zip extracted into a folder,
// JSON/SARIF/text in an editor, anything else saved to disk.
import type { Artifact } from './api.js';

export type ArtifactKind = 'markdown' | 'mermaid' | 'zip' | 'sarif' | 'json' | 'text' | 'binary';

export function artifactKind(a: Pick<Artifact, 'name' | 'contentType'>): ArtifactKind {
  const name = a.name.toLowerCase();
  const type = (a.contentType ?? '').toLowerCase().split(';')[0].trim();
  if (name.endsWith('.md') || type === 'text/markdown') return 'markdown';
  if (name.endsWith('.mmd') || name.endsWith('.mermaid') || type === 'text/vnd.mermaid') return 'mermaid';
  if (name.endsWith('.zip') || type === 'application/zip') return 'zip';
  if (name.endsWith('.sarif') || type === 'application/sarif+json') return 'sarif';
  if (name.endsWith('.json') || type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type.startsWith('text/') || /\.(txt|patch|diff|ya?ml|xml|csv|ts|js|java|swift|kt|py|html|css)$/.test(name)) return 'text';
  return 'binary';
}

/** The VS Code language id an artifact opens with (mermaid has no built-in one: plain text unless an extension adds it). */
export function languageOf(a: Pick<Artifact, 'name' | 'contentType'>): string {
  switch (artifactKind(a)) {
    case 'markdown': return 'markdown';
    case 'mermaid': return 'mermaid';
    case 'json': case 'sarif': return 'json';
    default: {
      const ext = a.name.toLowerCase().split('.').pop() ?? '';
      const map: Record<string, string> = { patch: 'diff', diff: 'diff', yaml: 'yaml', yml: 'yaml', xml: 'xml', ts: 'typescript', js: 'javascript',
        java: 'java', swift: 'swift', kt: 'kotlin', py: 'python', html: 'html', css: 'css' };
      return map[ext] ?? 'plaintext';
    }
  }
}
