import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openBrowser, CHROMIUM, type Browser } from './harness/browser';
import { ensureCodeServer, log, packageVsix, ROOT, startCodeServer, type CodeServer } from './harness/code-server';
import { Workbench, waitFor } from './harness/workbench';

/**
 * The packaged extension in a real VS Code (code-server 4.100 = VS Code 1.100, in Debian's chromium),
 * driven the way a user does it (issue 8, ARCHITECTURE.md, Editor): the scenarios run in order on one window, on a
 * copy of examples/insecure-stack. Screenshots of every step go to test-artifacts/editor/.
 */
const ARTIFACTS = path.join(ROOT, 'test-artifacts/editor');
const EXAMPLE = path.join(ROOT, 'examples/insecure-stack');
const PORT_LINE = '"5432:5432"';
const SUITE_BUDGET_MS = 12 * 60_000;
/** The screenshots the README shows: `UPDATE_DOC_IMAGES=1 npm run test:editor` refreshes docs/images/. */
const DOC_IMAGES: Record<string, string> = {
  hover: 'compose-findings.png', 'quick-fix': 'quick-fix.png', 'generate-upstream': 'generate-upstream.png', 'generated-block': 'generated-block.png',
};

describe('VS Code (code-server) with the packaged deploylint extension', function () {
  this.timeout(180_000);
  if (!fs.existsSync(CHROMIUM)) {
    it(`chromium is not installed at ${CHROMIUM} (skipped: apt-get install chromium)`, function () { this.skip(); });
    return;
  }

  let cs: CodeServer | undefined;
  let browser: Browser | undefined;
  let wb: Workbench;
  let cliCount: number;
  const started = Date.now();
  // Whatever hangs, CI gets its machine back: stop everything and fail after the budget (counted
  // once code-server is installed; the install has its own 15-minute bound).
  let watchdog: NodeJS.Timeout | undefined;
  const armWatchdog = () => {
    watchdog = setTimeout(() => {
      process.stderr.write(`editor suite exceeded ${SUITE_BUDGET_MS / 60000} minutes: stopping code-server and chromium\n`);
      void Promise.allSettled([browser?.close(), cs?.stop()]).finally(() => { process.stdout.write('\n0 passed, 1 failed\n'); process.exit(1); });
    }, SUITE_BUDGET_MS);
    watchdog.unref();
  };

  before(async function () {
    this.timeout(30 * 60_000);
    fs.rmSync(ARTIFACTS, { recursive: true, force: true });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    let t = Date.now();
    log(`code-server: ${ensureCodeServer()} (${Date.now() - t} ms)`);
    armWatchdog();
    t = Date.now();
    const vsix = packageVsix();
    log(`npm run package: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KB in ${Date.now() - t} ms`);
    t = Date.now();
    cs = await startCodeServer({ vsix, example: EXAMPLE });
    log(`code-server listening, extension installed (${Date.now() - t} ms)`);
    t = Date.now();
    browser = await openBrowser(cs.url);
    wb = new Workbench(browser.page, ARTIFACTS);
    await wb.ready();
    log(`workbench ready (${Date.now() - t} ms)`);

    // The oracle for the counts: the CLI of the same build on the same files.
    const r = spawnSync('node', [path.join(ROOT, 'dist/cli.js'), '--format', 'json', 'docker-compose.yml'], { cwd: cs.workspace, encoding: 'utf8', timeout: 60_000 });
    cliCount = (JSON.parse(r.stdout) as { findings: unknown[] }).findings.length;
    assert.ok(cliCount > 5, `the CLI finds the example's problems (${cliCount})`);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await wb.screenshot(`FAILED-${this.currentTest.title.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`);
  });

  after(async function () {
    this.timeout(60_000);
    await browser?.close();
    await cs?.stop();
    if (cs) {
      fs.copyFileSync(cs.logFile, path.join(ARTIFACTS, 'code-server.log'));
      assert.deepEqual(cs.serverProcesses(), [], 'no language server outlives code-server');
      fs.rmSync(cs.root, { recursive: true, force: true });
    }
    clearTimeout(watchdog);
    if (process.env.UPDATE_DOC_IMAGES === '1') {
      for (const shot of fs.readdirSync(ARTIFACTS)) {
        const target = DOC_IMAGES[shot.replace(/^\d+-|\.png$/g, '')];
        if (target) fs.copyFileSync(path.join(ARTIFACTS, shot), path.join(ROOT, 'docs/images', target));
      }
    }
    log(`editor suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  /** Runs "Generate hardened nginx block" from the palette and answers its first step (the server name). */
  async function startGenerate(serverName: string): Promise<void> {
    const input = wb.quickInput();
    await wb.retry('the generate command', 2, async () => {
      await wb.focusEditor();
      await wb.runCommand('deploylint: Generate hardened nginx block');
      await input.locator('.quick-input-title', { hasText: '(1/3)' }).waitFor({ timeout: 10_000 });
    });
    await wb.page.keyboard.type(serverName, { delay: 10 });
    await wb.page.keyboard.press('Enter');
    await input.locator('.quick-input-title', { hasText: '(2/3)' }).waitFor({ timeout: 15_000 });
  }

  it('opens docker-compose.yml: an error squiggle on the "5432:5432" line, and the Problems panel lists deploylint findings with rule ids', async () => {
    await wb.openFile('docker-compose.yml');
    await waitFor('an error squiggle on the "5432:5432" line', () => wb.squigglesOn(PORT_LINE, 'error'), 60_000);
    assert.equal(await wb.squigglesOn('restart: unless-stopped', 'error'), 0, 'no error squiggle on a harmless line');
    await wb.screenshot('compose-squiggles');

    const rows = await waitFor('the finding in the Problems panel', async () => {
      const r = await wb.problems('exposed-datastore');
      return r.some((x) => x.includes('[Ln 30, Col 9]')) && r;
    });
    const postgres = rows.find((x) => x.includes('[Ln 30, Col 9]'))!;
    assert.match(postgres, /deploylint/);
    assert.match(postgres, /compose\/exposed-datastore-port/);
    assert.match(postgres, /port 5432 on all interfaces/);
    assert.ok(rows.some((x) => x.includes('[Ln 36, Col 9]')), 'the redis port too');
    await wb.screenshot('problems-panel');

    // Filtered by rule name (a filter with "/" would be read as a file glob); the panel is virtualised.
    for (const id of ['compose/docker-socket', 'compose/weak-secret', 'compose/hardcoded-secret']) {
      const listed = await waitFor(`${id} in the Problems panel`, async () => {
        // Finding rows (their label starts with the severity), not the file or related-information rows.
        const r = (await wb.problems(id.split('/')[1])).filter((x) => /^(Error|Warning|Info|Hint)\b/.test(x));
        return r.length > 0 && r;
      }, 10_000);
      assert.ok(listed.every((x) => x.includes('deploylint') && x.includes(id)), listed.join('\n'));
      assert.ok(listed.every((x) => !x.includes('my-secret-key-123')), 'no secret value in a problem');
    }
    await wb.problems('');
  });

  it('the status bar item shows the finding count of the file (the CLI\'s count)', async () => {
    const text = await waitFor('the deploylint status item with a count', async () => {
      const t = (await wb.statusItem().innerText()).trim();
      return /deploylint\s+\d+/.test(t) && t;
    });
    assert.equal(Number(/deploylint\s+(\d+)/.exec(text)![1]), cliCount, text);
    await wb.page.locator('.part.statusbar').screenshot({ path: path.join(ARTIFACTS, 'statusbar.png') });
  });

  it('shows the message and rule id on hover over the squiggle', async () => {
    await wb.goTo(30, 10);
    const hover = wb.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'exposed-datastore-port' }).first();
    await wb.retry('hover', 3, async (attempt) => {
      const box = await wb.line(PORT_LINE).boundingBox();
      assert.ok(box, 'the line is rendered');
      // The port mapping starts after `- ` at the 6-space indent; aim inside it.
      await wb.page.mouse.move(box.x + 80 + attempt * 4, box.y + box.height / 2);
      await hover.waitFor({ state: 'visible', timeout: 8000 });
    });
    const text = await hover.innerText();
    assert.match(text, /publishes port 5432 on all interfaces/);
    assert.match(text, /deploylint/);
    await wb.screenshot('hover');
    await wb.page.mouse.move(5, 5);
    await wb.page.keyboard.press('Escape');
  });

  it('Ctrl+. on the "5432:5432" line offers "Bind to 127.0.0.1"; applying it rewrites the line and the finding disappears', async () => {
    await wb.goTo(30, 10);
    const menu = wb.page.locator('.action-widget');
    const fix = menu.locator('.monaco-list-row.action', { hasText: 'Bind to 127.0.0.1' });
    await wb.retry('the quick fix menu', 3, async () => {
      await wb.focusEditor();
      await wb.page.keyboard.press('Control+.');
      await fix.waitFor({ state: 'visible', timeout: 10_000 });
    });
    const offered = await menu.locator('.monaco-list-row.action').allInnerTexts();
    for (const t of ['Remove the published port', 'Disable compose/exposed-datastore-port for this line', 'Show documentation for compose/exposed-datastore-port']) assert.ok(offered.some((o) => o.includes(t)), `${t} in ${offered.join(' | ')}`);
    await wb.page.locator('.editor-instance .monaco-editor .lightbulb-glyph, .editor-instance .monaco-editor .codicon-light-bulb, .editor-instance .monaco-editor .codicon-lightbulb-autofix').first().waitFor({ state: 'visible', timeout: 5000 });
    await wb.screenshot('quick-fix');

    // The menu sits behind a pointer block in code-server; choose with the keyboard, as users do.
    for (let i = 0; i < 6 && !(await fix.evaluate((e) => e.classList.contains('focused'))); i++) await wb.page.keyboard.press('ArrowDown');
    assert.ok(await fix.evaluate((e) => e.classList.contains('focused')), 'the fix is selected');
    await wb.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: 10_000 });
    await wb.line('"127.0.0.1:5432:5432"').waitFor({ timeout: 10_000 });
    assert.equal(await wb.line(PORT_LINE).count(), 0, 'the old mapping is gone');
    await waitFor('the squiggle to leave the fixed line', async () => (await wb.squigglesOn('"127.0.0.1:5432:5432"', 'error')) === 0, 30_000);
    const rows = await waitFor('the Problems panel to drop the postgres finding', async () => {
      const r = await wb.problems('exposed-datastore');
      return !r.some((x) => x.includes('[Ln 30, Col 9]')) && r.some((x) => x.includes('[Ln 36')) && r;
    });
    assert.equal(rows.filter((x) => x.includes('compose/exposed-datastore-port')).length, 1, 'only the redis port is left');
    await waitFor('the status count to go down by one', async () => (await wb.statusItem().innerText()).includes(`deploylint ${cliCount - 1}`), 15_000);
    await wb.screenshot('fix-applied');
    await wb.problems('');
  });

  it('editing .env (unsaved) updates the compose file\'s findings: delete DB_PASSWORD, then give it a strong value', async () => {
    const STRONG = 'Qm4tW8zR2xN6vB1kP9sD3fH7jL5cY0gA';
    const undefinedRows = async () => (await wb.problems('undefined-variable')).filter((x) => /^(Error|Warning|Info|Hint)\b/.test(x) && x.includes('DB_PASSWORD'));
    await wb.openFile('.env');
    await wb.goTo(2, 1);
    assert.equal(await wb.findCount('DB_PASSWORD=changeme'), 1);
    await wb.goTo(2, 1);
    await wb.page.keyboard.press('Shift+End');
    await wb.page.keyboard.press('Delete');
    const rows = await waitFor('compose/undefined-variable for ${DB_PASSWORD} in docker-compose.yml', async () => { const r = await undefinedRows(); return r.length > 0 && r; }, 30_000);
    assert.ok(rows.every((x) => x.includes('compose/undefined-variable') && x.includes('is not defined in .env')), rows.join('\n'));
    await wb.screenshot('env-edit-undefined');

    await wb.goTo(2, 1); // the Problems filter had the focus
    await wb.page.keyboard.type(`DB_PASSWORD=${STRONG}`, { delay: 5 });
    await waitFor('the compose finding to go away', async () => (await undefinedRows()).length === 0 && true, 30_000);
    const weak = (await wb.problems('weak-secret')).filter((x) => /^(Error|Warning|Info|Hint)\b/.test(x) && x.includes('DB_PASSWORD'));
    assert.deepEqual(weak, [], 'the strong value is not weak');
    assert.ok((await wb.problems('')).every((x) => !x.includes(STRONG)), 'no secret value in a problem');
    await wb.screenshot('env-edit-fixed');
    await wb.focusEditor();
    await wb.page.keyboard.press('Control+S');
    await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
    await wb.problems('');
  });

  it('"deploylint: Generate hardened nginx block" asks server name, upstream (a compose service) and profile, and writes a block with proxy_pass', async () => {
    const page = wb.page;
    const input = wb.quickInput();
    await startGenerate('notes.example.com');
    const app = input.locator('.quick-input-list .monaco-list-row', { hasText: 'http://app:3010' }).first();
    await app.waitFor({ timeout: 15_000 });
    const services = await input.locator('.quick-input-list .monaco-list-row').allInnerTexts();
    assert.ok(services.some((s) => s.includes('compose service app')), services.join(' | '));
    await wb.screenshot('generate-upstream');
    await app.click();

    await input.locator('.quick-input-title', { hasText: '(3/3)' }).waitFor({ timeout: 15_000 });
    await input.locator('.quick-input-list .monaco-list-row', { hasText: 'Intermediate' }).first().click();
    await wb.waitQuickInputClosed();

    // The active editor was the compose file, so the block opens in a new untitled nginx document.
    await page.locator('.tabs-container .tab.active[aria-label*="Untitled"]').waitFor({ timeout: 20_000 });
    await page.locator('.statusbar-item#status\\.editor\\.mode', { hasText: /nginx/i }).waitFor({ timeout: 10_000 });
    await wb.line('server_name notes.example.com;').waitFor({ timeout: 10_000 });
    await wb.screenshot('generated-block');

    assert.equal(await wb.findCount('proxy_pass http://app:3010;'), 1);
    await wb.line('proxy_pass http://app:3010;').waitFor({ timeout: 10_000 });
    await wb.screenshot('generated-proxy-pass');
    await page.keyboard.press('Escape');
  });

  it('in an nginx file, the generated block (typed URL, Modern profile) is inserted at the cursor', async () => {
    const page = wb.page;
    const input = wb.quickInput();
    await wb.openFile('notes.conf');
    await wb.focusEditor();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await startGenerate('api.example.com');
    await input.locator('.quick-input-list .monaco-list-row', { hasText: 'Enter a URL' }).first().click();
    await input.locator('.quick-input-box input[placeholder*="127.0.0.1"]').waitFor({ timeout: 10_000 });
    await page.keyboard.type('http://127.0.0.1:8080', { delay: 10 });
    await page.keyboard.press('Enter');
    await input.locator('.quick-input-title', { hasText: '(3/3)' }).waitFor({ timeout: 15_000 });
    await input.locator('.quick-input-list .monaco-list-row', { hasText: 'Modern' }).first().click();
    await wb.waitQuickInputClosed();

    await page.locator('.tabs-container .tab.active.dirty[aria-label*="notes.conf"]').waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.tabs-container .tab[aria-label*="Untitled-2"]').count(), 0, 'no new untitled document');
    // The original server block is still on top, the new block follows where the cursor was.
    assert.equal(await wb.findCount('server_name notes.example.com;'), 1);
    assert.equal(await wb.findCount('proxy_pass http://127.0.0.1:8080;'), 1);
    assert.equal(await wb.findCount('ssl_protocols TLSv1.3;'), 1, 'the Modern profile');
    await wb.screenshot('generated-at-cursor');
  });

  it('reloading the window stops the language server (deactivate) and the lazy activation starts a new one', async () => {
    const old = await waitFor('one running language server', async () => { const p = cs!.serverProcesses(); return p.length === 1 && p; }, 15_000);
    wb.page.once('dialog', (d) => void d.accept());
    await wb.runCommand('Developer: Reload Window');
    await wb.page.waitForLoadState('domcontentloaded');
    await wb.ready();
    await waitFor('the old server to exit', async () => !cs!.serverProcesses().includes(old[0]), 30_000);
    const fresh = await waitFor('a new server for the open deployment files', async () => { const p = cs!.serverProcesses(); return p.length === 1 && p; }, 60_000);
    assert.notEqual(fresh[0], old[0]);
    await waitFor('the status item to come back with a count', async () => /deploylint/.test(await wb.statusItem().innerText()), 30_000);
  });
});
