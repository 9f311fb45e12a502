/**
 * How a sweep's runs get executed, apart from what is done with their results. The runner
 * (run-sweep.ts) owns the database and the bookkeeping; an executor only turns jobs into
 * results: worker threads on this machine (threadExecutor), a BullMQ queue served by workers on
 * other machines (services/queue), and later one that forks runs sharing a prefix from a
 * snapshot of the world (SweepJob.fork says which runs share what).
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
  | { type: 'done'; index: number; result: SweepRunResult; trace: TraceEvent[]; traceSeen: number; wallMs: number; worker?: string }
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
  scenario: Scenario;
  /** Runs with the same key share everything before `atMs`: the thread runs that prefix once. */
  fork?: { key: string; atMs: number };
  /** Post back the summary only: no trace, series or session rows (nothing is stored). */
  summaryOnly?: boolean;
}

/** Options of {@link threadExecutor}. */
export interface ThreadOptions {
  /** Run the prefix that jobs share once per thread and fork each from a copy (default true). */
  fork?: boolean;
  /** The sweep stores nothing: threads post back only each run's summary (default false). */
  summaryOnly?: boolean;
}

/** Threads started ahead of a sweep (see {@link prewarmThreads}), not yet given work. */
const warm: Worker[] = [];

/**
 * Starts `n` sweep threads now, so they load the engine while the caller still reads and plans
 * the sweep (that takes about half a second per thread). Until a sweep takes them they do not
 * keep the process alive.
 */
export function prewarmThreads(n: number): void {
  const { file, options } = workerEntry('sweep-worker');
  while (warm.length < n) {
    const w = new Worker(file, options);
    w.unref();
    // One that fails before a sweep takes it is dropped: the sweep starts a fresh one instead.
    const drop = () => {
      const i = warm.indexOf(w);
      if (i >= 0) warm.splice(i, 1);
    };
    w.once('error', drop);
    w.once('exit', drop);
    warm.push(w);
  }
}

/** Worker threads on this machine, `workers` of them (default one per core). */
export function threadExecutor(workers = availableParallelism(), opts: ThreadOptions = {}): SweepExecutor {
  const fork = opts.fork !== false;
  return {
    describe: `${workers} worker thread${workers === 1 ? '' : 's'}${fork ? '' : ', every run whole (--no-fork)'}`,
    parallel: workers,
    run: (jobs, _sweepId, sink, signal) => runOnThreads(jobs, workers, fork, opts.summaryOnly === true, sink, signal),
  };
}

function runOnThreads(jobs: readonly SweepJob[], workers: number, fork: boolean, summaryOnly: boolean, sink: ExecutorSink, signal?: AbortSignal): Promise<void> {
  const n = Math.max(1, Math.min(workers, jobs.length));
  let next = 0;
  let done = 0;
  const { file, options } = workerEntry('sweep-worker');
  return new Promise<void>((resolve, reject) => {
    if (jobs.length === 0) return resolve();
    const pool: Worker[] = [];
    signal?.addEventListener('abort', () => {
      for (const x of pool) void x.terminate();
      reject(new Error('the sweep was cancelled'));
    });
    const give = (w: Worker) => {
      if (next >= jobs.length) return;
      const job = jobs[next++]!;
      sink.started?.(job.index);
      w.postMessage({ index: job.index, scenario: job.scenario, ...(fork && job.fork ? { fork: job.fork } : {}), ...(summaryOnly ? { summaryOnly } : {}) } satisfies ThreadJob);
    };
    for (let i = 0; i < n; i++) {
      const w = warm.pop() ?? new Worker(file, options);
      w.ref();
      pool.push(w);
      w.on('message', (m: JobResult) => {
        if (signal?.aborted) return;
        sink.finished(m);
        done++;
        if (done === jobs.length) {
          for (const x of pool) void x.terminate();
          resolve();
        } else give(w);
      });
      w.on('error', (e) => {
        for (const x of pool) void x.terminate();
        reject(e);
      });
      give(w);
    }
  });
}
