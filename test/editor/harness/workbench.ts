import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * Driving the VS Code workbench from the page: keyboard first (as a user would), then waits on the
 * specific element that proves the step happened. Selectors are VS Code 1.100's DOM.
 */
export class Workbench {
  private shot = 0;
  constructor(readonly page: Page, private readonly artifacts: string) {
    fs.mkdirSync(artifacts, { recursive: true });
  }

  async ready(): Promise<void> {
    await this.page.waitForSelector('.monaco-workbench .part.editor', { timeout: 90_000 });
    await this.page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 90_000 });
    // Keyboard shortcuts only reach the workbench once it has focus.
    await this.page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(this.artifacts, `${String(++this.shot).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file }).catch(() => undefined);
    return file;
  }

  /** Retries a flaky UI step (a key press lost while the workbench was busy) before failing. */
  async retry<T>(what: string, attempts: number, step: (attempt: number) => Promise<T>): Promise<T> {
    let last: unknown;
    for (let i = 1; i <= attempts; i++) {
      try { return await step(i); } catch (e) {
        last = e;
        await this.page.keyboard.press('Escape').catch(() => undefined);
        await this.page.waitForTimeout(500 * i);
      }
    }
    throw new Error(`${what} failed ${attempts} times: ${(last as Error)?.message ?? last}`);
  }

  quickInput(): Locator { return this.page.locator('.quick-input-widget'); }

  async waitQuickInputOpen(timeout = 10_000): Promise<void> {
    await this.page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout });
  }

  async waitQuickInputClosed(timeout = 15_000): Promise<void> {
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout });
  }

  /** Quick Open (Ctrl+P) a workspace file, and wait for its tab to be the active one. */
  async openFile(name: string): Promise<void> {
    await this.retry(`open ${name}`, 3, async () => {
      await this.page.keyboard.press('Control+P');
      await this.waitQuickInputOpen();
      await this.page.keyboard.type(name, { delay: 10 });
      await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
      await this.page.keyboard.press('Enter');
      await this.page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ timeout: 15_000 });
    });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** Runs a command from the palette (F1) by its full label, e.g. "deploylint: Generate hardened nginx block". */
  async runCommand(label: string): Promise<void> {
    await this.retry(`command "${label}"`, 3, async () => {
      await this.page.keyboard.press('F1');
      await this.waitQuickInputOpen();
      await this.page.keyboard.type(label, { delay: 5 });
      const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
      await row.waitFor({ timeout: 10_000 });
      await row.click();
    });
  }

  /** Puts the cursor at a 1-based line and column with Go to Line (Ctrl+G). */
  async goTo(line: number, column: number): Promise<void> {
    await this.retry(`go to ${line}:${column}`, 3, async () => {
      await this.focusEditor();
      await this.page.keyboard.press('Control+G');
      await this.waitQuickInputOpen();
      await this.page.keyboard.type(`${line}:${column}`);
      await this.page.keyboard.press('Enter');
      await this.waitQuickInputClosed();
      await this.page.locator('.statusbar-item#status\\.editor\\.selection', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: 5000 });
    });
  }

  /** Matches of `text` in the active editor, counted by the Find widget (Ctrl+F), which then closes. */
  async findCount(text: string): Promise<number> {
    return this.retry(`find "${text}"`, 3, async () => {
      await this.focusEditor();
      await this.page.keyboard.press('Control+F');
      const find = this.page.locator('.editor-instance .find-widget.visible');
      await find.waitFor({ timeout: 5000 });
      await find.locator('textarea, input').first().fill(text);
      const count = find.locator('.matchesCount');
      await this.page.waitForTimeout(300);
      const label = await waitFor('the match count', async () => { const t = (await count.innerText()).trim(); return /^(\d+ of \d+|No results)$/.test(t) && t; }, 5000, 100);
      await this.page.keyboard.press('Escape');
      return label === 'No results' ? 0 : Number(/of (\d+)/.exec(label)![1]);
    });
  }

  async focusEditor(): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor textarea, .editor-instance .monaco-editor .native-edit-context').first().focus();
  }

  /** The rendered line of the active editor whose text contains `text`. */
  line(text: string): Locator {
    return this.page.locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: text }).first();
  }

  /** Squiggle decorations of a severity (error|warning|info|hint) drawn over the rendered line holding `text`. */
  async squigglesOn(text: string, severity = 'error'): Promise<number> {
    const line = await this.line(text).boundingBox();
    if (!line) return 0;
    const boxes = await this.page.locator(`.editor-instance .monaco-editor .view-overlays .squiggly-${severity}`).evaluateAll((els) =>
      els.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }));
    return boxes.filter((b) => b.width > 0 && b.y >= line.y - 2 && b.y + b.height <= line.y + line.height + 2).length;
  }

  /** Every visible row of the Problems panel (opened with Ctrl+Shift+M), as its accessible label. */
  async problems(filter?: string): Promise<string[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible', timeout: 15_000 });
    }
    if (filter !== undefined) {
      const input = this.page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
      await input.fill(filter);
      await this.page.waitForTimeout(400);
    }
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('aria-label') ?? ''} ${(r as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ')}`));
  }

  statusItem(): Locator {
    return this.page.locator('.statusbar-item[id$="deploylint.status"]');
  }
}

/** Polls `check` until it returns a truthy value or the time is up. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false | null | 0>, timeout = 30_000, every = 250): Promise<T> {
  const until = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
      last = v;
    } catch (e) { last = e; }
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, every));
  }
}
