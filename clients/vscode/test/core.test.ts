// The extension's logic (src/core) against a fresh local runtime (scripts/test-vscode starts it and sets LUNA_URL and
// LUNA_KEY): real HTTP, real files in temporary workspaces, no mocks.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { zipSync } from 'fflate';
import { LunaApiError, LunaClient } from '../src/core/api.js';
import { ask } from '../src/core/ask.js';
import { artifactKind } from '../src/core/artifacts.js';
import { describe as describeProgress, followTask, type ProgressUpdate } from '../src/core/follow.js';
import { fileStateStore, WorkspaceIndexer } from '../src/core/indexer.js';
import { byFile, sarifToDiagnostics } from '../src/core/sarif.js';
import { buildPayload, fieldErrors, fieldsOf, parseField } from '../src/core/schemaForm.js';
import { analyse, fileSource, submitWithAgent, workspaceSource } from '../src/core/tasks.js';
import { extractZip, UnsafeArchiveError } from '../src/core/unzip.js';
import { walkWorkspace } from '../src/core/walker.js';

const URL = process.env.LUNA_URL;
const KEY = process.env.LUNA_KEY;
if (!URL || !KEY) throw new Error('LUNA_URL and LUNA_KEY must point at a running Luna (scripts/test-vscode sets them)');

let tmp: string;
let admin: LunaClient;
let project: string;

async function write(root: string, files: Record<string, string>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.writeFile(path.join(root, rel), content);
  }
}

const ORDERS = `package shop;

import java.sql.*;
import javax.servlet.http.*;

public class Orders extends HttpServlet {
    Connection db;

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
        String id = req.getParameter("id");
        try {
            ResultSet rs = db.createStatement().executeQuery("SELECT * FROM orders WHERE id = " + id);
            resp.getWriter().println(rs.next());
        } catch (SQLException e) {
            resp.sendError(500);
        }
    }
}
`;

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'luna-vscode-'));
  admin = new LunaClient({ baseUrl: URL, apiKey: KEY, projectId: 'default' });
  // a project of its own, so the index holds only this test's files
  const p = await admin.request('POST', '/api/v1/projects', { name: `vscode-${Date.now()}` });
  project = p.id;
});

after(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

function client(now?: () => number): LunaClient {
  return new LunaClient({ baseUrl: URL!, apiKey: KEY!, projectId: project, now });
}

describe('API client', () => {
  test('exchanges the key for an access token once and refreshes it before it expires', async () => {
    let offset = 0;
    const c = client(() => Date.now() + offset);
    const first = await c.accessToken();
    assert.match(first, /^eyJ/);
    await c.taskTypes();
    await c.taskTypes();
    assert.equal(c.tokenGrants, 1, 'one exchange for many calls');
    offset = 10 * 60_000; // past the refresh time (the test runtime issues 30-second tokens; the default is 5 minutes)
    const types = await c.taskTypes();
    assert.ok(types.length >= 10);
    assert.equal(c.tokenGrants, 2);
    assert.notEqual(await c.accessToken(), first);
  });

  test('signing out revokes the session; the next call exchanges the key again', async () => {
    const c = client();
    const first = await c.accessToken();
    await c.signOut();
    const res = await fetch(`${URL}/api/v1/task-types`, { headers: { Authorization: `Bearer ${first}` } });
    assert.equal(res.status, 401, 'the revoked session\'s access token is refused');
    assert.ok((await c.taskTypes()).length > 0);
    assert.equal(c.tokenGrants, 2);
  });

  test('a refused key is a LunaApiError with the envelope code', async () => {
    const bad = new LunaClient({ baseUrl: URL!, apiKey: 'luna_not_a_real_key_000000000000', projectId: project });
    await assert.rejects(bad.taskTypes(), (e: unknown) => e instanceof LunaApiError && e.status === 401 && e.code === 'UNAUTHENTICATED');
  });

  test('an unreachable URL is reported as such', async () => {
    const nowhere = new LunaClient({ baseUrl: 'http://127.0.0.1:9', apiKey: KEY!, projectId: project });
    await assert.rejects(nowhere.taskTypes(), (e: unknown) => e instanceof LunaApiError && e.code === 'UNREACHABLE');
  });
});

describe('workspace walker', () => {
  test('honours nested .gitignore files, negations and leaves .git and binaries out', async () => {
    const root = path.join(tmp, 'walk');
    await write(root, {
      '.gitignore': 'build/\n*.log\n!keep.log\n',
      'src/App.java': 'class App {}\n',
      'src/gen/.gitignore': '*.generated.ts\n',
      'src/gen/a.generated.ts': 'x',
      'src/gen/b.ts': 'export const b = 1;\n',
      'build/out.txt': 'built',
      'debug.log': 'log',
      'keep.log': 'kept',
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    await fs.writeFile(path.join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    const { files, skipped } = await walkWorkspace(root);
    assert.deepEqual(files.map(f => f.path), ['.gitignore', 'keep.log', 'src/App.java', 'src/gen/.gitignore', 'src/gen/b.ts']);
    assert.deepEqual(skipped, [{ path: 'logo.png', reason: 'binary' }]);
  });
});

describe('indexing and asking', () => {
  let root: string;
  let indexer: WorkspaceIndexer;
  const c = () => client();

  before(async () => {
    root = path.join(tmp, 'ws');
    await write(root, {
      '.gitignore': 'secret/\n',
      'src/main/java/shop/PriceCalculator.java': 'package shop;\n\n/** Prices orders. */\npublic class PriceCalculator {\n    /** Total of all order lines minus the discount. */\n    public long totalCents(Order order) {\n        long sum = 0;\n        for (Line line : order.lines()) sum += line.cents();\n        return sum - order.discountCents();\n    }\n}\n',
      'docs/pricing.md': '# Pricing\n\n## Discounts\nDiscounts are applied to the order total, never per line.\n',
      'src/util/Strings.java': 'package util;\n\npublic final class Strings {\n    public static String shout(String s) {\n        return s.toUpperCase();\n    }\n}\n',
      'secret/Vault.java': 'class Vault { String zanzibarPassphrase = "q"; }\n',
    });
    indexer = new WorkspaceIndexer(c(), root, fileStateStore(path.join(tmp, 'state', 'index.json')));
  });

  test('indexes the workspace with progress, leaving git-ignored files out', async () => {
    const progress: string[] = [];
    const outcome = await indexer.index(p => progress.push(p.phase));
    assert.deepEqual(outcome.sent.sort(), ['.gitignore', 'docs/pricing.md', 'src/main/java/shop/PriceCalculator.java', 'src/util/Strings.java']);
    assert.equal(outcome.jobs.length, 1);
    assert.equal(outcome.jobs[0].status, 'succeeded');
    assert.equal(outcome.jobs[0].result!.filesIndexed, 4);
    assert.deepEqual([progress[0], progress.at(-1)], ['scanning', 'done']);
    assert.ok(progress.includes('indexing'));
    const hidden = await ask(c(), 'zanzibarPassphrase', { mode: 'keyword' });
    assert.ok(hidden.results.every(r => !r.path.startsWith('secret/')), JSON.stringify(hidden.results));
  });

  test('asking answers contexts with path and line range', async () => {
    const answer = await ask(c(), 'how is the order total computed', { topK: 3, tokenBudget: 500 });
    const top = answer.results[0];
    assert.equal(top.path, 'src/main/java/shop/PriceCalculator.java');
    assert.ok(top.startLine >= 1 && top.endLine >= top.startLine && top.endLine <= 11, `${top.startLine}-${top.endLine}`);
    assert.match(top.label, /^src\/main\/java\/shop\/PriceCalculator\.java:\d+(–\d+)?$/);
    assert.ok(answer.totalTokens <= 500);
    await assert.rejects(ask(c(), '   '), /Ask a question/);
  });

  test('a re-index with nothing changed sends nothing', async () => {
    assert.equal(await indexer.hasState(), true);
    const outcome = await indexer.index();
    assert.deepEqual(outcome.sent, []);
    assert.equal(outcome.jobs.length, 0);
    assert.equal(outcome.unchanged, 4);
  });

  test('on save only the changed file is sent, and the query finds its new text', async () => {
    const file = path.join(root, 'src/util/Strings.java');
    await fs.writeFile(file, 'package util;\n\npublic final class Strings {\n    public static String whisperQuietly(String s) {\n        return s.toLowerCase();\n    }\n}\n');
    // saving several files, one of them unchanged and one ignored: only the changed one goes
    const outcome = await indexer.refresh([file, path.join(root, 'docs/pricing.md'), path.join(root, 'secret/Vault.java')]);
    assert.deepEqual(outcome.sent, ['src/util/Strings.java']);
    assert.equal(outcome.unchanged, 1);
    assert.equal(outcome.jobs[0].result!.filesIndexed, 1);
    const found = await ask(c(), 'whisperQuietly', { mode: 'keyword', topK: 1 });
    assert.equal(found.results[0].path, 'src/util/Strings.java');
    assert.match(found.results[0].preview, /whisperQuietly/);
    const old = await ask(c(), 'shout', { mode: 'keyword' });
    assert.ok(old.results.every(r => !r.preview.includes('shout(')), 'the old text is gone');
  });

  test('a deleted file is removed from the index (a delete-only update)', async () => {
    const file = path.join(root, 'docs/pricing.md');
    await fs.rm(file);
    const outcome = await indexer.refresh([file]);
    assert.deepEqual(outcome.sent, []);
    assert.deepEqual(outcome.deleted, ['docs/pricing.md']);
    assert.equal(outcome.jobs[0].result!.filesDeleted, 1);
    const gone = await ask(c(), 'discounts applied', { mode: 'keyword', filters: { path: 'docs/**' } });
    assert.equal(gone.results.length, 0);
  });
});

describe('tasks', () => {
  test('a form from the echo schema: fields, constraints, payload', async () => {
    const echo = (await client().taskTypes()).find(t => t.name === 'echo')!;
    const fields = fieldsOf(echo.payloadSchema);
    assert.deepEqual(fields.map(f => [f.path, f.kind, f.required]),
      [['message', 'string', true], ['delayMs', 'integer', false], ['steps', 'integer', false], ['artifactName', 'string', false],
        ['failUntil', 'string', false]]);
    const steps = fields.find(f => f.path === 'steps')!;
    assert.deepEqual(parseField(steps, '25'), { ok: false, error: 'must be at most 20' });
    assert.deepEqual(parseField(steps, '2.5'), { ok: false, error: 'must be a whole number' });
    assert.deepEqual(parseField(fields[0], ''), { ok: false, error: 'is required' });
    const name = fields.find(f => f.path === 'artifactName')!;
    assert.equal(parseField(name, '../x').ok, false);
    assert.deepEqual(buildPayload({ message: 'hi', steps: 3, delayMs: undefined }), { message: 'hi', steps: 3 });
  });

  test('a form from the code-analysis schema: the source comes from the workspace, options are flattened', async () => {
    const ca = (await client().taskTypes()).find(t => t.name === 'code-analysis')!;
    const fields = fieldsOf(ca.payloadSchema);
    assert.equal(fields[0].path, 'source');
    assert.equal(fields[0].kind, 'source');
    const rules = fields.find(f => f.path === 'options.rules')!;
    assert.equal(rules.kind, 'multiEnum');
    assert.deepEqual(parseField(rules, ['security', 'style']), { ok: false, error: '"style" is not one of security, quality, secrets, dependencies, metrics' });
    assert.deepEqual(buildPayload({ 'options.rules': ['security'], 'options.maxFindings': 5 }), { options: { rules: ['security'], maxFindings: 5 } });
    // the API's own field errors land on the form's field
    const c = client();
    const e = await c.submitTask('code-analysis', { source: { type: 'inline', files: [{ path: 'A.java', content: 'class A {}' }] }, options: { rules: ['style'] } })
      .then(() => undefined, x => x as LunaApiError);
    assert.ok(e instanceof LunaApiError && e.status === 400, String(e));
    assert.equal(fieldErrors(e.details, fields).has('options.rules'), true, JSON.stringify(e.details));
  });

  test('echo: submitted (an agent registered when the project has none) and followed live to 100 %', async () => {
    const c = client();
    let asked = 0;
    const task = await submitWithAgent(c, 'echo', { message: 'from vscode', steps: 3, delayMs: 1500, artifactName: 'echo.txt' },
      async () => { asked++; return true; });
    assert.equal(asked, 1, 'the project had no echo agent: the user was asked once');
    const updates: ProgressUpdate[] = [];
    const done = await followTask(c, task.id, u => updates.push(u));
    assert.equal(done.status, 'succeeded');
    assert.ok(updates.every(u => u.via === 'stream'));
    assert.ok(updates.some(u => u.status === 'running' && u.percentage < 100), JSON.stringify(updates.map(describeProgress)));
    const last = updates.at(-1)!;
    assert.equal(last.percentage, 100);
    assert.equal(last.terminal, true);
    assert.match(describeProgress(last), /^succeeded · .*100 %$/);
    const percents = updates.map(u => u.percentage);
    assert.deepEqual(percents, [...percents].sort((a, b) => a - b), 'progress never goes back');
    const arts = await c.artifacts(task.id);
    assert.deepEqual(arts.map(a => [a.name, artifactKind(a)]), [['echo.txt', 'text']]);
    assert.equal(Buffer.from(await c.downloadArtifact(task.id, 'echo.txt')).toString(), 'from vscode');
  });

  test('echo followed by polling when asked to (where the stream is not served)', async () => {
    const c = client();
    const task = await submitWithAgent(c, 'echo', { message: 'polled', steps: 2, delayMs: 800 }, async () => false);
    const updates: ProgressUpdate[] = [];
    const done = await followTask(c, task.id, u => updates.push(u), { forcePolling: true, pollMs: 100 });
    assert.equal(done.status, 'succeeded');
    assert.ok(updates.every(u => u.via === 'polling'));
    assert.equal(updates.at(-1)!.percentage, 100);
  });

  test('following an unknown task is a NOT_FOUND, not a fall-back to polling', async () => {
    await assert.rejects(followTask(client(), 'tsk_00000000000000000000000000', () => assert.fail('no update expected')),
      (e: unknown) => e instanceof LunaApiError && e.status === 404 && e.code === 'NOT_FOUND');
  });

  test('without an agent and without consent, AGENT_UNAVAILABLE reaches the caller', async () => {
    const c = client();
    await assert.rejects(submitWithAgent(c, 'requirements-generation', { source: { type: 'inline', files: [{ path: 'a.md', content: '# A' }] } }, async () => false),
      (e: unknown) => e instanceof LunaApiError && e.code === 'AGENT_UNAVAILABLE');
  });

  test('a generated project.zip is downloaded and extracted into a folder', async () => {
    const c = client();
    const source = { type: 'inline', files: [{ path: 'src/main/java/shop/PetController.java', content:
      'package shop;\nimport org.springframework.web.bind.annotation.*;\n@RestController\n@RequestMapping("/pets")\npublic class PetController {\n  @GetMapping("/{id}") public String get(@PathVariable String id) { return id; }\n}\n' }] };
    const task = await submitWithAgent(c, 'app-generation-openai', { source });
    const done = await followTask(c, task.id, () => {});
    assert.equal(done.status, 'succeeded', JSON.stringify(done.error));
    const zip = (await c.artifacts(task.id)).find(a => artifactKind(a) === 'zip');
    assert.ok(zip, 'a zip artifact');
    const bytes = await c.downloadArtifact(task.id, zip.name);
    const dest = path.join(tmp, 'generated');
    const written = await extractZip(bytes, dest);
    assert.ok(written.length > 3);
    assert.ok(written.some(p => p.endsWith('package.json')), written.join(', '));
    for (const p of written) assert.ok((await fs.stat(path.join(dest, p))).isFile());
  });
});

describe('safe extraction', () => {
  test('entries that leave the folder are refused before anything is written', async () => {
    const dest = path.join(tmp, 'unsafe');
    for (const name of ['../evil.txt', 'a/../../evil.txt', '/etc/evil', 'C:/evil', 'a\\..\\evil']) {
      const zip = zipSync({ 'ok.txt': new TextEncoder().encode('ok'), [name]: new TextEncoder().encode('bad') });
      await assert.rejects(extractZip(zip, dest), UnsafeArchiveError, name);
    }
    await assert.rejects(fs.stat(path.join(tmp, 'evil.txt')));
    await assert.rejects(fs.stat(path.join(dest, 'ok.txt')), 'nothing written from a refused archive');
  });

  test('a zip that expands beyond the limit is refused by its declared sizes', async () => {
    const zip = zipSync({ 'big.txt': new Uint8Array(2_000_000) }, { level: 9 });
    assert.ok(zip.length < 20_000);
    await assert.rejects(extractZip(zip, path.join(tmp, 'bomb'), { maxTotalBytes: 1_000_000 }), /expands beyond/);
  });
});

describe('analysis', () => {
  test('the current file: findings become diagnostics with CWE, severity and the data flow as related information', async () => {
    const root = path.join(tmp, 'analyse');
    await write(root, { 'src/main/java/shop/Orders.java': ORDERS, 'README.md': '# Shop\n' });
    const c = client();
    const updates: ProgressUpdate[] = [];
    const outcome = await analyse(c, await fileSource(root, path.join(root, 'src/main/java/shop/Orders.java')), u => updates.push(u),
      { analysisOptions: { rules: ['security'] } });
    assert.equal(outcome.task.status, 'succeeded');
    assert.ok(updates.some(u => u.stage === 'analyse' || u.steps.some(s => s.name === 'analyse')), JSON.stringify(updates.map(u => u.stage)));
    const sqli = outcome.diagnostics.find(d => d.cwe.includes('CWE-89'));
    assert.ok(sqli, JSON.stringify(outcome.diagnostics.map(d => [d.ruleId, d.cwe])));
    assert.equal(sqli.path, 'src/main/java/shop/Orders.java');
    assert.equal(sqli.range.startLine, 12);
    assert.equal(sqli.severity, 'error');
    assert.ok(sqli.related.length >= 2, 'the trace from source to sink');
    assert.equal(sqli.related[0].range.startLine, 10, 'the trace starts at getParameter');
    assert.match(sqli.related[0].message, /^1\. /);
    assert.ok(sqli.related.every(r => r.path === 'src/main/java/shop/Orders.java'));
    assert.deepEqual([...byFile(outcome.diagnostics).keys()], ['src/main/java/shop/Orders.java']);
  });

  test('the workspace, sent as a source with its .gitignore honoured', async () => {
    const root = path.join(tmp, 'analyse-ws');
    await write(root, { '.gitignore': 'vendor/\n', 'src/main/java/shop/Orders.java': ORDERS, 'vendor/Other.java': ORDERS.replace('Orders', 'Other') });
    const source = await workspaceSource(root) as any;
    assert.equal(source.type, 'inline');
    assert.deepEqual(source.files.map((f: any) => f.path), ['.gitignore', 'src/main/java/shop/Orders.java']);
    const outcome = await analyse(client(), source, () => {}, { analysisOptions: { rules: ['security'] } });
    const files = [...byFile(outcome.diagnostics).keys()];
    assert.deepEqual(files, ['src/main/java/shop/Orders.java']);
  });

  test('a large workspace goes as a zip archive, which code-analysis reads', async () => {
    const root = path.join(tmp, 'analyse-big');
    const files: Record<string, string> = { 'src/main/java/shop/Orders.java': ORDERS };
    for (let i = 0; i < 40; i++) files[`src/F${i}.java`] = `class F${i} {\n${'    int x = 1; // filler line\n'.repeat(600)}}\n`;
    await write(root, files);
    const source = await workspaceSource(root) as any;
    assert.equal(source.type, 'archive');
    assert.equal(source.format, 'zip');
    assert.ok(source.contentBase64.length < 1000 * 1024);
    const outcome = await analyse(client(), source, () => {}, { analysisOptions: { rules: ['security'] } });
    assert.deepEqual([...byFile(outcome.diagnostics).keys()], ['src/main/java/shop/Orders.java']);
    assert.ok(outcome.diagnostics.some(d => d.cwe.includes('CWE-89')));
  });

  test('a suggested fix: SARIF fixes become edits; a model explanation matched by fingerprint becomes a fix to show', () => {
    const sarif = {
      version: '2.1.0',
      runs: [{
        tool: { driver: { name: 'luna-security', rules: [{ id: 'java.sqli', properties: { tags: ['security', 'CWE-89'] } }] } },
        results: [
          { ruleId: 'java.sqli', ruleIndex: 0, level: 'error', message: { text: 'SQL built from input' }, partialFingerprints: { 'lunaFingerprint/v1': 'fp1' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'A.java', uriBaseId: 'SRCROOT' }, region: { startLine: 3 } } }] },
          { ruleId: 'java.sqli', ruleIndex: 0, level: 'warning', message: { text: 'again' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'B.java' }, region: { startLine: 5, startColumn: 9, endLine: 5, endColumn: 20 } } }],
            fixes: [{ description: { text: 'Use a PreparedStatement' }, artifactChanges: [{ artifactLocation: { uri: 'B.java' },
              replacements: [{ deletedRegion: { startLine: 5, startColumn: 9, endLine: 5, endColumn: 20 }, insertedContent: { text: 'ps.executeQuery()' } }] }] }] },
        ],
      }],
    };
    const ds = sarifToDiagnostics(sarif, [{ fingerprint: 'fp1', explanation: 'Input reaches the query.', fix: 'Bind the id as a parameter.', confidence: 'high' }]);
    assert.deepEqual(ds.map(d => d.cwe), [['CWE-89'], ['CWE-89']]);
    assert.equal(ds[0].fix?.edits.length, 0);
    assert.match(ds[0].fix!.description!, /Bind the id/);
    assert.deepEqual(ds[1].fix, { title: 'Use a PreparedStatement', description: undefined,
      edits: [{ path: 'B.java', range: { startLine: 5, startColumn: 9, endLine: 5, endColumn: 20 }, text: 'ps.executeQuery()' }] });
    assert.throws(() => sarifToDiagnostics({ version: '1.0' }), /not a SARIF 2.1.0 log/);
  });
});
