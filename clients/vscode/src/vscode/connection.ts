// Settings → a LunaClient: the URL and project from the settings, the API key from SecretStorage (never settings.json).
import * as vscode from 'vscode';
import { LunaClient } from '../core/api.js';

const SECRET = 'luna.apiKey';

export class Connection {
  private client?: LunaClient;
  private signature = '';

  constructor(private readonly secrets: vscode.SecretStorage) {}

  config(): { url: string; project: string; indexOnSave: boolean } {
    const c = vscode.workspace.getConfiguration('luna');
    return { url: c.get<string>('url', 'http://localhost:8080'), project: c.get<string>('project', 'default'), indexOnSave: c.get<boolean>('indexOnSave', true) };
  }

  /** The client for the current settings; asks for the API key when none is stored. Undefined when the user gives none. */
  async get(prompt = true): Promise<LunaClient | undefined> {
    const { url, project } = this.config();
    let key = await this.secrets.get(SECRET);
    if (!key && !prompt) return undefined;
    if (!key) {
      key = await this.promptKey();
      if (!key) return undefined;
    }
    const sig = `${url}\n${project}\n${key}`;
    if (!this.client || sig !== this.signature) {
      this.client = new LunaClient({ baseUrl: url, apiKey: key, projectId: project });
      this.signature = sig;
    }
    return this.client;
  }

  async promptKey(): Promise<string | undefined> {
    const key = await vscode.window.showInputBox({
      title: 'Luna API key', prompt: 'An API key (luna_…); kept in VS Code\'s secret storage', password: true, ignoreFocusOut: true,
      validateInput: v => (v.trim().startsWith('luna_') ? undefined : 'A Luna API key starts with luna_'),
    });
    if (!key) return undefined;
    await this.secrets.store(SECRET, key.trim());
    return key.trim();
  }

  async clearKey(): Promise<void> {
    await this.client?.signOut();
    this.client = undefined;
    await this.secrets.delete(SECRET);
  }
}
