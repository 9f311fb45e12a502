/**
 * The browser host against hostile clients: malformed request targets, a foreign Host header
 * (DNS rebinding), broken WebSocket frames, floods of calls and heavy exports. The lab runs in
 * this process with a live run paused in it: an uncaught exception would fail the file, and the
 * last test checks that the live run and the server are still there.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openDatabase } from '../../../electron/services/db/index.ts';
import { startLab, type RunningLab } from '../../../electron/services/host/lab.ts';
import { closeCodeOf, closeFrame, collect, frame, get, rawRequest, rawWebSocket, upgradeHead } from './raw.ts';

const TEMPLATE = JSON.parse(readFileSync(new URL('../../../assets/scenarios/02-spoke-and-hub-session-loss-inactivity-based.srlab.json', import.meta.url), 'utf8')) as Record<string, unknown>;

type Result = { ok: boolean; value?: any; error?: { code: string; message: string } };

let dir: string;
let lab: RunningLab;
let port: number;
let token: string;
let storedRun: string;

/** A WebSocket API client. */
class Client {
  private next = 1;
  private readonly pending = new Map<number, (r: Result) => void>();
  readonly unmatched: Result[] = [];
  readonly events: string[] = [];
  constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const m = JSON.parse(String(d)) as { id?: number | null; result?: Result; event?: string };
      if (m.event) this.events.push(m.event);
      else if (typeof m.id === 'number' && this.pending.has(m.id)) {
        this.pending.get(m.id)!(m.result!);
        this.pending.delete(m.id);
      } else this.unmatched.push(m.result!);
    });
  }
  static async open(): Promise<Client> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`, { origin: `http://127.0.0.1:${port}` });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return new Client(ws);
  }
  call(method: string, params: unknown = {}): Promise<Result> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }
}

async function waitFor(pred: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The lab still serves its page and answers the API. */
async function stillServing(): Promise<void> {
  expect((await get(port, `/?token=${token}`)).status).toBe(200);
  const c = await Client.open();
  expect((await c.call('app:info')).ok).toBe(true);
  c.ws.close();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'srlab-hostile-'));
  const www = join(dir, 'www');
  mkdirSync(www);
  writeFileSync(join(www, 'index.html'), '<!doctype html><title>lab</title>');
  const dbPath = join(dir, 'runs.db');
  lab = await startLab({ db: openDatabase(dbPath), dbPath, host: '127.0.0.1', port: 0, log: () => {}, rendererDir: www, limits: { maxInFlight: 2, maxQueued: 20 } });
  port = lab.host.port;
  token = lab.host.token;
  // One stored run to export, then a live run left paused through every test below.
  const c = await Client.open();
  const done = await c.call('sim:start', { scenario: { ...TEMPLATE, durationMs: 5000, faults: [] }, speed: 'max' });
  if (!done.ok) throw new Error(JSON.stringify(done));
  storedRun = done.value.runId;
  await waitFor(() => c.events.includes('sim:ended'), 'the stored run');
  expect((await c.call('sim:start', { scenario: TEMPLATE, speed: 1, paused: true })).ok).toBe(true);
  c.ws.close();
});

afterAll(async () => {
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the browser host, sent malformed requests', () => {
  it.each(['//', '///', '//x:abc/', '//x:abc/?token=nope'])('answers GET %s with 4xx and keeps running', async (target) => {
    const r = await get(port, target);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    await stillServing();
  });

  it.each(['/%', '/%ff', '/%c0%ae', '/%c0%ae%c0%ae/runs.db', '/a%00b'])('answers GET %s (with the token) with 400', async (target) => {
    const r = await get(port, target, undefined, token);
    expect(r.status).toBe(400);
    await stillServing();
  });

  it('refuses a WebSocket upgrade to // and to a malformed path', async () => {
    for (const target of ['//', '//x:abc/', '/%ff']) {
      const r = await rawRequest(port, upgradeHead(port, target));
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    await stillServing();
  });

  it('answers a request line that is not HTTP with 400', async () => {
    const r = await rawRequest(port, 'HELLO\r\n\r\n');
    expect(r.status === null || r.status === 400).toBe(true);
    await stillServing();
  });
});

describe('the browser host, asked under another name (DNS rebinding)', () => {
  it('refuses a page request whose Host is not this machine, even with the token', async () => {
    const r = await get(port, `/?token=${token}`, `evil.example:${port}`);
    expect(r.status).toBe(421);
    expect(r.text).toContain('localhost');
  });

  it('refuses a WebSocket upgrade whose Host is not this machine', async () => {
    const head = upgradeHead(port, `/api?token=${token}`).replace(`Host: 127.0.0.1:${port}`, `Host: rebind.example:${port}`);
    expect((await rawRequest(port, head)).status).toBe(421);
  });

  it('refuses a missing or malformed Host header', async () => {
    expect((await rawRequest(port, `GET /?token=${token} HTTP/1.0\r\n\r\n`)).status).toBe(421);
    expect((await get(port, `/?token=${token}`, '127.0.0.1:80:80')).status).toBe(421);
  });

  it('accepts the loopback names', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
      expect((await get(port, `/?token=${token}`, host)).status).toBe(200);
    }
  });

  it("limits the page's connections to its own ws:// origin", async () => {
    const r = await fetch(`http://127.0.0.1:${port}/?token=${token}`);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${port};`);
    expect(csp).not.toMatch(/\bwss?:(\s|;)/);
  });
});

describe('the browser host, sent broken WebSocket messages', () => {
  it('answers the message null, a number and a list with an error value and keeps the connection', async () => {
    const c = await Client.open();
    for (const text of ['null', '42', '[1,2]', '"x"', '{"id":', '']) c.ws.send(text);
    await waitFor(() => c.unmatched.length === 6, 'six error values');
    expect(c.unmatched.every((r) => r.error?.code === 'bad-params')).toBe(true);
    expect((await c.call('app:info')).ok).toBe(true);
    c.ws.close();
  });

  it('refuses to save a design under the empty id', async () => {
    const c = await Client.open();
    const r = await c.call('scenarios:save', { id: '', scenario: TEMPLATE });
    expect(r.error?.code).toBe('bad-params');
    expect(r.error?.message).toContain('id');
    expect((await c.call('scenarios:list')).value).toEqual([]);
    c.ws.close();
  });

  it('answers a binary message with an error value', async () => {
    const c = await Client.open();
    c.ws.send(Buffer.from('{"id":1,"method":"app:info"}'), { binary: true });
    await waitFor(() => c.unmatched.length === 1, 'an error value');
    expect(c.unmatched[0]!.error?.code).toBe('bad-params');
    c.ws.close();
  });

  const broken: [string, () => Buffer, number][] = [
    ['a message over 16 MB (close code 1009)', () => frame(0x1, Buffer.alloc(0), { length: 16 * 1024 * 1024 + 1 }), 1009],
    ['invalid UTF-8 in a text frame (close code 1007)', () => frame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 1007],
    ['an unmasked frame (close code 1002)', () => frame(0x1, Buffer.from('{"id":1}'), { mask: false }), 1002],
    ['a close frame with code 999 (close code 1002)', () => closeFrame(999), 1002],
    ['a close frame with reserved code 1005 (close code 1002)', () => closeFrame(1005), 1002],
    ['an unknown opcode (close code 1002)', () => frame(0x3, Buffer.from('x')), 1002],
    ['reserved bits set (close code 1002)', () => frame(0x1, Buffer.from('{}'), { rsv: 3 }), 1002],
  ];
  it.each(broken)('closes the connection on %s and keeps running', async (_what, make, code) => {
    const s = await rawWebSocket(port, token);
    const got = collect(s);
    s.write(make());
    const { buf, closed } = await got;
    expect(closed).toBe(true);
    expect(closeCodeOf(buf)).toBe(code);
    await stillServing();
  });
});

describe('the browser host under load', () => {
  it("answers busy beyond one connection's queue, answers every call, and still serves another client", async () => {
    const flood = await Client.open();
    const calls = Array.from({ length: 500 }, () => flood.call('runs:list', {}));
    const other = await Client.open();
    const answer = await other.call('runs:list', {});
    expect(answer.ok).toBe(true);
    const results = await Promise.all(calls);
    const busy = results.filter((r) => r.error?.code === 'busy');
    const ok = results.filter((r) => r.ok);
    expect(ok.length + busy.length).toBe(500);
    expect(busy.length).toBeGreaterThan(0);
    expect(ok.length).toBeGreaterThanOrEqual(20);
    expect(busy[0]!.error!.message).toMatch(/busy/);
    flood.ws.close();
    other.ws.close();
  });

  it('builds exports off the main thread: another client is answered while they are built', async () => {
    const exporter = await Client.open();
    let exported = 0;
    const exports = Array.from({ length: 6 }, () =>
      exporter.call('runs:export', { ids: [storedRun], format: 'html' }).then((r) => {
        exported++;
        return r;
      }),
    );
    const other = await Client.open();
    const listed = await other.call('runs:list', {});
    expect(listed.ok).toBe(true);
    const seenWhenListed = exported;
    const results = await Promise.all(exports);
    expect(results.filter((r) => r.ok).every((r) => String(r.value.content).startsWith('<!doctype html>'))).toBe(true);
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(0);
    expect(seenWhenListed).toBeLessThan(6);
    exporter.ws.close();
    other.ws.close();
  });

  it('kept the live run through all of the above', async () => {
    const c = await Client.open();
    const state = await c.call('sim:state');
    expect(state.ok).toBe(true);
    expect(state.value).not.toBeNull();
    expect((await c.call('sim:stop')).ok).toBe(true);
    c.ws.close();
  });
});
