/**
 * The main-thread side of the heavy-call worker: started on the first slow call, restarted
 * after a crash, every call answered (an error value when the worker dies under it). Both hosts
 * (the browser host and the Electron main process) route their calls through `offThread`.
 */
import { Worker } from 'node:worker_threads';
import type { ApiResult, CallArgs, Method, Results } from '../../../engine/index.ts';
import { err } from '../api/results.ts';
import { RequestPool } from '../request-pool.ts';
import { workerEntry } from '../workers.ts';
import { isHeavy, type HeavyCall, type HeavyDatabase, type HeavyMethod, type HeavyResult } from './heavy-protocol.ts';

/** One worker answering heavy calls in order. */
export class HeavyWorker {
  private readonly pool: RequestPool<HeavyCall, HeavyResult>;

  constructor(db: HeavyDatabase) {
    this.pool = new RequestPool({
      name: 'the export worker',
      start: () => {
        const { file, options } = workerEntry('heavy-worker');
        return new Worker(file, { ...options, workerData: { ...(options.workerData as object | undefined), ...db } });
      },
    });
  }

  /** Answers `method(params)` in the worker; never rejects. */
  call(method: HeavyMethod, params: unknown): Promise<ApiResult<unknown>> {
    return this.pool.request({ method, params }).catch((e: Error) => err('internal', e.message));
  }

  /** Stops the worker; calls still waiting get an error value. */
  close(): Promise<void> {
    return this.pool.close('the lab is shutting down');
  }
}

/** A host's dispatcher (createApi's `handle` and `call`). */
export interface Dispatcher {
  handle(method: unknown, params: unknown): Promise<ApiResult<unknown>>;
  call<M extends Method>(method: M, ...args: CallArgs<M>): Promise<ApiResult<Results[M]>>;
}

/**
 * `api` with its heavy calls (exports, comparisons: they read whole runs and build big strings)
 * answered by a worker with its own read-only connection, so the live run and other calls are
 * not held up. Without a database file every call stays with `api`.
 */
export function offThread(api: Dispatcher, db: HeavyDatabase | null): Dispatcher & { close(): Promise<void> } {
  const heavy = db ? new HeavyWorker(db) : null;
  const handle = (method: unknown, params: unknown): Promise<ApiResult<unknown>> => (heavy && isHeavy(method) ? heavy.call(method, params) : api.handle(method, params));
  return {
    handle,
    call: <M extends Method>(method: M, ...args: CallArgs<M>) => handle(method, args[0] ?? {}) as Promise<ApiResult<Results[M]>>,
    close: async () => await heavy?.close(),
  };
}
