// The VS Code layer: commands, views and events mapped onto the plain modules in src/core. Kept thin on purpose: VS Code
// cannot be run in this project's CI, so everything with logic lives in src/core, tested against a real runtime.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LunaApiError, type Artifact, type LunaClient, type Task } from './core/api.js';
import { ask, type AskResult } from './core/ask.js';
import { describe as describeProgress, followTask } from './core/follow.js';
import { fileStateStore, WorkspaceIndexer } from './core/indexer.js';
import type { DiagnosticModel } from './core/sarif.js';
import { fieldErrors, fieldsOf } from './core/schemaForm.js';
import { analyse, fileSource, submitWithAgent, workspaceSource } from './core/tasks.js';
import { openArtifact } from './vscode/artifacts.js';
import { AskView } from './vscode/askView.js';
import { Connection } from './vscode/connection.js';
import { Findings, showFix } from './vscode/diagnostics.js';
import { askPayload } from './vscode/form.js';
import { TasksView } from './vscode/tasksView.js';

export function activate(context: vscode.ExtensionContext): void {
  const connection = new Connection(context.secrets);
  const root = () => vscode.workspace.workspaceFolders?.[0]?.uri;
  const askView = new AskView(root);
  const tasksView = new TasksView(() => connection.get());
  const findings = new Findings();
  const output = vscode.window.createOutputChannel('Luna');
  let indexer: WorkspaceIndexer | undefined;
  let indexerKey = '';

  const indexerFor = async (prompt = true): Promise<WorkspaceIndexer | undefined> => {
    const client = await connection.get(prompt);
    const folder = root();
    if (!client || !folder) return undefined;
    const key = `${client.baseUrl}|${client.projectId}|${folder.fsPath}`;
    if (!indexer || key !== indexerKey) {
      const state = path.join(context.globalStorageUri.fsPath, 'index', `${Buffer.from(key).toString('base64url')}.json`);
      indexer = new WorkspaceIndexer(client, folder.fsPath, fileStateStore(state));
      indexerKey = key;
    }
    return indexer;
  };

  const confirmAgent = async (type: string) => (await vscode.window.showWarningMessage(
    `No running Luna agent in this project can run ${type} tasks. Register and start one?`, { modal: true }, 'Register Agent')) === 'Register Agent';

  const fail = (e: unknown) => {
    const msg = e instanceof LunaApiError ? `${e.message} (${e.code})` : (e as Error).message;
    output.appendLine(`error: ${msg}`);
    void vscode.window.showErrorMessage(`Luna: ${msg}`);
  };
  const guarded = <A extends unknown[]>(fn: (...a: A) => Promise<unknown>) => async (...a: A) => { try { await fn(...a); } catch (e) { fail(e); } };

  /** Follows a task in a notification and the Tasks view; resolves with the finished task. */
  const follow = (client: LunaClient, task: Task, title: string) => vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      tasksView.track(task);
      const abort = new AbortController();
      token.onCancellationRequested(() => { abort.abort(); void client.cancelTask(task.id).catch(() => undefined); });
      let shown = 0;
      return followTask(client, task.id, u => {
        tasksView.update(u);
        progress.report({ message: describeProgress(u), increment: Math.max(u.percentage - shown, 0) });
        shown = Math.max(shown, u.percentage);
      }, { signal: abort.signal });
    });

  const runAnalysis = async (scope: 'workspace' | 'file') => {
    const client = await connection.get();
    const folder = root();
    if (!client || !folder) return;
    const editor = vscode.window.activeTextEditor;
    if (scope === 'file' && !editor) throw new Error('Open a file first');
    if (scope === 'file') await editor!.document.save();
    const source = scope === 'file' ? await fileSource(folder.fsPath, editor!.document.uri.fsPath) : await workspaceSource(folder.fsPath);
    const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Luna: analysing the ${scope}`, cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        let shown = 0;
        return analyse(client, source, u => {
          tasksView.update(u);
          progress.report({ message: describeProgress(u), increment: Math.max(u.percentage - shown, 0) });
          shown = Math.max(shown, u.percentage);
        }, { follow: { signal: abort.signal }, confirmAgent });
      });
    tasksView.track(outcome.task);
    findings.show(folder, outcome.diagnostics, scope === 'file' ? [editor!.document.uri] : undefined);
    void vscode.window.showInformationMessage(`Luna: ${outcome.diagnostics.length} findings`, 'Show Problems')
      .then(a => a && vscode.commands.executeCommand('workbench.actions.view.problems'));
  };

  context.subscriptions.push(
    output, findings.collection,
    vscode.window.registerTreeDataProvider('luna.ask', askView),
    vscode.window.registerTreeDataProvider('luna.tasks', tasksView),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, findings, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),

    vscode.commands.registerCommand('luna.setApiKey', guarded(async () => { await connection.clearKey(); await connection.promptKey(); })),
    vscode.commands.registerCommand('luna.clearApiKey', guarded(() => connection.clearKey())),

    vscode.commands.registerCommand('luna.indexWorkspace', guarded(async () => {
      const ix = await indexerFor();
      if (!ix) return;
      const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Luna: indexing', cancellable: true },
        async (progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          let shown = 0;
          return ix.index(p => {
            const pct = p.filesTotal ? (100 * p.filesDone) / p.filesTotal : 0;
            progress.report({ message: `${p.message} (${p.filesDone}/${p.filesTotal} files)`, increment: Math.max(pct - shown, 0) });
            shown = Math.max(shown, pct);
          }, { signal: abort.signal });
        });
      for (const p of outcome.problems) output.appendLine(`index: ${p.path}: ${p.message}`);
      void vscode.window.showInformationMessage(`Luna: indexed ${outcome.sent.length} files (${outcome.unchanged} unchanged, ${outcome.deleted.length} removed)`);
    })),

    vscode.commands.registerCommand('luna.ask', guarded(async () => {
      const client = await connection.get();
      if (!client) return;
      const selection = vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection);
      const question = await vscode.window.showInputBox({ title: 'Ask the codebase', prompt: 'A question about this workspace\'s code', value: selection?.slice(0, 2000) });
      if (!question) return;
      const answer = await ask(client, question);
      askView.show(answer.results);
      await vscode.commands.executeCommand('luna.ask.focus');
      if (answer.results.length === 0) {
        void vscode.window.showInformationMessage('Luna: nothing found. Has this workspace been indexed (Luna: Index This Workspace)?');
        return;
      }
      const pick = await vscode.window.showQuickPick(answer.results.map(r => ({ label: r.label, description: r.detail, detail: r.preview.split('\n')[0], r })),
        { title: `${answer.results.length} contexts (${answer.totalTokens} of ${answer.tokenBudget} tokens)`, matchOnDescription: true });
      if (pick) await askView.open(pick.r);
    })),
    vscode.commands.registerCommand('luna.openLocation', guarded((r: AskResult) => askView.open(r))),

    vscode.commands.registerCommand('luna.analyseWorkspace', guarded(() => runAnalysis('workspace'))),
    vscode.commands.registerCommand('luna.analyseFile', guarded(() => runAnalysis('file'))),
    vscode.commands.registerCommand('luna.showFix', guarded((m: DiagnosticModel) => showFix(m))),

    vscode.commands.registerCommand('luna.submitTask', guarded(async () => {
      const client = await connection.get();
      const folder = root();
      if (!client) return;
      const types = await client.taskTypes();
      const pick = await vscode.window.showQuickPick(types.map(t => ({ label: t.name, detail: t.description, description: t.available ? '' : 'not deployed', t })),
        { title: 'Luna: submit a task', matchOnDetail: true });
      if (!pick) return;
      const fields = fieldsOf(pick.t.payloadSchema);
      const source = async () => {
        if (!folder) throw new Error('Open a folder: the task\'s source is the workspace');
        return workspaceSource(folder.fsPath);
      };
      let errors = new Map<string, string>();
      let previous: Record<string, unknown> = {};
      for (;;) {
        const form = await askPayload(pick.t.name, fields, source, errors, previous);
        if (!form) return;
        try {
          const task = await submitWithAgent(client, pick.t.name, form.payload, confirmAgent);
          const done = await follow(client, task, `Luna: ${pick.t.name}`);
          const arts = done.status === 'succeeded' ? await client.artifacts(done.id) : [];
          const msg = `Luna: ${pick.t.name} ${done.status}${done.error?.message ? `: ${done.error.message}` : ''}`;
          const choice = await (done.status === 'succeeded' ? vscode.window.showInformationMessage(msg, ...arts.slice(0, 3).map(a => a.name))
            : vscode.window.showErrorMessage(msg));
          const art = arts.find(a => a.name === choice);
          if (art) await openArtifact(client, done.id, art);
          return;
        } catch (e) {
          // a field the API refused: ask again, with its message under that field
          if (e instanceof LunaApiError && e.status === 400 && e.code === 'VALIDATION_FAILED') {
            errors = fieldErrors(e.details, fields);
            previous = form.values;
            void vscode.window.showWarningMessage(`Luna: ${e.message}`);
            continue;
          }
          throw e;
        }
      }
    })),
    vscode.commands.registerCommand('luna.refreshTasks', guarded(() => tasksView.refresh())),
    vscode.commands.registerCommand('luna.openArtifact', guarded(async (taskId: string, artifact: Artifact) => {
      const client = await connection.get();
      if (client) await openArtifact(client, taskId, artifact);
    })),

    // keep the index fresh: a saved file is re-sent when its content changed since it was indexed
    // (only once this workspace has been indexed: the indexer's state says what was sent; never prompts for a key)
    vscode.workspace.onDidSaveTextDocument(doc => {
      if (!connection.config().indexOnSave || doc.uri.scheme !== 'file') return;
      void indexerFor(false).then(async ix => (ix && (await ix.hasState()) ? ix.refresh([doc.uri.fsPath]) : undefined))
        .then(o => { if (o && (o.sent.length || o.deleted.length)) output.appendLine(`index: refreshed ${[...o.sent, ...o.deleted].join(', ')}`); })
        .catch(e => output.appendLine(`index refresh failed: ${(e as Error).message}`));
    }),
    vscode.workspace.onDidDeleteFiles(e => {
      if (!connection.config().indexOnSave) return;
      void indexerFor(false).then(async ix => (ix && (await ix.hasState()) ? ix.refresh(e.files.map(f => f.fsPath)) : undefined)).catch(err => output.appendLine(`index refresh failed: ${(err as Error).message}`));
    }),
  );
}

export function deactivate(): void {}
