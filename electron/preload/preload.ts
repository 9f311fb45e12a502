/**
 * The preload (sandboxed, context-isolated): exposes exactly `call` and `on` on `window.srlab`,
 * the renderer's PreloadBridge (renderer/src/api/client.ts). Nothing of Electron or Node
 * crosses: `call` forwards a method name and params, `on` hands callbacks the payload only
 * (never the IpcRendererEvent, whose `sender` would give the page ipcRenderer back).
 * Bundled as one CommonJS file (sandboxed preloads cannot load other files).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult } from '../../engine/index.ts';
import { CALL_CHANNEL, EVENT_CHANNEL, type EventEnvelope } from './channels.ts';

type Callback = (payload: unknown) => void;

// One ipcRenderer listener for every subscription: the renderer subscribes often (panels
// mount and unmount), and one listener per subscription would trip Node's leak warning.
const subscribers = new Map<string, Set<Callback>>();
let listening = false;

function isEnvelope(m: unknown): m is EventEnvelope {
  return typeof m === 'object' && m !== null && typeof (m as { event?: unknown }).event === 'string';
}

function deliver(_event: unknown, message: unknown): void {
  if (!isEnvelope(message)) return;
  // A copy: a callback may unsubscribe (itself or another) while we iterate.
  for (const cb of [...(subscribers.get(message.event) ?? [])]) {
    try {
      cb(message.payload);
    } catch (error) {
      console.error(`srlab: a listener of ${message.event} failed`, error);
    }
  }
}

/** What `window.srlab` is: exactly these two functions. */
export const bridge = {
  /** Calls an API method; main answers with an ApiResult (errors as values). */
  call(method: string, params: unknown): Promise<ApiResult<unknown>> {
    return ipcRenderer.invoke(CALL_CHANNEL, method, params) as Promise<ApiResult<unknown>>;
  },
  /** Subscribes to one event; returns the unsubscribe function (safe to call twice). */
  on(event: string, cb: (payload: unknown) => void): () => void {
    if (typeof event !== 'string' || typeof cb !== 'function') return () => {};
    if (!listening) {
      ipcRenderer.on(EVENT_CHANNEL, deliver);
      listening = true;
    }
    let set = subscribers.get(event);
    if (!set) subscribers.set(event, (set = new Set()));
    // Wrapped, so subscribing the same function twice gives two independent subscriptions.
    const entry: Callback = (payload) => cb(payload);
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  },
};

contextBridge.exposeInMainWorld('srlab', bridge);
