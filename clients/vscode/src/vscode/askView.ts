// The "Ask the Codebase" sidebar view: the last answer's contexts; selecting one opens its file at its line range.
import * as vscode from 'vscode';
import type { AskResult } from '../core/ask.js';

export class AskView implements vscode.TreeDataProvider<AskResult> {
  private results: AskResult[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly root: () => vscode.Uri | undefined) {}

  show(results: AskResult[]): void {
    this.results = results;
    this.changed.fire();
  }

  getChildren(): AskResult[] {
    return this.results;
  }

  getTreeItem(r: AskResult): vscode.TreeItem {
    const item = new vscode.TreeItem(r.label, vscode.TreeItemCollapsibleState.None);
    item.description = r.detail;
    item.tooltip = new vscode.MarkdownString().appendCodeblock(r.preview);
    item.iconPath = new vscode.ThemeIcon('symbol-snippet');
    item.command = { command: 'luna.openLocation', title: 'Open', arguments: [r] };
    return item;
  }

  /** Opens a result at its exact line range (1-based inclusive in the API; 0-based in VS Code). */
  async open(r: AskResult): Promise<void> {
    const root = this.root();
    if (!root) return;
    const uri = vscode.Uri.joinPath(root, ...r.path.split('/'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const end = doc.lineAt(Math.min(r.endLine, doc.lineCount) - 1).range.end;
    const range = new vscode.Range(new vscode.Position(Math.max(r.startLine - 1, 0), 0), end);
    await vscode.window.showTextDocument(doc, { selection: range, preview: true });
  }
}
