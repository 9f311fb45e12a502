/**
 * The life of a stored run, for the CLI now and the app later: a `running` row committed before
 * the engine starts, then the results in ONE transaction at the end. A process killed at any
 * point leaves either a complete run or a `running` row that the next open marks `interrupted`
 * — never a half-stored `completed` one.
 */
import type { Fault, RunResult, Scenario, TraceEvent } from '../../../engine/index.ts';
import { ENGINE_VERSION } from '../../../engine/index.ts';
import type { RunDatabase } from '../db/database.ts';
import { DbError, toDbError } from '../db/errors.ts';
import { summaryForStorage } from '../db/run-detail.ts';
import { insertEvents } from '../db/repos/run-events.ts';
import { appendFault, deleteFaults, insertCheckpoints, insertCounters, insertFaults, insertSeries } from '../db/repos/run-results.ts';
import { insertSessions } from '../db/repos/run-sessions.ts';
import { getRunStatus, insertRun, setRunEnded, setRunResult } from '../db/repos/runs.ts';
import type { RunSource } from '../db/rows.ts';
import { newRunId } from './ids.ts';
import { EVENT_LOG_CAP, TraceCapture } from './trace-capture.ts';

/** What a run is about to be. */
export interface StartRunInput {
  /** The scenario as loaded (validated, defaults filled, `--set` applied). */
  scenario: Scenario;
  /** Overrides of the scenario's seed and duration, as given to the Simulation. */
  seed?: number;
  durationMs?: number;
  source: RunSource;
  /** Faults to re-apply live (a re-run of an earlier run), as given to the Simulation. */
  liveFaults?: readonly { atMs: number; fault: Fault }[];
  sweepId?: string | null;
  label?: string | null;
}

/**
 * Writes the run's row (status `running`) and the fault log known so far, committed at once,
 * and returns the run id. The stored scenario is the effective one: seed and duration
 * overrides are written into it, so the snapshot alone says what ran.
 */
export function startRun(db: RunDatabase, input: StartRunInput): string {
  const seed = (input.seed ?? input.scenario.seed) >>> 0;
  const durationMs = input.durationMs ?? input.scenario.durationMs;
  const snapshot: Scenario = { ...input.scenario, seed, durationMs };
  const id = newRunId(db.now());
  return write(db, () => {
    insertRun(db, {
      id,
      scenarioName: snapshot.name,
      scenarioJson: JSON.stringify(snapshot),
      seed,
      durationMs,
      engineVersion: ENGINE_VERSION,
      source: input.source,
      sweepId: input.sweepId ?? null,
      label: input.label ?? null,
      startedAt: db.now(),
      ownerPid: db.owner.pid,
      ownerHost: db.owner.hostname,
    });
    insertFaults(db, id, [
      ...snapshot.faults.map((fault) => ({ atMs: fault.atMs, fault, source: 'scheduled' as const })),
      ...(input.liveFaults ?? []).map((f) => ({ atMs: f.atMs, fault: { ...f.fault, atMs: f.atMs }, source: 'live' as const })),
    ]);
    return id;
  });
}

/** Records a fault injected live while the run goes on, so even an interrupted run keeps it. */
export function recordLiveFault(db: RunDatabase, runId: string, entry: { atMs: number; fault: Fault }): void {
  write(db, () => appendFault(db, runId, { atMs: entry.atMs, fault: entry.fault, source: 'live' }));
}

/** Trace events to store: a capture, or a plain array (cut to the cap here). */
export type TraceInput = TraceCapture | readonly TraceEvent[];

/** Stores a finished run's results and marks it `completed`, all in one transaction. */
export function finishRun(db: RunDatabase, runId: string, result: RunResult, trace: TraceInput, wallMs: number): void {
  storeResults(db, runId, result, trace, wallMs, 'completed', null);
}

/**
 * Ends a run the user stopped. With the partial result (the Simulation's `result()` at the stop)
 * it is stored like a finished run, with the virtual time it stopped at so a replay can stop
 * there too; without, only the status changes.
 */
export function stopRun(db: RunDatabase, runId: string, partial?: { result: RunResult; trace: TraceInput; wallMs: number; stoppedAtUs: number }): void {
  if (partial === undefined) {
    write(db, () => setRunEnded(db, runId, 'stopped', db.now(), null, null) || notRunning(db, runId));
    return;
  }
  storeResults(db, runId, partial.result, partial.trace, partial.wallMs, 'stopped', partial.stoppedAtUs);
}

/** Marks a run `failed` with a message (the engine threw, the results could not be stored…). */
export function failRun(db: RunDatabase, runId: string, message: string, wallMs: number | null = null): void {
  write(db, () => setRunEnded(db, runId, 'failed', db.now(), wallMs, message) || notRunning(db, runId));
}

function storeResults(db: RunDatabase, runId: string, result: RunResult, trace: TraceInput, wallMs: number, status: 'completed' | 'stopped', stoppedAtUs: number | null): void {
  const capture = trace instanceof TraceCapture ? trace : null;
  const all = capture === null ? (trace as readonly TraceEvent[]) : capture.events;
  const events = all.length > EVENT_LOG_CAP ? all.slice(0, EVENT_LOG_CAP) : all;
  const truncated = capture?.truncated === true || all.length > events.length;
  const summaryJson = summaryForStorage(result.summary);
  write(db, () => {
    deleteFaults(db, runId);
    insertFaults(db, runId, result.faultLog);
    insertCounters(db, runId, result.summary.counters);
    insertSessions(db, runId, result.sessions);
    insertSeries(db, runId, result.series);
    insertCheckpoints(db, runId, result.checkpoints);
    insertEvents(db, runId, events);
    const updated = setRunResult(db, runId, {
      status,
      fingerprint: result.summary.fingerprint,
      summaryJson,
      finishedAt: db.now(),
      wallMs,
      events: result.summary.events,
      stoppedAtUs,
      eventLogCount: events.length,
      eventLogTruncated: truncated,
    });
    // Throwing rolls the whole transaction back: no results without a `running` row to own them.
    if (!updated) notRunning(db, runId, 'its results were not stored');
  });
}

function notRunning(db: RunDatabase, runId: string, what = 'nothing was changed'): never {
  const status = getRunStatus(db, runId);
  throw new DbError('not-running', db.file, status === undefined ? `there is no run ${runId} in ${db.file}` : `run ${runId} in ${db.file} is ${status}, not running; ${what}`);
}

/** One IMMEDIATE transaction (the write lock from the start: no lock upgrade to fail midway). */
function write<T>(db: RunDatabase, fn: () => T): T {
  try {
    return db.sqlite.transaction(fn).immediate();
  } catch (error) {
    throw toDbError(error, db.file);
  }
}
