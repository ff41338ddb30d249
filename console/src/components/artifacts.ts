import type { Api } from '../api/client';
import { expectOk } from '../api/client';

export interface Artifact { name: string; contentType: string; bytes: number; sha256: string; href: string }

/** An artifact's bytes through the API (with the access token), as a Blob. */
export async function fetchArtifact(api: Api, href: string): Promise<Blob> {
  const r = await api.send('GET', href);
  if (!r.ok) await expectOk(r);
  return r.blob();
}

/** Saves an artifact to the user's downloads (a link to an object URL, clicked). */
export async function downloadArtifact(api: Api, artifact: Artifact): Promise<void> {
  const blob = await fetchArtifact(api, artifact.href);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = artifact.name.split('/').pop() ?? artifact.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function isText(a: Artifact): boolean {
  return /^text\/|json|xml|yaml|javascript|x-sh|markdown/.test(a.contentType) || /\.(md|mmd|dsl|txt|json|sarif|patch|diff|ya?ml|ts|js|java|py|toml|sh)$/i.test(a.name);
}
