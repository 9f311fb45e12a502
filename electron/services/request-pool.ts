/**
 * Requests to one worker thread, each answered by id: the worker starts on the first request,
 * a worker that dies (error or exit) rejects every request still waiting and the next request
 * starts a fresh one, and closing rejects what is waiting and terminates the worker. Used by
 * the services that hand slow work to a worker of their own (exports and comparisons, stored-run
 * seeks); `serveRequests` is the worker's side.
 */
import { parentPort, type Worker } from 'node:worker_threads';

/** Main → worker: one request. */
export interface RequestMessage<Req> {
  id: number;
  request: Req;
}

/** Worker → main: the answer to request `id`, or how far it has got (any number of times before). */
export type ReplyMessage<Res, Prog = never> = { id: number; result: Res } | { id: number; progress: Prog };

/** How the pool starts and names its worker. */
export interface RequestPoolOptions {
  /** Starts the worker (on the first request, and on the next one after a crash). */
  start: () => Worker;
  /** What the worker is, for errors: "the export worker" gives "the export worker stopped (code 1)". */
  name: string;
  /** Let the process exit while the worker is idle (default false). */
  unref?: boolean;
}

interface Waiting<Res, Prog> {
  resolve: (result: Res) => void;
  reject: (error: Error) => void;
  progress: ((p: Prog) => void) | undefined;
}

/** One worker answering requests by id (and telling how far a long one has got, `Prog`). */
export class RequestPool<Req, Res, Prog = never> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Waiting<Res, Prog>>();
  private closedWhy: string | null = null;

  constructor(private readonly o: RequestPoolOptions) {}

  /**
   * The worker's answer to `request`; rejects when the worker dies first or the pool is closed.
   * `progress` hears how far it has got, when the worker tells.
   */
  request(request: Req, progress?: (p: Prog) => void): Promise<Res> {
    if (this.closedWhy !== null) return Promise.reject(new Error(this.closedWhy));
    const w = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<Res>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      w.postMessage({ id, request } satisfies RequestMessage<Req>);
    });
  }

  /** How many requests wait for an answer. */
  get waiting(): number {
    return this.pending.size;
  }

  /** Rejects every waiting request (and every later one) with `why`, and stops the worker. */
  async close(why: string): Promise<void> {
    this.closedWhy = why;
    const w = this.worker;
    this.worker = null;
    this.rejectAll(why);
    if (w) await w.terminate();
  }

  private start(): Worker {
    const w = this.o.start();
    if (this.o.unref) w.unref();
    this.worker = w;
    w.on('message', (m: ReplyMessage<Res, Prog>) => {
      const waiting = this.pending.get(m.id);
      if ('progress' in m) return waiting?.progress?.(m.progress);
      this.pending.delete(m.id);
      waiting?.resolve(m.result);
    });
    const gone = (why: string) => {
      // A worker already replaced (or closed) says nothing about the requests of the new one.
      if (this.worker !== w) return;
      this.worker = null;
      this.rejectAll(why);
    };
    w.on('error', (e) => gone(`${this.o.name} failed: ${e.message}`));
    w.on('exit', (code) => gone(`${this.o.name} stopped (code ${code})`));
    return w;
  }

  private rejectAll(why: string): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(new Error(why));
  }
}

/**
 * The worker's side: answers each request with `answer`, or with `failed(error, request)` when
 * it throws, so every request gets its reply. `answer` may tell how far it has got with
 * `progress` (the main thread hears it while the worker goes on).
 */
export function serveRequests<Req, Res, Prog = never>(answer: (request: Req, progress: (p: Prog) => void) => Res | Promise<Res>, failed: (error: unknown, request: Req) => Res): void {
  const port = parentPort;
  if (!port) throw new Error('serveRequests runs only inside a worker thread');
  port.on('message', async (m: RequestMessage<Req>) => {
    let result: Res;
    try {
      result = await answer(m.request, (progress) => port.postMessage({ id: m.id, progress } satisfies ReplyMessage<Res, Prog>));
    } catch (e) {
      result = failed(e, m.request);
    }
    port.postMessage({ id: m.id, result } satisfies ReplyMessage<Res, Prog>);
  });
}
