/** Starts the browser host on a temporary database and a headless Debian Chromium driving it. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
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

/** Options of a lab's page. */
export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

/** Launches headless Debian Chromium (one per test file: tests then open their own labs in it). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A lab of its own for one test: a fresh database in a fresh folder, its own browser host, and
 * a new browser context (no cookies, storage or downloads shared with other tests) with a page
 * on it, opened once the built-in lab is on the canvas. `close()` leaves the browser running.
 */
export async function openLab(browser: Browser, opts: PageOptions = {}): Promise<Omit<E2E, 'browser'>> {
  const dir = mkdtempSync(join(tmpdir(), 'srlab-e2e-'));
  const dbPath = join(dir, 'runs.db');
  const lab = await startLab({ db: openDatabase(dbPath), dbPath, host: '127.0.0.1', port: 0, log: () => {} });
  const context = await browser.newContext({ acceptDownloads: true, viewport: opts.viewport ?? { width: 1440, height: 900 }, colorScheme: opts.colorScheme ?? 'light' });
  // Every wait is on the page's state; the limit only says how long a broken page takes to fail.
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(lab.host.url);
  await page.getByRole('group', { name: /^Hub/ }).first().waitFor();
  return {
    dir,
    dbPath,
    lab,
    context,
    page,
    async close() {
      await context.close();
      await lab.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The hooks every end-to-end file registers inside its describe: one Chromium for the file, and
 * a lab of its own for each test (see {@link openLab}), handed to `use` before the test runs.
 */
export function labPerTest(use: (lab: Omit<E2E, 'browser'>) => void): void {
  let browser: Browser | undefined;
  let lab: Omit<E2E, 'browser'> | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  beforeEach(async () => {
    lab = await openLab(browser!);
    use(lab);
  }, 120_000);
  afterEach(async () => {
    await lab?.close();
    lab = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/** Starts everything (its own browser too); the renderer is built first when stale. */
export async function startE2E(opts: PageOptions = {}): Promise<E2E> {
  const browser = await launchChromium();
  const e = await openLab(browser, opts);
  return {
    ...e,
    browser,
    async close() {
      await e.close();
      await browser.close();
    },
  };
}
