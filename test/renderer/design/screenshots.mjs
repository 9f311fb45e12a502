/**
 * Screenshots of the design view, for looking at it as a user would (not run by the test suite).
 *
 *   npm run build:renderer && node test/renderer/design/screenshots.mjs [outDir]
 *
 * Serves dist/renderer from a throwaway static server, opens it in headless Chromium with a fake
 * `window.srlab` bridge (answers app:info, templates:list and templates:get from the shipped
 * template files, and lets the script push `sim:snapshot` events), and writes PNGs (1440×900).
 */
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '../../..');
const dist = join(root, 'dist/renderer');
const out = process.argv[2] ?? '/tmp/srlab-design-shots';
mkdirSync(out, { recursive: true });
if (!existsSync(join(dist, 'index.html'))) throw new Error('build the renderer first: npm run build:renderer');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(dist, path === '/' ? 'index.html' : path);
  if (!file.startsWith(dist) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

const dir = join(root, 'assets/scenarios');
const templates = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.srlab.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]),
);

/** Runs in the page before the app: the fake preload bridge. */
function bridge(templates) {
  const listeners = new Map();
  const ok = (value) => Promise.resolve({ ok: true, value });
  window.__emit = (event, payload) => listeners.get(event)?.forEach((cb) => cb(payload));
  window.srlab = {
    call(method, params) {
      switch (method) {
        case 'app:info':
          return ok({ version: '0.1.0', engineVersion: 'dev', database: null, host: 'memory', assumptions: [] });
        case 'templates:list':
          return ok(Object.entries(templates).map(([file, s]) => ({ file, name: s.name, description: s.description ?? '' })));
        case 'templates:get':
          return ok({ file: params.file, scenario: templates[params.file] });
        case 'runs:list':
        case 'scenarios:list':
          return ok([]);
        case 'sim:state':
          return ok(null);
        default:
          return Promise.resolve({ ok: false, error: { code: 'bad-method', message: `${method} is not served by the screenshot bridge` } });
      }
    },
    on(event, cb) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(cb);
      return () => listeners.get(event).delete(cb);
    },
  };
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const errors = [];

async function openPage(colorScheme = 'light') {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));
  await page.addInitScript(bridge, templates);
  await page.goto(url);
  await page.getByRole('group', { name: 'Hub Data-centre router' }).waitFor();
  await page.waitForTimeout(400); // fit-view animation
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(join(out, `${name}.png`));
}

const page = await openPage();
await shot(page, '1-built-in-lab');

await page.getByRole('group', { name: 'Hub Data-centre router' }).click();
await shot(page, '2-node-selected');

await page.locator('.link-label', { hasText: '20 ms' }).click();
await shot(page, '3-link-selected');

await page.getByRole('tab', { name: 'Traffic' }).click();
await page.getByRole('button', { name: /^web / }).click();
await shot(page, '4-traffic-editor');

await page.getByRole('tab', { name: 'Faults' }).click();
for (const type of ['node-restart', 'link-flap', 'scan']) {
  await page.getByLabel('New fault').selectOption(type);
  await page.getByRole('button', { name: 'Add fault' }).click();
}
await page.getByLabel('At (ms)').fill('42000');
await shot(page, '5-fault-timeline');

// A live snapshot pushed through the bridge (the live-run part applies it to the store).
await page.evaluate(() =>
  window.__emit?.('sim:snapshot', {
    runId: 'r1',
    tMs: 21000,
    durationMs: 60000,
    state: 'running',
    speed: 1,
    achievedSpeed: 1,
    events: 1000,
    fingerprint: '',
    sessions: { active: 14, inOutage: 3, total: 14, affected: 3, failed: 0 },
    packets: { sent: 1, delivered: 1, lost: 0 },
    routers: {
      spoke1: { up: true, mode: 'packet-based', timeoutSec: 5, version: '6.1.0', sessions: 14, inOutage: 0, exposure: 0 },
      hub1: { up: true, mode: 'packet-based', timeoutSec: 5, version: '6.1.0', sessions: 11, inOutage: 3, exposure: 0 },
    },
    links: { lan1: { up: true, impaired: false, mbps: 0.2 }, wan1: { up: true, impaired: true, mbps: 0.2 }, lan2: { up: true, impaired: false, mbps: 0.2 } },
    packetsInFlight: [
      { link: 'wan1', dir: 0, kind: 'data', progress: 0.2 },
      { link: 'wan1', dir: 0, kind: 'metadata', progress: 0.45 },
      { link: 'wan1', dir: 1, kind: 'enable-metadata', progress: 0.6 },
      { link: 'wan1', dir: 1, kind: 'ack', progress: 0.3 },
      { link: 'lan1', dir: 0, kind: 'data', progress: 0.5 },
      { link: 'lan2', dir: 1, kind: 'data', progress: 0.7 },
      { link: 'wan1', dir: 0, kind: 'bfd', progress: 0.85 },
    ],
    counters: {},
    log: [],
    logDropped: 0,
    series: { tMs: [], sessionsInOutage: [], activeSessions: [], deliveredPps: [], lostPps: [], controlPps: {} },
  }),
);
await page.waitForTimeout(300);
await shot(page, '6-live-badges');

const dark = await openPage('dark');
await dark.getByRole('group', { name: 'Spoke Branch router' }).click();
await shot(dark, '7-dark-mode');

await dark.getByRole('button', { name: 'Hub', exact: true }).click();
await dark.getByRole('button', { name: 'Layout' }).click();
await dark.waitForTimeout(800);
await shot(dark, '8-dark-layout');

const bad = structuredClone(templates['01-spoke-and-hub-session-loss-packet-based.srlab.json']);
bad.links[1].b = 'hub9';
bad.faults.push({ atMs: 90000, type: 'nat-rebind', link: 'wan1' });
bad.durationMs = 'sixty';
await page.getByRole('tab', { name: 'Properties' }).click();
await page.getByLabel('Scenario file').setInputFiles({ name: 'broken.srlab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
await page.getByRole('alert').waitFor();
await shot(page, '9-malformed-file');

await browser.close();
server.close();
if (errors.length) console.log(`page errors:\n${errors.join('\n')}`);
