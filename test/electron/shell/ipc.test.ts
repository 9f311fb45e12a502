import { afterAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../engine/index.ts';
import { createApi } from '../../../electron/services/api/handlers.ts';
import { LiveRunner } from '../../../electron/services/live/runner.ts';
import { bindApi, type IpcMainLike, type InvokeEventLike } from '../../../electron/main/ipc.ts';
import { CALL_CHANNEL } from '../../../electron/preload/channels.ts';

/** Electron's ipcMain, faked at the process boundary: records the handler, invokes it. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<ApiResult<unknown>>>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => void handlers.delete(channel),
  };
  /** A call from the main frame of a page at `frameUrl` (as Electron gives it: the frame is the page's mainFrame). */
  const invoke = (frameUrl: string | null, ...args: unknown[]) => {
    const frame = frameUrl === null ? null : { url: frameUrl, parent: null };
    return invokeFrom(frame === null ? { senderFrame: null } : { senderFrame: frame, sender: { mainFrame: frame } }, ...args);
  };
  const invokeFrom = (event: InvokeEventLike, ...args: unknown[]) => {
    const h = handlers.get(CALL_CHANNEL);
    if (!h) throw new Error('nothing bound');
    return h(event, ...args);
  };
  return { ipc, handlers, invoke, invokeFrom };
}

const APP = 'app://lab/index.html';
const runner = new LiveRunner(null, () => {});
const api = createApi({ db: null, dbPath: null, runner, host: 'electron', appVersion: '9.9.9' });
const { ipc, handlers, invoke, invokeFrom } = fakeIpcMain();
const refused: (string | null)[] = [];
const unbind = bindApi(ipc, (m, p) => api.handle(m, p), { onRefused: (u) => refused.push(u) });

afterAll(async () => {
  unbind();
  await runner.close();
});

describe('bindApi', () => {
  it('dispatches a good call to the API', async () => {
    const r = await invoke(APP, 'app:info', {});
    expect(r.ok).toBe(true);
    expect(r.ok && (r.value as { host: string; version: string })).toMatchObject({ host: 'electron', version: '9.9.9' });
  });

  it('answers templates:list with the shipped templates', async () => {
    const r = await invoke(APP, 'templates:list', {});
    expect(r.ok).toBe(true);
    const list = r.ok ? (r.value as { file: string }[]) : [];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((t) => t.file.endsWith('.srlab.json'))).toBe(true);
  });

  it.each([
    ['a web page', 'https://evil.example/'],
    ['a file page', 'file:///home/me/report.html'],
    ['another app host', 'app://other/index.html'],
    ['a look-alike host', 'app://lab.evil.example/index.html'],
    ['the browser host', 'http://127.0.0.1:5180/?token=x'],
    ['about:blank', 'about:blank'],
  ])('refuses a call from %s as unauthorized', async (_what, url) => {
    const r = await invoke(url, 'app:info', {});
    expect(r).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.any(String) } });
    expect(refused).toContain(url);
  });

  it('refuses a call from an app://lab frame inside the page (not its main frame)', async () => {
    const main = { url: APP, parent: null };
    const child = { url: 'app://lab/index.html', parent: main };
    const r = await invokeFrom({ senderFrame: child, sender: { mainFrame: main } }, 'app:info', {});
    expect(r.ok || r.error.code).toBe('unauthorized');
  });

  it("refuses a top-level app://lab frame that is not the sending page's main frame", async () => {
    const frame = { url: APP, parent: null };
    const r = await invokeFrom({ senderFrame: frame, sender: { mainFrame: { url: APP, parent: null } } }, 'app:info', {});
    expect(r.ok || r.error.code).toBe('unauthorized');
  });

  it('refuses a call whose frame is gone', async () => {
    const r = await invoke(null, 'app:info', {});
    expect(r.ok || r.error.code).toBe('unauthorized');
  });

  it('refuses an unknown method with bad-method', async () => {
    const r = await invoke(APP, 'fs:readFile', { path: '/etc/passwd' });
    expect(r.ok || r.error.code).toBe('bad-method');
  });

  it.each([[42], [null], [{ toString: () => 'app:info' }], [undefined]])('refuses a method that is not a string (%s)', async (method) => {
    const r = await invoke(APP, method, {});
    expect(r.ok || r.error.code).toBe('bad-method');
  });

  it('refuses bad params with bad-params and the path of the problem', async () => {
    const r = await invoke(APP, 'templates:get', { file: 42 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('bad-params');
    expect(!r.ok && r.error.message).toContain('file');
  });

  it('refuses params the method does not know (strict schemas)', async () => {
    const r = await invoke(APP, 'app:info', { extra: true });
    expect(!r.ok && r.error.code).toBe('bad-params');
  });

  it('answers a dispatcher that throws with an internal error value instead of rejecting', async () => {
    const other = fakeIpcMain();
    bindApi(other.ipc, () => Promise.reject(new Error('boom')));
    await expect(other.invoke(APP, 'app:info', {})).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'app:info failed: boom' } });
  });

  it('removes its handler when unbound', () => {
    const other = fakeIpcMain();
    const off = bindApi(other.ipc, (m, p) => api.handle(m, p));
    expect(other.handlers.has(CALL_CHANNEL)).toBe(true);
    off();
    expect(other.handlers.has(CALL_CHANNEL)).toBe(false);
  });
});

describe('the bound handler', () => {
  it('is the only channel registered', () => {
    expect([...handlers.keys()]).toEqual([CALL_CHANNEL]);
  });
});
