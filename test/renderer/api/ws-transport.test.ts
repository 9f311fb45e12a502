import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { CallArgs } from '../../../engine/index.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { WsTransport, type SocketLike } from '../../../renderer/src/api/ws-transport.ts';

/** A stand-in for the browser host's socket end: counts connections, pushes events, drops sockets. */
async function fakeHost() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const sockets: WebSocket[] = [];
  let connections = 0;
  wss.on('connection', (s) => {
    connections++;
    sockets.push(s);
    s.on('message', (m) => {
      const { id, method } = JSON.parse(String(m)) as { id: number; method: string };
      if (method === 'never:answered') return;
      s.send(JSON.stringify({ id, result: { ok: true, value: method } }));
    });
  });
  const { port } = wss.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}/api`,
    connections: () => connections,
    push: (event: string, payload: unknown) => {
      for (const s of sockets) if (s.readyState === WebSocket.OPEN) s.send(JSON.stringify({ event, payload }));
    },
    dropAll: () => {
      for (const s of sockets.splice(0)) s.terminate();
    },
    close: () => new Promise<void>((r) => wss.close(() => r())),
  };
}

async function until(check: () => boolean): Promise<void> {
  await expect.poll(check, { timeout: 10_000, interval: 5 }).toBe(true);
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('WsTransport', () => {
  it('keeps its listeners after the connection drops: it reconnects and they hear the new socket', async () => {
    const host = await fakeHost();
    const t = new WsTransport(host.url, { connect: (u) => new WebSocket(u) as unknown as SocketLike, retryMs: 10 });
    cleanups.push(host.close, () => t.close());
    const heard: unknown[] = [];
    t.on('sim:snapshot', (p) => heard.push(p));
    await until(() => host.connections() === 1);
    host.push('sim:snapshot', { n: 1 });
    await until(() => heard.length === 1);

    host.dropAll();
    await until(() => host.connections() === 2);
    host.push('sim:snapshot', { n: 2 });
    await until(() => heard.length === 2);
    expect(heard).toEqual([{ n: 1 }, { n: 2 }]);
    // Calls work over the new socket too.
    expect(await t.call('app:info', {})).toEqual({ ok: true, value: 'app:info' });
  });

  it('answers a call in flight when the socket drops with an internal error; the next call opens a new socket', async () => {
    const host = await fakeHost();
    const t = new WsTransport(host.url, { connect: (u) => new WebSocket(u) as unknown as SocketLike, retryMs: 10 });
    cleanups.push(host.close, () => t.close());
    const inFlight = t.call('never:answered', {});
    await until(() => host.connections() === 1);
    host.dropAll();
    expect(await inFlight).toEqual({ ok: false, error: { code: 'internal', message: 'the connection to the lab server closed' } });
    expect(await t.call('runs:list', {})).toEqual({ ok: true, value: 'runs:list' });
    expect(host.connections()).toBe(2);
  });
});

describe('ApiClient.call', () => {
  it('types params per method: optional only when every param is', () => {
    expectTypeOf<CallArgs<'app:info'>>().toEqualTypeOf<[params?: Record<string, never>]>();
    expectTypeOf<CallArgs<'runs:get'>>().toEqualTypeOf<[params: { id: string }]>();
    const api = new ApiClient({ call: async () => ({ ok: true, value: null }), on: () => () => {} });
    // @ts-expect-error runs:get needs its id
    void api.call('runs:get');
    // @ts-expect-error status is one of the run states
    void api.call('runs:list', { status: 'done' });
    void api.call('runs:list', { status: 'completed' });
  });
});
