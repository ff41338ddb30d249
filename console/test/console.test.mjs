// The console in a real browser (Debian's Chromium driven by playwright-core) against a fresh local runtime that
// scripts/test-console started: LUNA_URL, LUNA_KEY (admin) and CONSOLE_ARTIFACTS (screenshots) come from it.
// One browser, the steps in order: each builds on the one before (the agent registered is the one tasks run on).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, signIn as signInAt } from './browser.mjs';

const require = createRequire(import.meta.url);
const BASE = process.env.LUNA_URL;
const ADMIN_KEY = process.env.LUNA_KEY;
const IDP = process.env.LUNA_IDP_URL;
const SHOTS = process.env.CONSOLE_ARTIFACTS ?? new URL('../test-artifacts/', import.meta.url).pathname;
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
assert.ok(BASE && ADMIN_KEY && IDP, 'LUNA_URL, LUNA_KEY and LUNA_IDP_URL must be set (run scripts/test-console)');
mkdirSync(SHOTS, { recursive: true });

let browser;
let page;
const consoleErrors = [];

async function api(method, path, body, key = ADMIN_KEY) {
  const r = await fetch(`${BASE}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

/** axe-core on the page as it is: no serious or critical violation. */
async function axe(name) {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })));
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `axe on ${name}: ${JSON.stringify(serious, null, 2)}`);
  return violations;
}

async function shot(name) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/**
 * A full page load, as a user's reload. Refresh tokens rotate: a refresh the page is sending when it unloads may be
 * spent by the platform with its answer lost, and the reloaded page is then signed out. The test's 30-second tokens
 * are refreshed with 6 to 10 seconds left, so a reload waits until a due refresh has been stored.
 */
async function visit(url) {
  const left = () => page.evaluate(() => {
    const s = JSON.parse(sessionStorage.getItem('luna.session') ?? 'null');
    return s && s.kind !== 'sso' ? { token: s.accessToken, left: s.expiresAt - Date.now() } : null;
  }).catch(() => null);
  const before = await left();
  if (before && before.left < 12_000) {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const now = await left();
      if (!now || now.token !== before.token) break;
      await page.waitForTimeout(100);
    }
  }
  await page.goto(url);
}

async function go(path, heading) {
  await visit(`${BASE}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

const signIn = (key) => signInAt(page, BASE, key);

before(async () => {
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, colorScheme: 'light' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  // a refused token refresh, and rate limiting, are printed: they explain a console that signed itself out
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if ((path === '/api/v1/auth/refresh' && r.status() >= 400) || r.status() === 429) {
      console.error(`console test: ${new Date().toISOString()} ${r.request().method()} ${path} answered ${r.status()}`);
    }
  });
});

after(async () => {
  await browser?.close();
});

test('the runtime serves the console at / with an SPA fallback, and the API beside it', async () => {
  const index = await fetch(`${BASE}/tasks/some-task`);
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type'), /text\/html/);
  assert.match(await index.text(), /<div id="root">/);
  const missing = await fetch(`${BASE}/assets/no-such-file.js`);
  assert.equal(missing.status, 404);
  const route = await fetch(`${BASE}/api/v1/no-such-route`);
  assert.equal(route.status, 404);
  assert.equal((await route.json()).error.code, 'ROUTE_NOT_FOUND');
});

test('the platform offers sign-in with its SSO provider, found through the provider\'s discovery document', async () => {
  const r = await fetch(`${BASE}/api/v1/auth/sso`);
  assert.equal(r.status, 200);
  const sso = (await r.json()).data;
  assert.deepEqual(sso, { enabled: true, issuer: IDP, clientId: 'luna-console', audience: 'luna-api',
    authorizationEndpoint: `${IDP}/authorize`, tokenEndpoint: `${IDP}/token`, scopes: 'openid profile email' });
});

test('SSO sign-in: a wrong PKCE verifier is refused by the provider and shown; the right one signs in to the overview', async () => {
  // the token request leaves the browser with its code_verifier altered: the provider must refuse the code
  let altered = 0;
  await page.route(`${IDP}/token`, (route) => {
    const form = new URLSearchParams(route.request().postData() ?? '');
    assert.equal(form.get('grant_type'), 'authorization_code');
    assert.match(form.get('code_verifier'), /^[A-Za-z0-9_-]{43}$/);
    form.set('code_verifier', `${form.get('code_verifier').slice(0, 42)}${form.get('code_verifier').endsWith('A') ? 'B' : 'A'}`);
    altered++;
    return route.continue({ postData: form.toString() });
  });
  await visit(`${BASE}/`);
  await page.getByRole('button', { name: 'Sign in with SSO' }).click();
  await page.getByRole('heading', { level: 1, name: 'Signing in with SSO' }).waitFor();
  const refusal = page.getByRole('alert');
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /invalid_grant.*PKCE verification failed/s);
  assert.equal(altered, 1);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('luna.session')), null, 'not signed in');
  await axe('SSO sign-in refused');
  await shot('00-sso-refused');
  await page.unroute(`${IDP}/token`);

  // the authorization request carries an S256 challenge; the provider redirects back and the code is redeemed
  const [authorize] = await Promise.all([
    page.waitForRequest((req) => req.url().startsWith(`${IDP}/authorize`)),
    page.getByRole('link', { name: 'Back to sign-in' }).click().then(() => page.getByRole('button', { name: 'Sign in with SSO' }).click()),
  ]);
  const q = new URL(authorize.url()).searchParams;
  assert.equal(q.get('code_challenge_method'), 'S256');
  assert.equal(q.get('client_id'), 'luna-console');
  assert.equal(q.get('redirect_uri'), `${BASE}/auth/callback`);
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  await page.getByText('sso|carol@example.com · developer').waitFor();
  await page.getByRole('heading', { name: 'Agents by health' }).waitFor();
  const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('luna.session')));
  assert.equal(session.kind, 'sso');
  assert.ok(session.scopes.includes('tasks:write') && !session.scopes.includes('admin:full_access'), JSON.stringify(session.scopes));
  // the bearer the console uses is the provider's token, accepted by the platform
  const me = await fetch(`${BASE}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${session.accessToken}` } });
  assert.equal((await me.json()).data.subject, 'sso|carol@example.com');
  await page.getByRole('link', { name: 'Tasks', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
  await page.getByRole('button', { name: 'Submit task' }).waitFor(); // a developer in the project: writes offered
  await axe('overview (SSO)');
  await shot('00-sso-signed-in');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in with SSO' }).waitFor();
});

test('a wrong key is refused on the sign-in page; the admin key signs in to the overview', async () => {
  await visit(`${BASE}/`);
  await page.getByLabel('API key').fill('luna_not_a_real_key_000000000000');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('alert').waitFor();
  await axe('sign-in');
  await shot('01-sign-in-refused');
  await signIn(ADMIN_KEY);
  await page.getByRole('heading', { name: 'Agents by health' }).waitFor();
  await page.getByText(/this minute/).waitFor();
  await axe('overview');
  await shot('02-overview');
});

let agentUrl;
test('register an agent that runs echo tasks, and start it', async () => {
  await page.getByRole('link', { name: 'Agents', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Agents' }).waitFor();
  await page.getByRole('button', { name: 'Register agent' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Console Echo');
  await page.getByLabel('Version').fill('1.0');
  await page.getByLabel('Capabilities (task types)').fill('echo');
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  // a bad version is refused with the field's message under the field
  await page.locator('#agent-version-error').waitFor();
  assert.match(await page.locator('#agent-version-error').innerText(), /semantic version/);
  await page.getByLabel('Version').fill('1.0.0');
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Console Echo/ }).waitFor();
  agentUrl = page.url();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { level: 1, name: /Console Echo.*running/ }).waitFor();
  await page.getByRole('button', { name: 'Stop' }).waitFor();
  await axe('agent detail');
  await shot('03-agent-detail');
  await go('/agents', 'Agents');
  await page.getByRole('link', { name: 'Console Echo' }).waitFor();
  await axe('agents');
  await shot('04-agents');
});

test('the submit form comes from the type\'s schema, and a validation error shows the field\'s message', async () => {
  await go('/tasks/new', 'Submit a task');
  await page.getByLabel('Task type').selectOption('echo');
  await page.getByLabel('Steps').fill('99');
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  const stepsError = page.locator('#f-payload-steps-error');
  await stepsError.waitFor();
  assert.match(await stepsError.innerText(), /maximum value of 20/);
  assert.match(await page.locator('#f-payload-message-error').innerText(), /required/);
  assert.equal(await page.getByLabel('Steps').getAttribute('aria-invalid'), 'true');
  await axe('task submit with errors');
  await shot('05-task-validation-error');
});

let taskUrl;
test('an echo task submitted from the form shows its progress live up to 100 %', async () => {
  await page.getByLabel('Message').fill('hello from the console');
  await page.getByLabel('Steps').fill('5');
  await page.getByLabel('Delay ms').fill('4000');
  await page.getByLabel('Artifact name').fill('echo.txt');
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /echo task/ }).waitFor();
  taskUrl = page.url();
  assert.match(taskUrl, /\/tasks\/tsk_/);
  // watch the percentage the page shows while the task runs: it must move through intermediate values to 100
  const seen = new Set();
  const modes = new Set();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const text = await page.getByTestId('progress-text').innerText();
    const pct = Number(/(\d+) %/.exec(text)?.[1]);
    seen.add(pct);
    modes.add(await page.getByText(/Following live|Finished/).innerText());
    if (pct === 100) break;
    await page.waitForTimeout(100);
  }
  const values = [...seen].sort((a, b) => a - b);
  assert.ok(seen.has(100), `progress reached 100 %: saw ${values}`);
  assert.ok(values.some((v) => v > 0 && v < 100), `progress was seen in between: saw ${values}`);
  await page.getByRole('heading', { level: 1, name: /echo task.*succeeded/ }).waitFor();
  assert.ok(modes.has('Following live (event stream)'), `followed through the event stream while it ran: ${[...modes]}`);
  await shot('06-task-succeeded');
});

test('where the event stream is not served, the task page polls and still shows progress live to 100 %', async () => {
  const submitted = await api('POST', '/api/v1/tasks', { type: 'echo', payload: { message: 'polled', steps: 4, delayMs: 3000 } });
  assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
  const id = submitted.body.data.id;
  // as on a platform without the stream: its route answers 404 in the error envelope
  await page.route(`**/api/v1/tasks/${id}/events*`, (route) => route.fulfill({
    status: 404, contentType: 'application/json',
    body: JSON.stringify({ error: { code: 'ROUTE_NOT_FOUND', message: 'No route', requestId: 'req_test' } }),
  }));
  await visit(`${BASE}/tasks/${id}`);
  await page.getByText('Following live (polling every second)').waitFor();
  const seen = new Set();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const pct = Number(/(\d+) %/.exec(await page.getByTestId('progress-text').innerText())?.[1]);
    seen.add(pct);
    if (pct === 100) break;
    await page.waitForTimeout(100);
  }
  const values = [...seen].sort((a, b) => a - b);
  assert.ok(seen.has(100) && values.some((v) => v > 0 && v < 100), `polled progress: saw ${values}`);
  await page.getByRole('heading', { level: 1, name: /echo task.*succeeded/ }).waitFor();
  await page.unroute(`**/api/v1/tasks/${id}/events*`);
  await visit(taskUrl);
  await page.getByRole('heading', { level: 1, name: /echo task.*succeeded/ }).waitFor();
});

test('the task\'s artifact is previewed and downloads with its content', async () => {
  const preview = page.getByLabel('Contents of echo.txt');
  await preview.waitFor();
  assert.equal((await preview.innerText()).trim(), 'hello from the console');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download echo.txt' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'echo.txt');
  assert.equal(readFileSync(await download.path(), 'utf8'), 'hello from the console');
  await axe('task detail');
  await go('/tasks', 'Tasks');
  await page.getByRole('link', { name: new URL(taskUrl).pathname.split('/').pop() }).waitFor();
  await axe('tasks');
  await shot('07-tasks');
});

/** Polls a task through the API until it has finished. */
async function finished(id) {
  for (let i = 0; i < 300; i++) {
    const t = (await api('GET', `/api/v1/tasks/${id}`)).body.data;
    if (['succeeded', 'failed', 'cancelled', 'timed_out', 'dead_lettered'].includes(t.status)) return t;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`task ${id} did not finish`);
}

test('results are rendered per type: Mermaid diagrams for design-architecture, a findings table for code-analysis', async () => {
  const agent = await api('POST', '/api/v1/agents', { name: 'Console Analyst', type: 'task-executor', version: '1.0.0',
    config: { runtime: 'java', capabilities: ['design-architecture', 'code-analysis'] } });
  assert.equal(agent.status, 201, JSON.stringify(agent.body));
  await api('POST', `/api/v1/agents/${agent.body.data.id}/start`);
  const files = [
    { path: 'pom.xml', content: '<project><modelVersion>4.0.0</modelVersion><groupId>acme</groupId><artifactId>library</artifactId><version>1</version><dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency></dependencies></project>' },
    { path: 'src/main/java/acme/web/BookController.java', content: 'package acme.web;\nimport acme.service.BookService;\nimport org.springframework.web.bind.annotation.*;\n@RestController\npublic class BookController {\n  BookService books;\n  @GetMapping("/books/{id}")\n  public String get(@PathVariable long id) { return books.find(id); }\n}\n' },
    { path: 'src/main/java/acme/service/BookService.java', content: 'package acme.service;\n@org.springframework.stereotype.Service\npublic class BookService {\n  public String find(long id) { return "b" + id; }\n}\n' },
    { path: 'src/main/java/acme/web/Users.java', content: 'package acme.web;\nimport java.sql.*;\nimport javax.servlet.http.*;\npublic class Users extends HttpServlet {\n  Connection c;\n  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws Exception {\n    String id = req.getParameter("id");\n    c.createStatement().executeQuery("select * from users where id = " + id);\n  }\n}\n' },
  ];
  const design = await api('POST', '/api/v1/tasks', { type: 'design-architecture', payload: { source: { type: 'inline', files } } });
  const analysis = await api('POST', '/api/v1/tasks', { type: 'code-analysis', payload: { source: { type: 'inline', files } } });
  assert.equal(design.status, 201, JSON.stringify(design.body));
  assert.equal(analysis.status, 201, JSON.stringify(analysis.body));
  assert.equal((await finished(design.body.data.id)).status, 'succeeded');
  assert.equal((await finished(analysis.body.data.id)).status, 'succeeded');

  await visit(`${BASE}/tasks/${design.body.data.id}`);
  await page.getByRole('heading', { level: 1, name: /design-architecture task.*succeeded/ }).waitFor();
  await page.getByRole('heading', { name: 'architecture.md' }).waitFor();
  await page.locator('.markdown h1').first().waitFor();
  await page.locator('.mermaid svg').first().waitFor();
  assert.ok(await page.locator('.mermaid svg').count() >= 1);
  await page.getByRole('button', { name: /context\.mmd/ }).click();
  await page.getByRole('heading', { name: 'diagrams/context.mmd' }).waitFor();
  await page.locator('.mermaid svg').first().waitFor();
  await axe('design-architecture result');
  await shot('08-design-architecture');

  await visit(`${BASE}/tasks/${analysis.body.data.id}`);
  await page.getByRole('heading', { level: 1, name: /code-analysis task.*succeeded/ }).waitFor();
  const title = page.getByRole('heading', { name: /^Findings \(/ });
  await title.waitFor();
  const total = Number(/of (\d+)\)/.exec(await title.innerText())[1]);
  assert.ok(total >= 1, 'the SQL built from a request parameter is reported');
  await page.getByLabel('Search').fill('no finding matches this text');
  await page.getByRole('heading', { name: `Findings (0 of ${total})` }).waitFor();
  await page.getByLabel('Search').fill('');
  await page.getByRole('heading', { name: `Findings (${total} of ${total})` }).waitFor();
  await page.locator('.markdown h1').first().waitFor(); // report.md rendered: the page has stopped growing
  await page.waitForLoadState('networkidle');
  await axe('code-analysis result');
  await shot('09-code-analysis');
});

test('the other pages render and pass axe: queues, RAG, usage, admin; their schema forms work; dark mode too', async () => {
  for (const [path, heading, name] of [
    ['/queues', 'Queues and dead letters', '10-queues'],
    ['/rag', 'Code retrieval (RAG)', '11-rag'],
    ['/usage', 'Usage and budgets', '12-usage'],
    ['/admin', 'Administration', '13-admin'],
  ]) {
    await go(path, heading);
    await page.waitForLoadState('networkidle');
    await axe(heading);
    await shot(name);
  }
  // forms generated from the API's own schemas (OpenAPI components): a budget, an API key shown once
  await go('/usage', 'Usage and budgets');
  const budget = page.getByRole('form', { name: 'Set a budget' });
  await budget.getByLabel('Monthly limit usd').fill('25');
  await budget.getByRole('button', { name: 'Save budget' }).click();
  await page.getByText(/project: \$25\.00 a month/).waitFor();
  await go('/admin', 'Administration');
  const keyForm = page.getByRole('form', { name: 'Create an API key' });
  await keyForm.getByLabel(/^Name/).fill('made in the console');
  await keyForm.getByLabel('tasks:read').check();
  await keyForm.getByRole('button', { name: 'Create key' }).click();
  const secret = await page.getByTestId('new-key-secret').innerText();
  assert.match(secret, /^luna_/);
  assert.equal((await fetch(`${BASE}/api/v1/tasks?limit=1`, { headers: { Authorization: `Bearer ${secret}` } })).status, 200);
  await page.getByRole('button', { name: 'I have stored it' }).click();
  assert.equal(await page.getByTestId('new-key-secret').count(), 0);
  await page.getByRole('button', { name: 'Dark mode' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await go('/', 'Overview');
  await page.getByText(/this minute/).waitFor();
  await axe('overview (dark)');
  await shot('14-overview-dark');
  await page.getByRole('button', { name: 'Dark mode' }).click();
});

test('on a phone-sized screen the navigation folds into a menu', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await go('/', 'Overview');
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Tasks', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
  await axe('tasks (phone)');
  await shot('15-tasks-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('the access token is refreshed silently before it expires, and the console keeps working', async () => {
  // scripts/test-console gives access tokens 30 s: the console refreshes at 80 % of that
  const token = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('luna.session') ?? '{}').accessToken);
  const first = await token();
  assert.ok(first, 'signed in');
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline && (await token()) === first) await page.waitForTimeout(500);
  const second = await token();
  assert.notEqual(second, first, 'a new access token within 40 s');
  await go('/agents', 'Agents');
  await page.getByRole('link', { name: 'Console Echo' }).waitFor();
  const answer = await fetch(`${BASE}/api/v1/agents?limit=1`, { headers: { Authorization: `Bearer ${second}` } });
  assert.equal(answer.status, 200, 'the refreshed token is accepted by the API');
});

const USERS_JAVA = 'package acme.web;\nimport java.sql.*;\nimport javax.servlet.http.*;\npublic class Users extends HttpServlet {\n  Connection c;\n  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws Exception {\n    String id = req.getParameter("id");\n    c.createStatement().executeQuery("select * from users where id = " + id);\n  }\n}\n';

test('a task is submitted with an uploaded zip archive as its source, and its result comes from the archive\'s files', async () => {
  // a small zip built here (python3's zipfile: real deflate entries), uploaded through the form's file input
  const dir = mkdtempSync(join(tmpdir(), 'console-zip-'));
  const zip = join(dir, 'shop.zip');
  execFileSync('python3', ['-c', `import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('pom.xml', '<project><modelVersion>4.0.0</modelVersion><groupId>acme</groupId><artifactId>shop</artifactId><version>1</version></project>')
    z.writestr('src/main/java/acme/web/Users.java', sys.argv[2])`, zip, USERS_JAVA]);
  await go('/tasks/new', 'Submit a task');
  await page.getByLabel('Task type').selectOption('code-analysis');
  await page.getByRole('radiogroup', { name: /Source: kind/ }).getByLabel('An archive').check();
  await page.getByLabel('Content base64').setInputFiles(zip);
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /code-analysis task/ }).waitFor();
  const id = new URL(page.url()).pathname.split('/').pop();
  const submitted = (await api('GET', `/api/v1/tasks/${id}`)).body.data;
  assert.equal(submitted.payload.source.type, 'archive');
  assert.equal(submitted.payload.source.format, 'zip');
  assert.deepEqual(Buffer.from(submitted.payload.source.contentBase64, 'base64'), readFileSync(zip), 'the upload is the zip, byte for byte');
  await page.getByRole('heading', { level: 1, name: /code-analysis task.*succeeded/ }).waitFor({ timeout: 120_000 });
  await page.getByRole('heading', { name: /^Findings \(/ }).waitFor();
  await page.getByText('src/main/java/acme/web/Users.java').first().waitFor();
  await page.waitForLoadState('networkidle');
  await axe('code-analysis of an archive');
  await shot('17-archive-task');
});

test('a dead-lettered task is redriven from the Queues page after a confirmation, and leaves the dead letters', async () => {
  // an agent that gives each task one attempt, and an echo task whose attempts fail until a moment from now
  const agent = await api('POST', '/api/v1/agents', { name: 'Console Outage', type: 'task-executor', version: '1.0.0',
    config: { runtime: 'java', capabilities: ['echo'], retryPolicy: { maxAttempts: 1, initialDelayMs: 0, multiplier: 1.0, maxDelayMs: 0 } } });
  assert.equal(agent.status, 201, JSON.stringify(agent.body));
  await api('POST', `/api/v1/agents/${agent.body.data.id}/start`);
  const until = new Date(Date.now() + 8_000);
  const task = await api('POST', '/api/v1/tasks', { type: 'echo', agentId: agent.body.data.id,
    payload: { message: 'back after the outage', failUntil: until.toISOString().replace(/\.\d+Z$/, 'Z') } });
  assert.equal(task.status, 201, JSON.stringify(task.body));
  const id = task.body.data.id;
  assert.equal((await finished(id)).status, 'dead_lettered');

  await go('/queues', 'Queues and dead letters');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: id }) });
  await row.waitFor();
  assert.match(await row.innerText(), /echo/);
  // Escape cancels the confirmation: nothing is redriven
  await row.getByRole('button', { name: 'Redrive' }).click();
  const dialog = page.getByRole('dialog', { name: 'Redrive dead letters?' });
  await dialog.waitFor();
  await axe('redrive confirmation');
  await shot('18-redrive-confirm');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await api('GET', `/api/v1/tasks/${id}`)).body.data.status, 'dead_lettered');
  // after the outage: confirmed, the task goes back to its queue, runs and leaves the list
  await page.waitForTimeout(Math.max(0, until.getTime() + 500 - Date.now()));
  await row.getByRole('button', { name: 'Redrive' }).click();
  await dialog.getByRole('button', { name: 'Redrive' }).click();
  await page.getByRole('status').filter({ hasText: `Redrove ${id}.` }).waitFor();
  await row.waitFor({ state: 'detached' });
  const done = await finished(id);
  assert.equal(done.status, 'succeeded', JSON.stringify(done.error));
  assert.equal(done.result.message, 'back after the outage');
  await axe('queues after a redrive');
});

test('a budget\'s alert channel: a webhook set from the form, its signing secret shown once, listed with the budget', async () => {
  await go('/usage', 'Usage and budgets');
  const budget = page.getByRole('form', { name: 'Set a budget' });
  await budget.getByLabel('Monthly limit usd').fill('40');
  await budget.getByLabel('Type').selectOption('webhook');
  await budget.getByLabel('Url').fill('http://127.0.0.1:9/luna-alerts');
  await budget.getByRole('button', { name: 'Save budget' }).click();
  const secret = page.getByTestId('budget-secret');
  await secret.waitFor();
  assert.ok((await secret.innerText()).length >= 16, 'a generated signing secret');
  await page.getByText(/project: \$40\.00 a month · alerts at 50 %, 80 %, 100 % to webhook http:\/\/127\.0\.0\.1:9\/luna-alerts/).waitFor();
  const stored = (await api('GET', '/api/v1/tokens/budget?projectId=default')).body.data.find((b) => !b.agentId);
  assert.deepEqual({ type: stored.notification.type, url: stored.notification.url }, { type: 'webhook', url: 'http://127.0.0.1:9/luna-alerts' });
  await axe('usage with an alert channel');
  await page.getByRole('button', { name: 'I have stored it' }).click();
  assert.equal(await page.getByTestId('budget-secret').count(), 0);
});

test('RAG: an index job is followed live until it succeeds with its files counted; contexts are searched, opened, edited and deleted', async () => {
  await go('/rag', 'Code retrieval (RAG)');
  const form = page.getByRole('form', { name: 'Index a source' });
  await form.getByLabel('Type').selectOption('inline');
  const files = [
    ['src/main/java/shop/PriceCalculator.java', 'package shop;\n\n/** Prices orders. */\npublic class PriceCalculator {\n    /** Total of all order lines minus the discount. */\n    public long totalCents(Order order) {\n        long sum = 0;\n        for (Line line : order.lines()) sum += line.cents();\n        return sum - order.discountCents();\n    }\n}\n'],
    ['docs/pricing.md', '# Pricing\n\n## Discounts\nDiscounts are applied to the order total, never per line.\n'],
    ['src/main/java/shop/Shipping.java', 'package shop;\n\n/** Shipping costs. */\npublic class Shipping {\n    /** Free above 50 euros. */\n    public long costCents(long totalCents) {\n        return totalCents >= 5000 ? 0 : 490;\n    }\n}\n'],
  ];
  for (let i = 0; i < files.length; i++) {
    await form.getByRole('button', { name: 'Add file' }).click();
    const item = form.locator('.array-item').nth(i);
    await item.getByLabel('Path').fill(files[i][0]);
    await item.getByLabel('Content', { exact: true }).fill(files[i][1]);
  }
  // the job is followed live: the statuses the page shows while it runs, until it has succeeded
  await form.getByRole('button', { name: 'Index', exact: true }).click();
  const status = page.getByTestId('job-status');
  await status.waitFor();
  const seen = [];
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const text = (await status.innerText()).trim();
    if (seen.at(-1) !== text) seen.push(text);
    if (/^succeeded|^failed/.test(text)) break;
    await page.waitForTimeout(50);
  }
  assert.match(seen.at(-1), /^succeeded/, `the job ended: ${seen.join(' | ')}`);
  assert.ok(seen.some((t) => /^(queued|running)/.test(t)), `the page showed the job before it ended: ${seen.join(' | ')}`);
  const result = page.getByTestId('job-result');
  assert.match(await result.innerText(), /Files indexed\s*3\b/);
  assert.match(await status.innerText(), /3 of 3 files processed/);
  await axe('RAG job');
  await shot('19-rag-job');

  // search, then edit the best context: the new text is saved, re-embedded and found
  const search = page.getByRole('form', { name: 'Search playground' });
  await search.getByLabel('Query').fill('how is the order total computed');
  await search.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('heading', { name: /^Ranked contexts \(/ }).waitFor();
  const first = page.locator('ol.contexts > li').first();
  const contextId = (await first.locator('code.muted').innerText()).trim();
  assert.match(contextId, /^ctx_/);
  await first.getByRole('button', { name: 'Edit context' }).click();
  const edit = first.getByRole('form', { name: /^Edit / });
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA', 'focus moves to the editor');
  await edit.getByLabel('Content').fill('public long totalCents(Order order) { return order.quokkaTotal(); }');
  await edit.getByLabel('Symbol').fill('PriceCalculator.totalCents');
  await axe('RAG context editor');
  await edit.getByRole('button', { name: 'Save context' }).click();
  await first.getByRole('status').filter({ hasText: /Saved and re-embedded/ }).waitFor();
  assert.match(await first.locator('pre').innerText(), /quokkaTotal/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Edit context', 'focus returns to the button');
  const stored = await api('GET', `/api/v1/rag/context/${contextId}?projectId=default`);
  assert.equal(stored.status, 200);
  assert.match(stored.body.data.content, /quokkaTotal/);
  const found = await api('POST', '/api/v1/rag/query', { projectId: 'default', query: 'quokkaTotal', mode: 'keyword' });
  assert.ok(found.body.data.contexts.some((c) => c.id === contextId), 'the edited text is what the index now finds');
  await shot('20-rag-context-edited');

  // open it by id, delete it (with a confirmation): it is gone from the index
  await page.getByLabel('Context id').fill(contextId);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const openedCard = page.getByRole('region', { name: 'Open a context' });
  await openedCard.locator('pre').filter({ hasText: 'quokkaTotal' }).waitFor();
  await openedCard.getByRole('button', { name: 'Delete context' }).click();
  await page.getByRole('dialog', { name: 'Delete this context?' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('status').filter({ hasText: `Deleted context ${contextId}.` }).waitFor();
  assert.equal(await page.locator('ol.contexts code.muted', { hasText: contextId }).count(), 0);
  assert.equal((await api('GET', `/api/v1/rag/context/${contextId}?projectId=default`)).status, 404);
  await axe('RAG after delete');
});

test('a viewer sees no write buttons', async () => {
  const member = await api('POST', '/api/v1/projects/default/members', { userId: 'usr_console_viewer', role: 'viewer' });
  assert.ok([200, 201].includes(member.status), JSON.stringify(member.body));
  const key = await api('POST', '/api/v1/api-keys', {
    name: 'console viewer', owner: 'usr_console_viewer', projectId: 'default',
    scopes: ['agents:read', 'tasks:read', 'projects:read', 'tokens:read', 'rag:read'],
  });
  assert.equal(key.status, 201, JSON.stringify(key.body));
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(key.body.data.secret);
  await page.getByText('usr_console_viewer · viewer').waitFor();
  await go('/agents', 'Agents');
  await page.getByRole('link', { name: 'Console Echo' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Register agent' }).count(), 0);
  await visit(agentUrl);
  await page.getByRole('heading', { level: 1, name: /Console Echo/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: /^(Start|Stop|Roll back)/ }).count(), 0);
  await go('/tasks', 'Tasks');
  assert.equal(await page.getByRole('button', { name: 'Submit task' }).count(), 0);
  await visit(taskUrl);
  await page.getByRole('heading', { level: 1, name: /echo task/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: /Cancel task|Retry/ }).count(), 0);
  await axe('task detail (viewer)');
  await shot('16-viewer-task');
  assert.deepEqual(consoleErrors, [], 'no uncaught errors in the page');
});
