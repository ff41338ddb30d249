// A payload form from a task type's JSON Schema, asked field by field (input boxes, quick picks); the source is the
// workspace. Returns undefined when the user cancels.
import * as vscode from 'vscode';
import { buildPayload, parseField, type Field } from '../core/schemaForm.js';

export async function askPayload(type: string, fields: Field[], source: () => Promise<unknown>, errors = new Map<string, string>(),
                                 previous: Record<string, unknown> = {}): Promise<{ payload: Record<string, unknown>; values: Record<string, unknown> } | undefined> {
  const values: Record<string, unknown> = {};
  for (const [i, f] of fields.entries()) {
    const title = `${type}: ${f.label}${f.required ? '' : ' (optional)'} — ${i + 1}/${fields.length}`;
    const error = errors.get(f.path);
    if (f.kind === 'source') { values[f.path] = await source(); continue; }
    if (f.kind === 'enum' || f.kind === 'boolean') {
      const options = f.kind === 'boolean' ? ['true', 'false'] : f.options!.map(String);
      const items = [...(f.required ? [] : [{ label: '(leave out)', description: f.default !== undefined ? `default ${JSON.stringify(f.default)}` : '' }]),
        ...options.map(o => ({ label: o, description: '' }))];
      const pick = await vscode.window.showQuickPick(items, { title, placeHolder: error ?? f.description, ignoreFocusOut: true });
      if (!pick) return undefined;
      values[f.path] = pick.label === '(leave out)' ? undefined : (parseField(f, pick.label) as { value: unknown }).value;
      continue;
    }
    if (f.kind === 'multiEnum') {
      const chosen = (previous[f.path] as string[] | undefined) ?? (f.default as string[] | undefined) ?? [];
      const picks = await vscode.window.showQuickPick(f.options!.map(o => ({ label: String(o), picked: chosen.includes(String(o)) })),
        { title, placeHolder: error ?? f.description, canPickMany: true, ignoreFocusOut: true });
      if (!picks) return undefined;
      const parsed = parseField(f, picks.map(p => p.label));
      values[f.path] = parsed.ok ? parsed.value : undefined;
      continue;
    }
    const prior = previous[f.path];
    const text = await vscode.window.showInputBox({
      title, prompt: [error ? `⚠ ${error}` : '', f.description ?? ''].filter(Boolean).join(' — '), ignoreFocusOut: true,
      value: prior !== undefined ? (Array.isArray(prior) ? prior.join(', ') : typeof prior === 'object' ? JSON.stringify(prior) : String(prior)) : '',
      placeHolder: f.example !== undefined ? `e.g. ${Array.isArray(f.example) ? f.example.join(', ') : String(f.example)}` :
        f.default !== undefined ? `default ${JSON.stringify(f.default)}` : undefined,
      validateInput: v => { const p = parseField(f, v); return p.ok ? undefined : `${f.label} ${p.error}`; },
    });
    if (text === undefined) return undefined;
    values[f.path] = (parseField(f, text) as { value: unknown }).value;
  }
  return { payload: buildPayload(values), values };
}
