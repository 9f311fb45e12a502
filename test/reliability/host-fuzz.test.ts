/**
 * Random hostile traffic at the browser host: request targets of random bytes and percent
 * escapes, random Host headers, random request lines, and random WebSocket frames (opcodes,
 * mask bits, lengths, payloads) on authenticated connections. The lab runs in this process with
 * a live run paused in it; afterwards it must still serve its page, answer the API, and still
 * have the run.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openDatabase } from '../../electron/services/db/index.ts';
import { startLab, type RunningLab } from '../../electron/services/host/lab.ts';
import { collect, frame, get, rawRequest, rawWebSocket } from '../electron/host/raw.ts';
import { tempDir } from '../electron/cli/helpers.ts';
import { count, figures, LARGE, Rng, size } from './fuzz-kit.ts';

const TEMPLATE = JSON.parse(readFileSync(new URL('../../assets/scenarios/01-spoke-and-hub-session-loss-packet-based.srlab.json', import.meta.url), 'utf8')) as unknown;
const REQUESTS = size(150, 3000);
const FRAME_CONNECTIONS = size(60, 1000);

let lab: RunningLab;
let port: number;
let token: string;

function call(method: string, params: unknown = {}): Promise<any> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`, { origin: `http://127.0.0.1:${port}` });
    ws.once('error', reject);
    ws.once('open', () => ws.send(JSON.stringify({ id: 1, method, params })));
    ws.on('message', (d) => {
      const m = JSON.parse(String(d)) as { id?: number; result?: unknown };
      if (m.id === 1) {
        ws.close();
        resolve(m.result);
      }
    });
  });
}

beforeAll(async () => {
  const dir = tempDir();
  const www = join(dir, 'www');
  mkdirSync(www);
  writeFileSync(join(www, 'index.html'), '<!doctype html>');
  const dbPath = join(dir, 'runs.db');
  lab = await startLab({ db: openDatabase(dbPath), dbPath, host: '127.0.0.1', port: 0, log: () => {}, rendererDir: www });
  port = lab.host.port;
  token = lab.host.token;
  expect((await call('sim:start', { scenario: TEMPLATE, speed: 1, paused: true })).ok).toBe(true);
});

afterAll(async () => {
  await lab.close();
  console.log(`host fuzz figures${LARGE ? ' (large run)' : ''}: ${JSON.stringify(figures)}`);
});

const PIECES = ['/', '//', '%', '%ff', '%c0%ae', '%00', '..', '%2e%2e', '%2f', '?', '#', 'token=', ':', '@', '\\', 'x:abc', '[', ']', 'api', 'index.html', '%zz', '\u00e9', ';', '*'];

function randomTarget(rng: Rng): string {
  let t = rng.int(10) === 0 ? '' : '/';
  const n = 1 + rng.int(8);
  for (let i = 0; i < n; i++) t += rng.int(3) === 0 ? encodeURIComponent(rng.bytes(1 + rng.int(3)).toString('latin1')) : rng.pick(PIECES);
  if (rng.int(3) === 0) t += `${t.includes('?') ? '&' : '?'}token=${rng.int(2) ? token : 'nope'}`;
  // Keep it one request line: no CR, LF or blanks (those make a different request, tried below).
  return t.replace(/[\s]/g, '');
}

function randomHost(rng: Rng): string {
  return rng.pick([
    `127.0.0.1:${port}`,
    `localhost:${port}`,
    `[::1]:${port}`,
    'evil.example',
    `evil.example:${port}`,
    '',
    '[',
    ':',
    `127.0.0.1:${port}:1`,
    'x'.repeat(400),
    '0.0.0.0',
    `[::1`,
    '127.1',
  ]);
}

describe('the browser host under random hostile requests', () => {
  it(`answers ${REQUESTS} random requests with a status, never failing the process`, async () => {
    const rng = new Rng(0x4a11);
    for (let i = 0; i < REQUESTS; i++) {
      const kind = rng.int(4);
      let status: number | null;
      if (kind === 0) {
        // A raw request line of random bytes.
        status = (await rawRequest(port, `${rng.bytes(1 + rng.int(60)).toString('latin1')}\r\n\r\n`)).status;
      } else if (kind === 1) {
        const upgrade = `GET ${randomTarget(rng)} HTTP/1.1\r\nHost: ${randomHost(rng)}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${rng.bytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`;
        status = (await rawRequest(port, upgrade)).status;
      } else {
        status = (await get(port, randomTarget(rng), randomHost(rng), rng.int(2) ? token : undefined)).status;
      }
      count('random HTTP requests and upgrades');
      // Anything but a server error: 200 (a real file), 101 (a good upgrade), 4xx, or no answer to garbage.
      if (status !== null) expect([101, 200].includes(status) || (status >= 400 && status < 500), `request ${i}: ${status}`).toBe(true);
    }
  });

  it(`survives random frames on ${FRAME_CONNECTIONS} authenticated WebSocket connections`, async () => {
    const rng = new Rng(0xf4a3e);
    for (let i = 0; i < FRAME_CONNECTIONS; i++) {
      const s = await rawWebSocket(port, token);
      const done = collect(s, () => false, 300);
      const frames = 1 + rng.int(4);
      for (let k = 0; k < frames; k++) {
        const payload =
          rng.int(3) === 0
            ? Buffer.from(rng.pick(['null', '{}', '[]', '{"id":1,"method":"app:info"}', '{"id":"x","method":42}', '"', '{"id":1,"method":"sim:pause","params":null}']))
            : rng.bytes(rng.int(200));
        const f = frame(rng.int(16), payload, {
          mask: rng.int(8) !== 0,
          fin: rng.int(6) !== 0,
          rsv: rng.int(10) === 0 ? 1 + rng.int(7) : 0,
          ...(rng.int(10) === 0 ? { length: rng.pick([126, 65_536, 2 ** 32, 17 * 1024 * 1024]) } : {}),
        });
        s.write(f);
        count('random WebSocket frames');
      }
      await done;
      s.destroy();
    }
  });

  it('still serves its page, answers the API and has its live run afterwards', async () => {
    expect((await get(port, `/?token=${token}`)).status).toBe(200);
    const state = await call('sim:state');
    expect(state.ok).toBe(true);
    expect(state.value).not.toBeNull();
  });
});
