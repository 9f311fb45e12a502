import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openDatabase } from '../../../electron/services/db/index.ts';
import { startLab, type RunningLab } from '../../../electron/services/host/lab.ts';
import type { LiveSnapshot } from '../../../engine/index.ts';

const TEMPLATE = JSON.parse(readFileSync(new URL('../../../assets/scenarios/02-spoke-and-hub-session-loss-inactivity-based.srlab.json', import.meta.url), 'utf8')) as Record<string, unknown>;

let dir: string;
let lab: RunningLab;
let base: string;

/** A WebSocket client of the lab's API that records pushed events. */
class Client {
  readonly events: { event: string; payload: unknown; bytes: number; at: number }[] = [];
  private next = 1;
  private readonly pending = new Map<number, (r: unknown) => void>();
  constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const text = String(d);
      const m = JSON.parse(text) as { id?: number; result?: unknown; event?: string; payload?: unknown };
      if (typeof m.id === 'number') this.pending.get(m.id)?.(m.result);
      else if (m.event) this.events.push({ event: m.event, payload: m.payload, bytes: Buffer.byteLength(text), at: performance.now() });
    });
  }
  call(method: string, params: unknown = {}): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (r: unknown) => void);
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }
  async until(pred: () => boolean, ms = 20_000): Promise<void> {
    const end = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

function connect(url: string, origin = base): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'srlab-host-'));
  const www = join(dir, 'www');
  await import('node:fs').then((fs) => fs.mkdirSync(www));
  writeFileSync(join(www, 'index.html'), '<!doctype html><title>lab</title>');
  const dbPath = join(dir, 'runs.db');
  lab = await startLab({ db: openDatabase(dbPath), dbPath, host: '127.0.0.1', port: 0, log: () => {}, rendererDir: www });
  base = lab.host.url.split('/?')[0]!;
});

afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the browser host', () => {
  it('prints a loopback URL that carries the token', () => {
    expect(lab.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('refuses a page request without the token', async () => {
    const r = await fetch(`${base}/`);
    expect(r.status).toBe(403);
    expect(await r.text()).toContain('token');
  });

  it('refuses a wrong token', async () => {
    expect((await fetch(`${base}/?token=${'0'.repeat(48)}`)).status).toBe(403);
  });

  it('serves the page with the token, sets the session cookie and a strict CSP', async () => {
    const r = await fetch(lab.host.url);
    expect(r.status).toBe(200);
    expect(r.headers.get('set-cookie')).toMatch(/srlab_token=.*HttpOnly.*SameSite=Strict/);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('serves assets to a page that holds the cookie', async () => {
    const r = await fetch(`${base}/index.html`, { headers: { cookie: `srlab_token=${lab.host.token}` } });
    expect(r.status).toBe(200);
  });

  it('refuses a path outside the renderer folder', async () => {
    const r = await fetch(`${base}/..%2f..%2fruns.db?token=${lab.host.token}`);
    expect(r.status).toBe(404);
  });

  it('refuses an API WebSocket without the token', async () => {
    await expect(connect(`${base.replace('http', 'ws')}/api`)).rejects.toThrow(/403/);
  });

  it('refuses an API WebSocket from another origin even with the token', async () => {
    await expect(connect(`${base.replace('http', 'ws')}/api?token=${lab.host.token}`, 'http://evil.example')).rejects.toThrow(/403/);
  });

  it('answers an unknown method and bad params with error values', async () => {
    const c = new Client(await connect(`${base.replace('http', 'ws')}/api?token=${lab.host.token}`));
    expect((await c.call('runs:drop-table')).error?.code).toBe('bad-method');
    const bad = await c.call('sim:speed', { speed: 5000 });
    expect(bad.error?.code).toBe('bad-params');
    expect(bad.error?.message).toContain('speed');
    c.ws.close();
  });

  it('refuses to run an invalid scenario, naming every problem', async () => {
    const c = new Client(await connect(`${base.replace('http', 'ws')}/api?token=${lab.host.token}`));
    const r = await c.call('sim:start', { scenario: { ...TEMPLATE, durationMs: -1, links: [] } });
    expect(r.error?.code).toBe('bad-scenario');
    expect((r.error as { problems?: unknown[] }).problems?.length).toBeGreaterThan(0);
    c.ws.close();
  });

  it('runs a lab live at 10×, streams small snapshots, and stores the run with its live fault', async () => {
    const c = new Client(await connect(`${base.replace('http', 'ws')}/api?token=${lab.host.token}`));
    const started = await c.call('sim:start', { scenario: { ...TEMPLATE, durationMs: 30_000 }, speed: 10 });
    expect(started.ok).toBe(true);
    const runId = started.value.runId as string;
    await c.until(() => c.events.filter((e) => e.event === 'sim:snapshot').length >= 12);
    const inj = await c.call('sim:inject', { fault: { atMs: 0, type: 'session-loss', node: 'hub1', fraction: 1 } });
    expect(inj.ok).toBe(true);
    const table = await c.call('sim:sessions', { router: 'spoke1' });
    expect(table.value.length).toBeGreaterThan(0);
    await c.until(() => c.events.some((e) => e.event === 'sim:ended'), 30_000);
    const snaps = c.events.filter((e) => e.event === 'sim:snapshot');
    // The 20-a-second cap is the worker's own clock; measured here it would depend on the load.
    expect(Math.max(...snaps.map((s) => s.bytes))).toBeLessThanOrEqual(64 * 1024);
    const last = snaps.at(-1)!.payload as LiveSnapshot;
    expect(last.tMs).toBe(30_000);
    const ended = c.events.find((e) => e.event === 'sim:ended')!.payload as { status: string };
    expect(ended.status).toBe('completed');
    const stored = await c.call('runs:get', { id: runId });
    expect(stored.value.status).toBe('completed');
    expect(stored.value.faultLog.filter((f: { source: string }) => f.source === 'live')).toHaveLength(1);
    expect(stored.value.summary.sessions.affected).toBeGreaterThan(0);
    c.ws.close();
  });

  it('stores a run stopped by the user as stopped', async () => {
    const c = new Client(await connect(`${base.replace('http', 'ws')}/api?token=${lab.host.token}`));
    const started = await c.call('sim:start', { scenario: TEMPLATE, speed: 1 });
    await c.until(() => c.events.some((e) => e.event === 'sim:snapshot'));
    const stopped = await c.call('sim:stop');
    expect(stopped.value.runId).toBe(started.value.runId);
    expect((await c.call('runs:get', { id: started.value.runId })).value.status).toBe('stopped');
    c.ws.close();
  });

  it('refuses a second live run while one is live', async () => {
    const c = new Client(await connect(`${base.replace('http', 'ws')}/api?token=${lab.host.token}`));
    expect((await c.call('sim:start', { scenario: TEMPLATE, speed: 1, paused: true })).ok).toBe(true);
    expect((await c.call('sim:start', { scenario: TEMPLATE })).error?.code).toBe('conflict');
    await c.call('sim:stop');
    c.ws.close();
  });
});
