/**
 * The renderer's view of the API contract: `call(method, params)` and `on(event, cb)` over
 * whichever transport the host provides (Electron's preload bridge, the browser host's
 * WebSocket, or an in-memory handler in tests). Errors come back as values.
 */
import type { ApiResult, CallArgs, EventName, Events, Method, Results } from '../../../engine/index.ts';

/** What a transport must do. */
export interface Transport {
  call(method: string, params: unknown): Promise<ApiResult<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

/** A typed client over a transport. */
export class ApiClient {
  constructor(private readonly t: Transport) {}

  /** Calls a method; never throws (transport failures become `internal` errors). */
  async call<M extends Method>(method: M, ...args: CallArgs<M>): Promise<ApiResult<Results[M]>> {
    try {
      // The other side validates the params against the same schemas and answers Results[M].
      return (await this.t.call(method, args[0] ?? {})) as ApiResult<Results[M]>;
    } catch (e) {
      return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
  }

  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
    return this.t.on(event, cb as (p: unknown) => void);
  }
}

/** The bridge Electron's preload exposes on `window.srlab`. */
export interface PreloadBridge {
  call(method: string, params: unknown): Promise<ApiResult<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}
