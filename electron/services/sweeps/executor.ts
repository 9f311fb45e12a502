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

/** One job's result as an executor delivers it. */
export type JobResult =
  | { type: 'done'; index: number; result: RunResult; trace: TraceEvent[]; traceSeen: number; wallMs: number; worker?: string }
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
  /** Rejects when `signal` aborts (after stopping what it started). */
  run(jobs: readonly SweepJob[], sweepId: string, sink: ExecutorSink, signal?: AbortSignal): Promise<void>;
}

/** The message a sweep worker thread receives. */
export interface ThreadJob {
  index: number;
  scenario: Scenario;
  /** Runs with the same key share everything before `atMs`: the thread runs that prefix once. */
  fork?: { key: string; atMs: number };
}

/** Options of {@link threadExecutor}. */
export interface ThreadOptions {
  /** Run the prefix that jobs share once per thread and fork each from a copy (default true). */
  fork?: boolean;
}

/** Worker threads on this machine, `workers` of them (default one per core). */
export function threadExecutor(workers = availableParallelism(), opts: ThreadOptions = {}): SweepExecutor {
  const fork = opts.fork !== false;
  return {
    describe: `${workers} worker thread${workers === 1 ? '' : 's'}${fork ? '' : ', every run whole (--no-fork)'}`,
    run: (jobs, _sweepId, sink, signal) => runOnThreads(jobs, workers, fork, sink, signal),
  };
}

function runOnThreads(jobs: readonly SweepJob[], workers: number, fork: boolean, sink: ExecutorSink, signal?: AbortSignal): Promise<void> {
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
      w.postMessage({ index: job.index, scenario: job.scenario, ...(fork && job.fork ? { fork: job.fork } : {}) } satisfies ThreadJob);
    };
    for (let i = 0; i < n; i++) {
      const w = new Worker(file, options);
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
