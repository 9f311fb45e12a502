/**
 * What one WebSocket connection may ask of the host at a time. A page (or a script) can send
 * thousands of calls in one burst; answering them in one go would keep the main thread from
 * every other client and from the live run's snapshots. So each connection runs at most
 * `maxInFlight` calls at once, each started on its own turn of the event loop (other sockets are
 * read in between), keeps at most `maxQueued` waiting, and is answered `busy` beyond that, or
 * while its unsent replies pile up past `maxBufferedBytes` (a client that does not read).
 */
import type { ApiResult } from '../../../engine/index.ts';

/** The bounds of one connection. */
export interface QueueLimits {
  maxInFlight: number;
  maxQueued: number;
  maxBufferedBytes: number;
}

/** Defaults: enough for the app's own bursts (a History page asks for a few dozen things). */
export const DEFAULT_LIMITS: QueueLimits = { maxInFlight: 4, maxQueued: 256, maxBufferedBytes: 64 * 1024 * 1024 };

type Call = { id: number | null; method: unknown; params: unknown };

/** The calls of one connection, answered through `reply`. */
export class ConnectionQueue {
  private readonly limits: QueueLimits;
  private readonly waiting: Call[] = [];
  private head = 0;
  private running = 0;
  private closed = false;

  constructor(
    private readonly handle: (method: unknown, params: unknown) => Promise<ApiResult<unknown>>,
    private readonly reply: (id: number | null, result: ApiResult<unknown>) => void,
    private readonly buffered: () => number,
    limits: Partial<QueueLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Calls waiting to start (not counting the running ones). */
  get queued(): number {
    return this.waiting.length - this.head;
  }

  /** Accepts one call, or answers `busy` at once when the connection has too much outstanding. */
  push(id: number | null, method: unknown, params: unknown): void {
    if (this.closed) return;
    if (this.queued >= this.limits.maxQueued || this.buffered() > this.limits.maxBufferedBytes) {
      const what = this.queued >= this.limits.maxQueued ? `${this.running + this.queued} calls are already waiting on this connection` : 'this connection has not read its earlier answers yet';
      this.reply(id, { ok: false, error: { code: 'busy', message: `the lab is busy: ${what}; try again when they are answered` } });
      return;
    }
    this.waiting.push({ id, method, params });
    this.pump();
  }

  /** The connection closed: drop what waits (nobody would read the answers). */
  close(): void {
    this.closed = true;
    this.waiting.length = 0;
    this.head = 0;
  }

  private pump(): void {
    while (!this.closed && this.running < this.limits.maxInFlight && this.queued > 0) {
      const call = this.waiting[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.waiting.length) {
        this.waiting.splice(0, this.head);
        this.head = 0;
      }
      this.running++;
      setImmediate(() => void this.run(call));
    }
  }

  private async run(call: Call): Promise<void> {
    let result: ApiResult<unknown>;
    try {
      result = this.closed ? { ok: false, error: { code: 'internal', message: 'closed' } } : await this.handle(call.method, call.params);
    } catch (e) {
      result = { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
    this.running--;
    if (!this.closed) this.reply(call.id, result);
    this.pump();
  }
}
