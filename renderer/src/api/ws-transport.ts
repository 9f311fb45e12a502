/**
 * The browser host's transport: one WebSocket to the page's own origin, authenticated by the
 * token the page was opened with (`?token=…`), carrying `{id, method, params}` requests,
 * `{id, result}` replies and `{event, payload}` pushes. The host pushes every event to every
 * connected page, so listening means keeping a socket open: after a drop the transport
 * reconnects (backing off up to 5 s) for as long as anyone listens, and the listeners receive
 * the events of the new socket. Calls in flight when the socket drops answer `internal`.
 */
import type { ApiResult } from '../../../engine/index.ts';
import type { Transport } from './client.ts';

type Pending = (r: ApiResult<unknown>) => void;

/** The part of the WebSocket API the transport uses (the browser's, or a test's). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  send(text: string): void;
  close(): void;
}

/** Options of {@link WsTransport} (tests pass their own socket). */
export interface WsTransportOptions {
  /** Opens a socket (default: the browser's WebSocket). */
  connect?: (url: string) => SocketLike;
  /** First reconnect delay in ms (doubles up to `maxRetryMs`). */
  retryMs?: number;
  maxRetryMs?: number;
}

const OPEN = 1;

/** A WebSocket transport to `url` (ws://host:port/api?token=…). */
export class WsTransport implements Transport {
  private ws: SocketLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(p: unknown) => void>>();
  private opening: Promise<SocketLike> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryMs: number;
  private closed = false;
  private readonly connect: (url: string) => SocketLike;
  private readonly firstRetryMs: number;
  private readonly maxRetryMs: number;

  constructor(
    private readonly url: string,
    o: WsTransportOptions = {},
  ) {
    this.connect = o.connect ?? ((u) => new WebSocket(u) as unknown as SocketLike);
    this.firstRetryMs = o.retryMs ?? 250;
    this.maxRetryMs = o.maxRetryMs ?? 5000;
    this.retryMs = this.firstRetryMs;
  }

  private open(): Promise<SocketLike> {
    if (this.ws && this.ws.readyState === OPEN) return Promise.resolve(this.ws);
    if (this.opening) return this.opening;
    this.opening = new Promise<SocketLike>((resolve, reject) => {
      const ws = this.connect(this.url);
      let opened = false;
      ws.onopen = () => {
        opened = true;
        this.ws = ws;
        this.opening = null;
        this.retryMs = this.firstRetryMs;
        resolve(ws);
      };
      ws.onerror = () => {
        if (opened) return; // onclose follows and handles it
        this.opening = null;
        reject(new Error('cannot reach the lab server (is it still running?)'));
      };
      ws.onclose = () => {
        if (this.ws === ws) this.ws = null;
        if (!opened) this.opening = null;
        for (const [, done] of this.pending) done({ ok: false, error: { code: 'internal', message: 'the connection to the lab server closed' } });
        this.pending.clear();
        this.scheduleReconnect();
      };
      ws.onmessage = (m) => this.receive(String(m.data));
    });
    return this.opening;
  }

  /** Listeners stay subscribed across a drop: reopen the socket (backing off) while any listen. */
  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer !== null || !this.hasListeners()) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.maxRetryMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.closed || !this.hasListeners()) return;
      this.open().catch(() => this.scheduleReconnect());
    }, wait);
  }

  private hasListeners(): boolean {
    for (const set of this.listeners.values()) if (set.size > 0) return true;
    return false;
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

  /** Listens for pushed events (opens the socket if needed, and keeps it open across drops). */
  on(event: string, cb: (payload: unknown) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(cb);
    void this.open().catch(() => this.scheduleReconnect());
    return () => set.delete(cb);
  }

  /** Closes the socket for good (no reconnects). */
  close(): void {
    this.closed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.ws?.close();
  }
}

/** The WebSocket URL for the page's own origin and token. */
export function wsUrlFromLocation(loc: Location): string {
  const token = new URLSearchParams(loc.search).get('token') ?? '';
  const proto = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${loc.host}/api?token=${encodeURIComponent(token)}`;
}
