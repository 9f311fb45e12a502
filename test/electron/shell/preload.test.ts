import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../electron/preload/channels.ts';

// Electron's renderer-side modules, replaced at the process boundary: what the preload exposes
// and what it sends are captured here.
const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(event: unknown, message: unknown) => void>>();
const invoked: unknown[][] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, value: 'answered' });
    },
    on: (channel: string, l: (event: unknown, message: unknown) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(l);
    },
    removeListener: (channel: string, l: (event: unknown, message: unknown) => void) => listeners.get(channel)?.delete(l),
  },
}));

interface Bridge {
  call(method: string, params: unknown): Promise<unknown>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}
let srlab: Bridge;
const fromMain = (message: unknown) => {
  for (const l of listeners.get(EVENT_CHANNEL) ?? []) l({ sender: 'the IpcRendererEvent' }, message);
};

beforeAll(async () => {
  await import('../../../electron/preload/preload.ts');
  srlab = exposed.get('srlab') as Bridge;
});

describe('preload', () => {
  it('exposes one object, window.srlab, with exactly call and on', () => {
    expect([...exposed.keys()]).toEqual(['srlab']);
    expect(Object.keys(srlab).sort()).toEqual(['call', 'on']);
    expect(typeof srlab.call).toBe('function');
    expect(typeof srlab.on).toBe('function');
  });

  it('call invokes the call channel with the method and params and returns the answer', async () => {
    await expect(srlab.call('app:info', { a: 1 })).resolves.toEqual({ ok: true, value: 'answered' });
    expect(invoked.at(-1)).toEqual([CALL_CHANNEL, 'app:info', { a: 1 }]);
  });

  it('on delivers the payload of its event only, without the IPC event', () => {
    const got: unknown[] = [];
    const off = srlab.on('sim:snapshot', (p) => got.push(p));
    fromMain({ event: 'sim:snapshot', payload: { t: 1 } });
    fromMain({ event: 'runs:changed', payload: {} });
    fromMain({ event: 'sim:snapshot', payload: { t: 2 } });
    expect(got).toEqual([{ t: 1 }, { t: 2 }]);
    off();
  });

  it('the function on returns unsubscribes (and is safe to call twice)', () => {
    const got: unknown[] = [];
    const off = srlab.on('menu:command', (p) => got.push(p));
    fromMain({ event: 'menu:command', payload: { command: 'new' } });
    off();
    off();
    fromMain({ event: 'menu:command', payload: { command: 'save' } });
    expect(got).toEqual([{ command: 'new' }]);
  });

  it('keeps one IPC listener however many subscriptions there are', () => {
    const offs = Array.from({ length: 25 }, () => srlab.on('sim:ended', () => {}));
    expect(listeners.get(EVENT_CHANNEL)?.size).toBe(1);
    for (const off of offs) off();
  });

  it('ignores malformed messages and a listener that throws does not stop the others', () => {
    const got: unknown[] = [];
    const offA = srlab.on('sim:ended', () => {
      throw new Error('listener bug');
    });
    const offB = srlab.on('sim:ended', (p) => got.push(p));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    fromMain('not an envelope');
    fromMain(null);
    fromMain({ event: 'sim:ended', payload: 'done' });
    quiet.mockRestore();
    expect(got).toEqual(['done']);
    offA();
    offB();
  });
});
