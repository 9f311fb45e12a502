/** Starts the browser host on a temporary database and a headless Debian Chromium driving it. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openDatabase } from '../../electron/services/db/index.ts';
import { startLab, type RunningLab } from '../../electron/services/host/lab.ts';

/** Where Debian's chromium lives (`apt-get install chromium`). */
export const CHROMIUM = process.env['SRLAB_CHROMIUM'] ?? '/usr/bin/chromium';
/** Whether the end-to-end tests can run here. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);
/** CI sets this so that a missing browser fails instead of skipping. */
export const REQUIRE_E2E = process.env['SRLAB_REQUIRE_E2E'] === '1';

/** Flags for headless Chromium on a closed network (background networking would be refused). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

/** A lab, a browser and a page on it. */
export interface E2E {
  dir: string;
  dbPath: string;
  lab: RunningLab;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Starts everything; the renderer is built first when stale. */
export async function startE2E(opts: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {}): Promise<E2E> {
  const dir = mkdtempSync(join(tmpdir(), 'srlab-e2e-'));
  const dbPath = join(dir, 'runs.db');
  const lab = await startLab({ db: openDatabase(dbPath), dbPath, host: '127.0.0.1', port: 0, log: () => {} });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ acceptDownloads: true, viewport: opts.viewport ?? { width: 1440, height: 900 }, colorScheme: opts.colorScheme ?? 'light' });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(lab.host.url);
  return {
    dir,
    dbPath,
    lab,
    browser,
    context,
    page,
    async close() {
      await browser.close();
      await lab.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
