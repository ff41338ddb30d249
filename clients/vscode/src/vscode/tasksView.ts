// The "Tasks" sidebar view: the tasks followed from this window (and the project's recent ones on refresh), each with
// its live progress; a finished task's artifacts are its children and open on click.
import * as vscode from 'vscode';
import type { Artifact, LunaClient, Task } from '../core/api.js';
import { describe as describeProgress, toUpdate, type ProgressUpdate } from '../core/follow.js';

export type TaskNode = { kind: 'task'; taskId: string } | { kind: 'artifact'; taskId: string; artifact: Artifact };

interface Entry { id: string; type: string; update: ProgressUpdate; artifacts?: Artifact[] }

export class TasksView implements vscode.TreeDataProvider<TaskNode> {
  private readonly tasks = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<TaskNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: () => Promise<LunaClient | undefined>) {}

  track(task: Task): void {
    this.tasks.set(task.id, { id: task.id, type: task.type, update: toUpdate(task, 'polling') });
    this.changed.fire(undefined);
  }

  update(u: ProgressUpdate): void {
    const e = this.tasks.get(u.taskId);
    if (!e) return;
    e.update = u;
    if (u.terminal) e.artifacts = undefined;
    this.changed.fire(undefined);
  }

  /** Loads the project's recent tasks into the view. */
  async refresh(): Promise<void> {
    const c = await this.client();
    if (!c) return;
    for (const t of await c.listTasks(20)) if (!this.tasks.has(t.id)) this.tasks.set(t.id, { id: t.id, type: t.type, update: toUpdate(t, 'polling') });
    this.changed.fire(undefined);
  }

  async getChildren(node?: TaskNode): Promise<TaskNode[]> {
    if (!node) return [...this.tasks.keys()].sort().reverse().map(taskId => ({ kind: 'task', taskId }));
    if (node.kind !== 'task') return [];
    const e = this.tasks.get(node.taskId)!;
    if (!e.update.terminal) return [];
    if (!e.artifacts) {
      const c = await this.client();
      e.artifacts = c ? await c.artifacts(e.id) : [];
    }
    return e.artifacts.map(artifact => ({ kind: 'artifact', taskId: e.id, artifact }));
  }

  getTreeItem(node: TaskNode): vscode.TreeItem {
    if (node.kind === 'artifact') {
      const item = new vscode.TreeItem(node.artifact.name, vscode.TreeItemCollapsibleState.None);
      item.description = `${node.artifact.contentType.split(';')[0]} · ${node.artifact.bytes} B`;
      item.iconPath = new vscode.ThemeIcon('file');
      item.command = { command: 'luna.openArtifact', title: 'Open', arguments: [node.taskId, node.artifact] };
      return item;
    }
    const e = this.tasks.get(node.taskId)!;
    const item = new vscode.TreeItem(`${e.type} ${e.id.slice(-6)}`,
      e.update.terminal ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = describeProgress(e.update);
    item.tooltip = [e.id, e.update.message, ...e.update.steps.map(s => `${s.name}: ${s.status}`)].filter(Boolean).join('\n');
    item.iconPath = new vscode.ThemeIcon(e.update.status === 'succeeded' ? 'pass' : e.update.terminal ? 'error' : 'sync~spin');
    return item;
  }
}
