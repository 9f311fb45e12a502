/**
 * How a sweep's runs get executed, apart from what is done with their results. The runner
 * (run-sweep.ts) owns the database and the bookkeeping; an executor only turns jobs into
 * results: worker threads on this machine (threadExecutor, which forks the runs that share a
 * prefix: SweepJob.fork says which share what; a ThreadPool keeps its threads between sweeps),
 * or a BullMQ queue served by workers on other machines (services/queue).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunResult, Scenario, TraceEvent } from '../../../engine/index.ts';
import { workerEntry } from '../workers.ts';
import type { SweepJob } from './plan.ts';

/**
 * A run's result as a sweep receives it: whole, or without its time series and session rows
 * when the sweep stores nothing (they are most of the bytes a thread posts back).
 */
export type SweepRunResult = Omit<RunResult, 'series' | 'sessions'> & Partial<Pick<RunResult, 'series' | 'sessions'>>;

/** Whether a result still has everything a stored run needs. */
export function isWholeResult(r: SweepRunResult): r is RunResult {
  return r.series !== undefined && r.sessions !== undefined;
}

/** One job's result as an executor delivers it. */
export type JobResult =
  | { type: 'done'; index: number; result: SweepRunResult; trace: TraceEvent[]; traceSeen: number; wallMs: number; worker?: string; forked?: boolean }
  | { type: 'failed'; index: number; message: string; wallMs: number; worker?: string };

/** Where an executor reports to. A job may be delivered more than once (a retried queue job). */
export interface ExecutorSink {
  /** A job began (when the executor knows; a queue learns only of results). */
  started?(index: number): void;
  /** A job's result. */
  finished(r: JobResult): void;
  /** Something worth telling the person (a worker refused a job, a job was retried…). */
  notice?(text: string): void;
}

/** Runs a sweep's jobs; resolves once every job has been delivered at least once. */
export interface SweepExecutor {
  /** How it runs, for the one-line summary: "4 worker threads", "queue redis://…". */
  readonly describe: string;
  /** How many runs go at once, when it knows (for the estimate of the time left). */
  readonly parallel?: number;
  /** Rejects when `signal` aborts (after stopping what it started). */
  run(jobs: readonly SweepJob[], sweepId: string, sink: ExecutorSink, signal?: AbortSignal): Promise<void>;
}

/** The message a sweep worker thread receives. */
export interface ThreadJob {
  index: number;
  /** Which sweep the job is of: a thread kept between sweeps forgets the prefixes of the last. */
  sweep: number;
  scenario: Scenario;
  /** Runs with the same key share everything before `atMs`: the thread runs that prefix once. */
  fork?: { key: string; atMs: number };
  /** Post back the summary only: no trace, series or session rows (nothing is stored). */
  summaryOnly?: boolean;
}

/** Every message a sweep thread takes: a job, or "you are idle now" (it drops its prefixes). */
export type ThreadMessage = ThreadJob | { idle: true };

/** Options of {@link threadExecutor}. */
export interface ThreadOptions {
  /** Run the prefix that jobs share once per thread and fork each from a copy (default true). */
  fork?: boolean;
  /** The sweep stores nothing: threads post back only each run's summary (default false). */
  summaryOnly?: boolean;
  /** Take threads from this pool and give them back after the sweep (default: threads started for it, or by {@link prewarmThreads}, ended after). */
  pool?: ThreadPool;
}

/**
 * Sweep threads that outlive a sweep. A thread's first runs pay for loading the engine and a
 * cold JIT (on a small lab that is most of an N-1 analysis); a pool keeps its threads for the
 * next sweep, warm, and ends those idle for `idleMs`. Idle threads do not keep the process alive.
 */
export class ThreadPool {
  private readonly idle: Worker[] = [];
  /** Per idle thread: its timer (when idle threads are ended) and what forgets it if it dies. */
  private readonly parked = new Map<Worker, { timer: ReturnType<typeof setTimeout> | null; gone: () => void }>();

  constructor(
    /** How long an idle thread is kept, ms (0: until a sweep takes it, ended after that sweep). */
    private readonly idleMs = 120_000,
  ) {}

  /** Threads this pool has started so far. */
  started = 0;

  /** Threads idle now. */
  get size(): number {
    return this.idle.length;
  }

  /** Starts threads until `n` are idle, so they load the engine before a sweep asks for them. */
  prewarm(n: number): void {
    while (this.idle.length < n) this.park(this.start());
  }

  /** An idle thread, or a new one. */
  take(): Worker {
    const w = this.idle.pop();
    if (w === undefined) return this.start();
    this.unpark(w);
    return w;
  }

  private start(): Worker {
    const { file, options } = workerEntry('sweep-worker');
    this.started++;
    return new Worker(file, options);
  }

  /** Takes back a thread whose sweep ended (it forgets that sweep's prefixes). */
  give(w: Worker): void {
    if (this.idleMs <= 0) {
      void w.terminate();
      return;
    }
    w.postMessage({ idle: true } satisfies ThreadMessage);
    this.park(w);
  }

  /** Ends every idle thread. */
  close(): void {
    for (const w of this.idle.splice(0)) {
      this.unpark(w);
      void w.terminate();
    }
  }

  private park(w: Worker): void {
    w.unref();
    this.idle.push(w);
    // One that fails or ends while idle is forgotten: a sweep starts a fresh one instead.
    const gone = () => {
      const i = this.idle.indexOf(w);
      if (i >= 0) this.idle.splice(i, 1);
      this.unpark(w);
    };
    w.once('error', gone);
    w.once('exit', gone);
    // Threads started ahead of one sweep (idleMs 0) wait for it however long it takes to plan.
    const timer = this.idleMs > 0 ? setTimeout(() => (gone(), void w.terminate()), this.idleMs) : null;
    timer?.unref();
    this.parked.set(w, { timer, gone });
  }

  private unpark(w: Worker): void {
    const p = this.parked.get(w);
    if (p === undefined) return;
    if (p.timer !== null) clearTimeout(p.timer);
    w.off('error', p.gone);
    w.off('exit', p.gone);
    this.parked.delete(w);
  }
}

/** Threads started ahead of a sweep (see {@link prewarmThreads}), ended after it. */
const warm = new ThreadPool(0);

/**
 * Starts `n` sweep threads now, so they load the engine while the caller still reads and plans
 * the sweep (that takes about half a second per thread). Until a sweep takes them they do not
 * keep the process alive.
 */
export function prewarmThreads(n: number): void {
  warm.prewarm(n);
}

/** Worker threads on this machine, `workers` of them (default one per core). */
export function threadExecutor(workers = availableParallelism(), opts: ThreadOptions = {}): SweepExecutor {
  const fork = opts.fork !== false;
  return {
    describe: `${workers} worker thread${workers === 1 ? '' : 's'}${fork ? '' : ', every run whole (--no-fork)'}`,
    parallel: workers,
    run: (jobs, _sweepId, sink, signal) => runOnThreads(jobs, workers, fork, opts.summaryOnly === true, opts.pool ?? warm, sink, signal),
  };
}

/** Distinguishes the sweeps of this process (a pooled thread clears its prefixes when it changes). */
let sweeps = 0;

function runOnThreads(jobs: readonly SweepJob[], workers: number, fork: boolean, summaryOnly: boolean, from: ThreadPool, sink: ExecutorSink, signal?: AbortSignal): Promise<void> {
  const n = Math.max(1, Math.min(workers, jobs.length));
  const sweep = ++sweeps;
  let next = 0;
  let done = 0;
  return new Promise<void>((resolve, reject) => {
    if (jobs.length === 0) return resolve();
    const pool: Worker[] = [];
    const listeners = new Map<Worker, { message: (m: JobResult) => void; error: (e: Error) => void }>();
    const end = (keep: boolean) => {
      for (const [w, l] of listeners) {
        w.off('message', l.message);
        w.off('error', l.error);
      }
      for (const x of pool) {
        if (keep) from.give(x);
        else void x.terminate();
      }
    };
    signal?.addEventListener('abort', () => {
      end(false);
      reject(new Error('the sweep was cancelled'));
    });
    const give = (w: Worker) => {
      if (next >= jobs.length) return;
      const job = jobs[next++]!;
      sink.started?.(job.index);
      w.postMessage({ index: job.index, sweep, scenario: job.scenario, ...(fork && job.fork ? { fork: job.fork } : {}), ...(summaryOnly ? { summaryOnly } : {}) } satisfies ThreadJob);
    };
    for (let i = 0; i < n; i++) {
      const w = from.take();
      w.ref();
      pool.push(w);
      const message = (m: JobResult) => {
        if (signal?.aborted) return;
        sink.finished(m);
        done++;
        if (done === jobs.length) {
          end(true);
          resolve();
        } else give(w);
      };
      const error = (e: Error) => {
        end(false);
        reject(e);
      };
      listeners.set(w, { message, error });
      w.on('message', message);
      w.on('error', error);
      give(w);
    }
  });
}
