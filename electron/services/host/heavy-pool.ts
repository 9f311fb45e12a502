/**
 * The main-thread side of the heavy-call worker: started on the first slow call, restarted
 * after a crash, every call answered (an error value when the worker dies under it).
 */
import { Worker } from 'node:worker_threads';
import type { ApiResult } from '../../../engine/index.ts';
import { workerEntry } from '../workers.ts';
import type { HeavyCall, HeavyMethod, HeavyReply } from './heavy-protocol.ts';

/** One worker answering heavy calls in order. */
export class HeavyWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (r: ApiResult<unknown>) => void>();
  private closed = false;

  constructor(private readonly dbPath: string) {}

  /** Answers `method(params)` in the worker; never rejects. */
  call(method: HeavyMethod, params: unknown): Promise<ApiResult<unknown>> {
    if (this.closed) return Promise.resolve({ ok: false, error: { code: 'internal', message: 'the lab is shutting down' } });
    const w = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      w.postMessage({ id, method, params } satisfies HeavyCall);
    });
  }

  /** Stops the worker; calls still waiting get an error value. */
  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    this.failAll('the lab is shutting down');
    if (w) await w.terminate();
  }

  private start(): Worker {
    const { file, options } = workerEntry('heavy-worker');
    const w = new Worker(file, { ...options, workerData: { ...(options.workerData as object | undefined), dbPath: this.dbPath } });
    this.worker = w;
    w.on('message', (m: HeavyReply) => {
      this.pending.get(m.id)?.(m.result);
      this.pending.delete(m.id);
    });
    const gone = (why: string) => {
      if (this.worker !== w) return;
      this.worker = null;
      this.failAll(why);
    };
    w.on('error', (e) => gone(`the export worker failed: ${e.message}`));
    w.on('exit', (code) => gone(`the export worker stopped (code ${code})`));
    return w;
  }

  private failAll(message: string): void {
    for (const [, done] of this.pending) done({ ok: false, error: { code: 'internal', message } });
    this.pending.clear();
  }
}
