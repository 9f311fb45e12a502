/**
 * Runs a sweep's jobs through an executor (worker threads by default, or a queue), storing each
 * run as its result arrives (this process alone writes the database), and reports progress
 * with an estimate of the time left. A result delivered twice (a queue job retried after its
 * worker vanished) is stored once; its fingerprint is checked against the first delivery.
 */
import { hostname } from 'node:os';
import type { RunDatabase } from '../db/index.ts';
import { insertSweep, setSweepEnded } from '../db/repos/sweeps.ts';
import { failRun, finishRun, newRunId, startRun, stopRun, TraceCapture } from '../runs/index.ts';
import { isWholeResult, threadExecutor, type JobResult, type SweepExecutor, type SweepRunResult } from './executor.ts';
import type { SweepJob, SweepSpec } from './plan.ts';

/** One finished (or failed) run of a sweep. */
export interface SweepOutcome {
  job: SweepJob;
  runId: string | null;
  result: SweepRunResult | null;
  error: string | null;
  wallMs: number;
  /** Which worker delivered it, when the executor says (queue: host:pid). */
  worker?: string;
}

/** A run delivered twice with different fingerprints: the engine is not deterministic there. */
export interface Mismatch {
  index: number;
  label: string;
  first: string;
  second: string;
}

/** Progress of a sweep. */
export interface SweepProgress {
  done: number;
  total: number;
  elapsedMs: number;
  /** Estimated wall time left (null until the first run is in). */
  etaMs: number | null;
}

/**
 * Wall time left, ms, from when each run so far came in (`doneAt`, ms since the start, in
 * order), with `parallel` runs going at once. The first run of each thread or worker pays a
 * cold start (loading the engine, a JIT warming up, a forked run's shared prefix), often many
 * times a steady run, and the next few run faster and faster as the JIT warms: so once the
 * first runs are in, the pace is that of the latest runs (up to four per thread). Before, every
 * thread is taken to deliver its first run about when the first one came in.
 */
export function timeLeft(doneAt: readonly number[], total: number, elapsedMs: number, parallel: number): number | null {
  const done = doneAt.length;
  if (done === 0) return null;
  const left = total - done;
  const p = parallel >= 1 ? Math.floor(parallel) : 1;
  // The other threads are about to deliver their first runs too: p runs per elapsed time so far.
  if (done <= p) return (elapsedMs / p) * left;
  // The pace since the latest runs began: from the p-th run in, or from the run 4p before the last.
  const from = Math.max(p - 1, done - 1 - 4 * p);
  return ((elapsedMs - doneAt[from]!) / (done - 1 - from)) * left;
}

/** Options of {@link runSweep}. */
export interface RunSweepOptions {
  jobs: SweepJob[];
  spec: SweepSpec & { scenarioFile: string };
  /** How to run the jobs (default: worker threads, `workers` of them). */
  executor?: SweepExecutor;
  workers?: number;
  db: RunDatabase | null;
  onProgress?: (done: number, total: number, progress: SweepProgress) => void;
  onNotice?: (text: string) => void;
  /** A monotonic clock in ms (default performance.now). */
  now?: () => number;
  /** The sweep's id (default a new one). */
  sweepId?: string;
  /** Stops the sweep: its unfinished runs and the sweep are marked stopped. */
  signal?: AbortSignal;
}

/** What a sweep gives back. */
export interface SweepRun {
  /** The sweep's id (also when nothing is stored: queue job ids derive from it). */
  sweepId: string;
  stored: boolean;
  outcomes: SweepOutcome[];
  /** Results delivered more than once (stored once). */
  duplicates: number;
  mismatches: Mismatch[];
}

/** Runs every job; resolves with the outcomes in job order. */
export async function runSweep(o: RunSweepOptions): Promise<SweepRun> {
  const db = o.db;
  const now = o.now ?? (() => performance.now());
  const t0 = now();
  /** When each run came in, ms since the start. */
  const doneAt: number[] = [];
  const sweepId = o.sweepId ?? newSweepId(db);
  const executor = o.executor ?? threadExecutor(o.workers);
  if (db)
    insertSweep(db, { id: sweepId, specJson: JSON.stringify({ ...o.spec, runs: o.jobs.length, executor: executor.describe }), createdAt: db.now(), ownerPid: process.pid, ownerHost: hostname() });
  const byIndex = new Map(o.jobs.map((j) => [j.index, j]));
  const outcomes = new Map<number, SweepOutcome>();
  const runIds = new Map<number, string>();
  const mismatches: Mismatch[] = [];
  let duplicates = 0;
  const start = (index: number, job: SweepJob) => {
    if (db && !runIds.has(index)) runIds.set(index, startRun(db, { scenario: job.scenario, seed: job.seed, source: 'sweep', sweepId, label: job.label || null }));
  };
  const finished = (m: JobResult) => {
    const job = byIndex.get(m.index);
    if (!job) return o.onNotice?.(`a result for run ${m.index}, which this sweep does not have, was ignored`);
    const prior = outcomes.get(m.index);
    if (prior) {
      // A failure after a delivery is BullMQ catching up on an attempt already reported.
      if (m.type === 'failed') return;
      duplicates++;
      const a = prior.result?.summary.fingerprint;
      const b = m.type === 'done' ? m.result.summary.fingerprint : undefined;
      if (a !== undefined && b !== undefined && a !== b) {
        mismatches.push({ index: m.index, label: job.label, first: a, second: b });
        o.onNotice?.(`run ${m.index} (${job.label || 'as is'}) was delivered twice with different fingerprints: ${a} then ${b}`);
      }
      return;
    }
    start(m.index, job);
    const runId = runIds.get(m.index) ?? null;
    if (m.type === 'done') {
      if (db && runId) {
        if (!isWholeResult(m.result)) throw new Error(`run ${m.index} came back without its series and sessions, so it cannot be stored`);
        const capture = new TraceCapture();
        for (const e of m.trace) capture.events.push(e);
        capture.seen = m.traceSeen;
        finishRun(db, runId, m.result, capture, m.wallMs);
      }
      outcomes.set(m.index, { job, runId, result: m.result, error: null, wallMs: m.wallMs, ...(m.worker ? { worker: m.worker } : {}) });
    } else {
      if (db && runId) failRun(db, runId, m.message, m.wallMs);
      outcomes.set(m.index, { job, runId, result: null, error: m.message, wallMs: m.wallMs, ...(m.worker ? { worker: m.worker } : {}) });
    }
    const done = outcomes.size;
    const elapsedMs = now() - t0;
    doneAt.push(elapsedMs);
    const etaMs = timeLeft(doneAt, o.jobs.length, elapsedMs, executor.parallel ?? 1);
    o.onProgress?.(done, o.jobs.length, { done, total: o.jobs.length, elapsedMs, etaMs });
  };
  try {
    await executor.run(
      o.jobs,
      sweepId,
      {
        started: (index) => {
          const job = byIndex.get(index);
          if (job) start(index, job);
        },
        finished,
        ...(o.onNotice ? { notice: o.onNotice } : {}),
      },
      o.signal,
    );
  } catch (e) {
    if (db) {
      const cancelled = o.signal?.aborted === true;
      for (const [index, runId] of runIds) {
        if (outcomes.has(index)) continue;
        if (cancelled) stopRun(db, runId);
        else failRun(db, runId, `the sweep stopped: ${e instanceof Error ? e.message : String(e)}`);
      }
      setSweepEnded(db, sweepId, cancelled ? 'stopped' : 'failed', db.now());
    }
    throw e;
  }
  const ordered = o.jobs.map((j) => outcomes.get(j.index) ?? { job: j, runId: runIds.get(j.index) ?? null, result: null, error: 'no result was delivered', wallMs: 0 });
  if (db) setSweepEnded(db, sweepId, ordered.every((x) => x.error === null) ? 'completed' : 'failed', db.now());
  return { sweepId, stored: db !== null, outcomes: ordered, duplicates, mismatches };
}

/** A new sweep id (time-sortable, like run ids). */
export function newSweepId(db: RunDatabase | null): string {
  return `s-${newRunId(db ? db.now() : Date.now())}`;
}

/** "1 m 05 s" style durations for progress lines. */
export function formatEta(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} m ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} m`;
}
