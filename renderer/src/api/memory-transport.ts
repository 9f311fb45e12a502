/** An in-memory transport for tests: calls go straight to a handler, events to listeners. */
import type { ApiResult } from '../../../engine/index.ts';
import type { Transport } from './client.ts';

/** Handles one call. */
export type Handler = (method: string, params: unknown) => Promise<ApiResult<unknown>> | ApiResult<unknown>;

/** A transport whose other end is a function in the same process. */
export class MemoryTransport implements Transport {
  private readonly listeners = new Map<string, Set<(p: unknown) => void>>();

  constructor(private readonly handler: Handler) {}

  /** Calls the handler. */
  async call(method: string, params: unknown): Promise<ApiResult<unknown>> {
    return this.handler(method, structuredClone(params));
  }

  /** Listens for events the test emits. */
  on(event: string, cb: (payload: unknown) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(cb);
    return () => set.delete(cb);
  }

  /** Pushes an event to listeners (the test plays the host). */
  emit(event: string, payload: unknown): void {
    for (const cb of this.listeners.get(event) ?? []) cb(structuredClone(payload));
  }
}
