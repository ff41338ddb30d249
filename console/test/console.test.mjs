// The console in a real browser (Debian's Chromium driven by playwright-core) against a fresh local runtime that
// scripts/test-console started: LUNA_URL, LUNA_KEY (admin) and CONSOLE_ARTIFACTS (screenshots) come from it.
// One browser, the steps in order: each builds on the one before (the agent registered is the one tasks run on).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, signIn as signInAt } from './browser.mjs';

const require = createRequire(import.meta.url);
const BASE = process.env.LUNA_URL;
const ADMIN_KEY = process.env.LUNA_KEY;
const SHOTS = process.env.CONSOLE_ARTIFACTS ?? new URL('../test-artifacts/', import.meta.url).pathname;
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
assert.ok(BASE && ADMIN_KEY, 'LUNA_URL and LUNA_KEY must be set (run scripts/test-console)');
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

async function go(path, heading) {
  await page.goto(`${BASE}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

const signIn = (key) => signInAt(page, BASE, key);

before(async () => {
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, colorScheme: 'light' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
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

test('a wrong key is refused on the sign-in page; the admin key signs in to the overview', async () => {
  await page.goto(`${BASE}/`);
  await page.getByLabel('API key').fill('luna_not_a_real_key_000000000000');
  await page.getByRole('button', { name: 'Sign in' }).click();
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
  await page.goto(`${BASE}/tasks/${id}`);
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
  await page.goto(taskUrl);
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

  await page.goto(`${BASE}/tasks/${design.body.data.id}`);
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

  await page.goto(`${BASE}/tasks/${analysis.body.data.id}`);
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
  await page.goto(agentUrl);
  await page.getByRole('heading', { level: 1, name: /Console Echo/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: /^(Start|Stop|Roll back)/ }).count(), 0);
  await go('/tasks', 'Tasks');
  assert.equal(await page.getByRole('button', { name: 'Submit task' }).count(), 0);
  await page.goto(taskUrl);
  await page.getByRole('heading', { level: 1, name: /echo task/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: /Cancel task|Retry/ }).count(), 0);
  await axe('task detail (viewer)');
  await shot('16-viewer-task');
  assert.deepEqual(consoleErrors, [], 'no uncaught errors in the page');
});
