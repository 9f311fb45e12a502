/**
 * Runs a sweep's jobs in parallel worker threads (default one per core), storing every run
 * as it starts and as it finishes, and reports progress. Results come back in job order.
 */
import { availableParallelism, hostname } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunResult, TraceEvent } from '../../../engine/index.ts';
import type { RunDatabase } from '../db/index.ts';
import { insertSweep, setSweepEnded } from '../db/repos/sweeps.ts';
import { failRun, finishRun, newRunId, startRun, TraceCapture } from '../runs/index.ts';
import { workerEntry } from '../workers.ts';
import type { SweepJob, SweepSpec } from './plan.ts';

/** One finished (or failed) run of a sweep. */
export interface SweepOutcome {
  job: SweepJob;
  runId: string | null;
  result: RunResult | null;
  error: string | null;
  wallMs: number;
}

/** Options of {@link runSweep}. */
export interface RunSweepOptions {
  jobs: SweepJob[];
  spec: SweepSpec & { scenarioFile: string };
  workers?: number;
  db: RunDatabase | null;
  onProgress?: (done: number, total: number) => void;
}

type Msg = { type: 'done'; index: number; result: RunResult; trace: TraceEvent[]; traceSeen: number; wallMs: number } | { type: 'failed'; index: number; message: string; wallMs: number };

/** Runs every job; resolves with the outcomes in job order and the sweep's id (null without a database). */
export async function runSweep(o: RunSweepOptions): Promise<{ sweepId: string | null; outcomes: SweepOutcome[] }> {
  const db = o.db;
  let sweepId: string | null = null;
  if (db) {
    sweepId = `s-${newRunId(db.now())}`;
    insertSweep(db, { id: sweepId, specJson: JSON.stringify({ ...o.spec, runs: o.jobs.length }), createdAt: db.now(), ownerPid: process.pid, ownerHost: hostname() });
  }
  const outcomes: SweepOutcome[] = new Array(o.jobs.length);
  const runIds: (string | null)[] = o.jobs.map(() => null);
  const n = Math.max(1, Math.min(o.workers ?? availableParallelism(), o.jobs.length));
  let next = 0;
  let done = 0;
  const { file, options } = workerEntry('sweep-worker');
  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const give = (w: Worker) => {
      if (next >= o.jobs.length) return;
      const job = o.jobs[next++]!;
      if (db) runIds[job.index] = startRun(db, { scenario: job.scenario, seed: job.seed, source: 'sweep', sweepId, label: job.label || null });
      w.postMessage({ index: job.index, scenario: job.scenario });
    };
    for (let i = 0; i < n; i++) {
      const w = new Worker(file, options);
      workers.push(w);
      w.on('message', (m: Msg) => {
        const job = o.jobs[m.index]!;
        const runId = runIds[m.index] ?? null;
        if (m.type === 'done') {
          if (db && runId) {
            const capture = new TraceCapture();
            for (const e of m.trace) capture.events.push(e);
            capture.seen = m.traceSeen;
            finishRun(db, runId, m.result, capture, m.wallMs);
          }
          outcomes[m.index] = { job, runId, result: m.result, error: null, wallMs: m.wallMs };
        } else {
          if (db && runId) failRun(db, runId, m.message, m.wallMs);
          outcomes[m.index] = { job, runId, result: null, error: m.message, wallMs: m.wallMs };
        }
        done++;
        o.onProgress?.(done, o.jobs.length);
        if (done === o.jobs.length) {
          for (const x of workers) void x.terminate();
          resolve();
        } else give(w);
      });
      w.on('error', (e) => {
        for (const x of workers) void x.terminate();
        reject(e);
      });
      give(w);
    }
  });
  if (db && sweepId) setSweepEnded(db, sweepId, outcomes.every((x) => x.error === null) ? 'completed' : 'failed', db.now());
  return { sweepId, outcomes };
}
