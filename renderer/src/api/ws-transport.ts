/**
 * The browser host's transport: one WebSocket to the page's own origin, authenticated by the
 * token the page was opened with (`?token=…`), carrying `{id, method, params}` requests,
 * `{id, result}` replies and `{event, payload}` pushes. Reconnects after a drop.
 */
import type { ApiResult } from '../../../engine/index.ts';
import type { Transport } from './client.ts';

type Pending = (r: ApiResult<unknown>) => void;

/** A WebSocket transport to `url` (ws://host:port/api?token=…). */
export class WsTransport implements Transport {
  private ws: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(p: unknown) => void>>();
  private opening: Promise<WebSocket> | null = null;

  constructor(private readonly url: string) {}

  private open(): Promise<WebSocket> {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) return Promise.resolve(this.ws);
    if (this.opening) return this.opening;
    this.opening = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(this.url);
      ws.onopen = () => {
        this.ws = ws;
        this.opening = null;
        resolve(ws);
      };
      ws.onerror = () => {
        this.opening = null;
        reject(new Error('cannot reach the lab server (is it still running?)'));
      };
      ws.onclose = () => {
        this.ws = null;
        for (const [, done] of this.pending) done({ ok: false, error: { code: 'internal', message: 'the connection to the lab server closed' } });
        this.pending.clear();
      };
      ws.onmessage = (m) => this.receive(String(m.data));
    });
    return this.opening;
  }

  private receive(text: string): void {
    let msg: { id?: number; result?: ApiResult<unknown>; event?: string; payload?: unknown };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return;
    }
    if (typeof msg.id === 'number' && msg.result) {
      this.pending.get(msg.id)?.(msg.result);
      this.pending.delete(msg.id);
    } else if (typeof msg.event === 'string') {
      for (const cb of this.listeners.get(msg.event) ?? []) cb(msg.payload);
    }
  }

  /** Sends a request and waits for its reply. */
  async call(method: string, params: unknown): Promise<ApiResult<unknown>> {
    const ws = await this.open();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Listens for pushed events (opens the socket if needed). */
  on(event: string, cb: (payload: unknown) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(cb);
    void this.open().catch(() => {});
    return () => set.delete(cb);
  }
}

/** The WebSocket URL for the page's own origin and token. */
export function wsUrlFromLocation(loc: Location): string {
  const token = new URLSearchParams(loc.search).get('token') ?? '';
  const proto = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${loc.host}/api?token=${encodeURIComponent(token)}`;
}
