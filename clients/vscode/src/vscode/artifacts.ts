// Opening an artifact: Markdown in the preview, Mermaid as its source, a zip extracted into a chosen folder, text and
// JSON in an editor, anything else saved where the user says.
import * as vscode from 'vscode';
import type { Artifact, LunaClient } from '../core/api.js';
import { artifactKind, languageOf } from '../core/artifacts.js';
import { extractZip } from '../core/unzip.js';

export async function openArtifact(client: LunaClient, taskId: string, artifact: Artifact): Promise<void> {
  const bytes = await client.downloadArtifact(taskId, artifact.name);
  const kind = artifactKind(artifact);
  if (kind === 'zip') {
    const folder = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: `Extract ${artifact.name} here` });
    if (!folder?.[0]) return;
    const written = await extractZip(bytes, folder[0].fsPath);
    const open = await vscode.window.showInformationMessage(`Extracted ${written.length} files into ${folder[0].fsPath}`, 'Open Folder', 'Add to Workspace');
    if (open === 'Open Folder') await vscode.commands.executeCommand('vscode.openFolder', folder[0], { forceNewWindow: true });
    if (open === 'Add to Workspace') vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders?.length ?? 0, 0, { uri: folder[0] });
    return;
  }
  if (kind === 'binary') {
    const target = await vscode.window.showSaveDialog({ saveLabel: 'Save artifact', defaultUri: vscode.Uri.file(artifact.name.split('/').pop()!) });
    if (target) await vscode.workspace.fs.writeFile(target, bytes);
    return;
  }
  const content = Buffer.from(bytes).toString('utf8');
  let language = languageOf(artifact);
  if (!(await vscode.languages.getLanguages()).includes(language)) language = 'plaintext'; // mermaid needs an extension
  const doc = await vscode.workspace.openTextDocument({ language, content });
  if (kind === 'markdown') {
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
  } else {
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}
