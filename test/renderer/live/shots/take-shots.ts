/**
 * Looks at the live-run, History, Compare and Assumptions views as a user would (not part of
 * the test suite):
 *   npx tsx test/renderer/live/shots/make-fixtures.ts      # real-engine fixtures
 *   npx tsx test/renderer/live/shots/take-shots.ts [outDir]
 * Builds the renderer into /tmp, serves it, opens it in headless Chromium with a fake
 * `window.srlab` bridge that answers the API from the fixtures, and saves 1440×900 PNGs.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';

const WORK = '/tmp/srlab-shots';
const DIST = join(WORK, 'dist');
const OUT = process.argv[2] ?? join(WORK, 'png');
const fixtures = readFileSync(join(WORK, 'fixtures.json'), 'utf8');

const build = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
  const file = join(DIST, path === '/' ? 'index.html' : path);
  try {
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

// The bridge is plain JavaScript next to this file; the fixtures go in ahead of it.
const bridge = `window.__fixtures = ${fixtures};\n${readFileSync(new URL('./fake-bridge.js', import.meta.url), 'utf8')}`;

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const errors: string[] = [];

async function open(scheme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => errors.push(`${scheme}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${scheme} console: ${m.text()}`));
  await page.emulateMedia({ colorScheme: scheme });
  await page.addInitScript({ content: bridge });
  await page.goto(url);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await page.waitForTimeout(600); // the first-start template load
  return page;
}

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400); // chart throttle and layout
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`saved ${name}.png`);
};

async function liveRun(page: Page) {
  // 23 s: the hub lost every session at 20 s; voice came back by health check, web is still out.
  await page.evaluate(() => (window as unknown as { __play(n: number, s?: string): void }).__play(92, 'running'));
  await page.getByRole('tab', { name: 'Events' }).click();
}

async function all(page: Page, prefix: string) {
  await liveRun(page);
  await page
    .getByRole('list', { name: 'Event log' })
    .getByRole('button', { name: /health-check-added/ })
    .first()
    .click();
  await shot(page, `${prefix}01-live-events`);
  await page.getByRole('tab', { name: 'Counters' }).click();
  await shot(page, `${prefix}02-live-counters`);
  await page.getByRole('tab', { name: 'Charts' }).click();
  await shot(page, `${prefix}03-live-charts`);
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await page.getByRole('combobox', { name: 'Router' }).selectOption('hub1');
  await shot(page, `${prefix}04-live-sessions`);
  await page.getByText('Data-centre router', { exact: true }).first().click();
  await page.getByRole('button', { name: /Inject fault/ }).click();
  await page.getByRole('combobox', { name: 'Fault' }).selectOption('scan');
  await shot(page, `${prefix}10-inject-fault`);
  await page
    .getByRole('form', { name: /Inject a fault/ })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByRole('table').waitFor();
  for (const label of [/Compare packet-based/, /Compare inactivity-based, 2 s/, /Compare inactivity-based, 5 s/]) await page.getByRole('checkbox', { name: label }).check();
  await shot(page, `${prefix}05-history`);
  await page
    .getByRole('button', { name: /loses its sessions/ })
    .nth(1)
    .click();
  await page.getByRole('region', { name: 'Headline results' }).waitFor();
  await shot(page, `${prefix}06-run-view`);
  await page.getByRole('main').evaluate((m) => m.scrollTo(0, m.scrollHeight));
  await shot(page, `${prefix}06b-run-view-bottom`);
  await page.getByRole('button', { name: '← All runs' }).click();
  await page.getByRole('main', { name: 'History' }).getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('table', { name: 'KPIs' }).waitFor();
  await shot(page, `${prefix}07-compare`);
  await page.getByRole('heading', { name: 'Time series' }).scrollIntoViewIfNeeded();
  await shot(page, `${prefix}08-compare-charts`);
  await page.getByRole('tab', { name: 'Lab' }).click();
  await page.getByRole('tab', { name: 'Events' }).click();
  await page
    .getByRole('list', { name: 'Event log' })
    .getByRole('button', { name: /health-check-added/ })
    .first()
    .click();
  await page
    .getByRole('complementary', { name: 'Event details' })
    .getByRole('button', { name: /Probes ride real packets/ })
    .click();
  await shot(page, `${prefix}09-assumptions`);
}

try {
  await all(await open('light'), '');
  await all(await open('dark'), 'dark-');
} finally {
  await browser.close();
  server.close();
}
if (errors.length) console.log(`page errors:\n${errors.join('\n')}`);
