// Findings → the Problems panel: severity, "CWE-89 · rule" as the code (linking to the rule's help), the data-flow
// trace as related information, and a quick fix when the finding has a suggested fix.
import * as vscode from 'vscode';
import type { DiagnosticModel, Range as FindingRange } from '../core/sarif.js';
import { byFile } from '../core/sarif.js';

function severity(s: DiagnosticModel['severity']): vscode.DiagnosticSeverity {
  switch (s) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    case 'information': return vscode.DiagnosticSeverity.Information;
    default: return vscode.DiagnosticSeverity.Hint;
  }
}

export function toRange(r: FindingRange): vscode.Range {
  const startCol = Math.max((r.startColumn ?? 1) - 1, 0);
  const endCol = r.endColumn !== undefined ? Math.max(r.endColumn - 1, 0) : Number.MAX_SAFE_INTEGER;
  return new vscode.Range(Math.max(r.startLine - 1, 0), startCol, Math.max(r.endLine - 1, 0), endCol);
}

export class Findings implements vscode.CodeActionProvider {
  readonly collection = vscode.languages.createDiagnosticCollection('luna');
  private readonly models = new WeakMap<vscode.Diagnostic, DiagnosticModel>();

  /** Replaces the findings of the given files (all files when `only` is undefined) with these. */
  show(root: vscode.Uri, diagnostics: DiagnosticModel[], only?: vscode.Uri[]): void {
    if (only) for (const u of only) this.collection.delete(u);
    else this.collection.clear();
    for (const [path, models] of byFile(diagnostics)) {
      const uri = vscode.Uri.joinPath(root, ...path.split('/'));
      this.collection.set(uri, models.map(m => {
        const d = new vscode.Diagnostic(toRange(m.range), m.message, severity(m.severity));
        d.source = `Luna ${m.analyzer}`;
        const code = [...m.cwe, m.ruleId].join(' · ');
        d.code = m.helpUri ? { value: code, target: vscode.Uri.parse(m.helpUri) } : code;
        d.relatedInformation = m.related.map(r => new vscode.DiagnosticRelatedInformation(
          new vscode.Location(vscode.Uri.joinPath(root, ...r.path.split('/')), toRange(r.range)), r.message));
        this.models.set(d, m);
        return d;
      }));
    }
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const root = vscode.workspace.getWorkspaceFolder(document.uri)?.uri;
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      const m = this.models.get(d);
      if (!m?.fix || !root) continue;
      const action = new vscode.CodeAction(`Luna: ${m.fix.title}`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [d];
      if (m.fix.edits.length > 0) {
        const edit = new vscode.WorkspaceEdit();
        for (const e of m.fix.edits) edit.replace(vscode.Uri.joinPath(root, ...e.path.split('/')), toRange(e.range), e.text);
        action.edit = edit;
        action.isPreferred = true;
      } else {
        action.command = { command: 'luna.showFix', title: m.fix.title, arguments: [m] };
      }
      actions.push(action);
    }
    return actions;
  }
}

/** Shows a suggested fix that is text (a model's suggestion) beside the code, as Markdown. */
export async function showFix(m: DiagnosticModel): Promise<void> {
  const md = `# ${[...m.cwe, m.ruleId].join(' · ')}\n\n${m.message}\n\n\`${m.path}:${m.range.startLine}\`\n\n## Suggested fix\n\n${m.fix?.description ?? ''}\n`;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: md });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}
