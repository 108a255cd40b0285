import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium, headless, with a fresh profile and nothing that phones home. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser { page: Page; context: BrowserContext; close(): Promise<void> }

export async function openBrowser(url: string): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS,
    viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, timeout: 60_000,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin }).catch(() => undefined);
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  return {
    page, context,
    async close() {
      await Promise.race([context.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
