/** The `runs` table: one row per run, written when it starts and updated when it ends. */
import type { RunDatabase } from '../database.ts';
import { prepared, writable } from '../statements.ts';
import type { NewRun, RunFilter, RunListItem, RunRecord, RunStatus } from '../rows.ts';

const RECORD_COLUMNS = `
  id, scenario_name AS scenarioName, seed, duration_ms AS durationMs, engine_version AS engineVersion,
  fingerprint, status, source, sweep_id AS sweepId, label, notes, started_at AS startedAt,
  finished_at AS finishedAt, wall_ms AS wallMs, events, error, stopped_at_us AS stoppedAtUs,
  owner_pid AS ownerPid, owner_host AS ownerHost, event_log_count AS eventLogCount,
  event_log_truncated AS eventLogTruncated`;

type RecordRow = Omit<RunRecord, 'eventLogTruncated'> & { eventLogTruncated: number };

function toRecord<T extends RecordRow>(row: T): Omit<T, 'eventLogTruncated'> & { eventLogTruncated: boolean } {
  return { ...row, eventLogTruncated: row.eventLogTruncated === 1 };
}

/** Inserts a new run with status `running`. */
export function insertRun(db: RunDatabase, run: NewRun): void {
  writable(db);
  prepared(
    db,
    `INSERT INTO runs (id, scenario_name, scenario_json, seed, duration_ms, engine_version, status, source, sweep_id, label, started_at, owner_pid, owner_host)
     VALUES (@id, @scenarioName, @scenarioJson, @seed, @durationMs, @engineVersion, 'running', @source, @sweepId, @label, @startedAt, @ownerPid, @ownerHost)`,
  ).run(run);
}

/** The results part of a run row, written in the results transaction. */
export interface RunResultFields {
  status: 'completed' | 'stopped';
  fingerprint: string;
  summaryJson: string;
  finishedAt: number;
  wallMs: number;
  events: number;
  stoppedAtUs: number | null;
  eventLogCount: number;
  eventLogTruncated: boolean;
}

/** Moves a `running` run to completed/stopped with its results; false when it was not running. */
export function setRunResult(db: RunDatabase, id: string, f: RunResultFields): boolean {
  writable(db);
  const r = prepared(
    db,
    `UPDATE runs SET status = @status, fingerprint = @fingerprint, summary_json = @summaryJson, finished_at = @finishedAt,
       wall_ms = @wallMs, events = @events, stopped_at_us = @stoppedAtUs, event_log_count = @eventLogCount,
       event_log_truncated = @eventLogTruncated
     WHERE id = @id AND status = 'running'`,
  ).run({ ...f, id, eventLogTruncated: f.eventLogTruncated ? 1 : 0 });
  return r.changes === 1;
}

/** Ends a `running` run without results (stopped before any, failed); false when not running. */
export function setRunEnded(db: RunDatabase, id: string, status: 'stopped' | 'failed' | 'interrupted', finishedAt: number, wallMs: number | null, error: string | null): boolean {
  writable(db);
  const r = prepared(db, `UPDATE runs SET status = ?, finished_at = ?, wall_ms = ?, error = ? WHERE id = ? AND status = 'running'`).run(status, finishedAt, wallMs, error, id);
  return r.changes === 1;
}

/** Runs still marked `running`, with their owners (for crash recovery at open). */
export function listRunningRuns(db: RunDatabase): { id: string; ownerPid: number; ownerHost: string; startedAt: number }[] {
  return prepared<{ id: string; ownerPid: number; ownerHost: string; startedAt: number }>(
    db,
    `SELECT id, owner_pid AS ownerPid, owner_host AS ownerHost, started_at AS startedAt FROM runs WHERE status = 'running'`,
  ).all();
}

/** Sets a run's label and notes (either may be null). False when there is no such run. */
export function updateRunNotes(db: RunDatabase, id: string, label: string | null, notes: string | null): boolean {
  writable(db);
  return prepared(db, `UPDATE runs SET label = ?, notes = ? WHERE id = ?`).run(label, notes, id).changes === 1;
}

const LIST_WHERE = `
  WHERE (@scenario IS NULL OR instr(lower(scenario_name), lower(@scenario)) > 0)
    AND (@status IS NULL OR status = @status)
    AND (@source IS NULL OR source = @source)
    AND (@sweepId IS NULL OR sweep_id = @sweepId)
    AND (@since IS NULL OR started_at >= @since)
    AND (@until IS NULL OR started_at < @until)`;

function listParams(f: RunFilter) {
  return {
    scenario: f.scenario ?? null,
    status: f.status ?? null,
    source: f.source ?? null,
    sweepId: f.sweepId ?? null,
    since: f.since ?? null,
    until: f.until ?? null,
    limit: Math.max(0, Math.min(f.limit ?? 50, 10_000)),
    offset: Math.max(0, f.offset ?? 0),
  };
}

/** A headline number as stored, or null when the summary does not hold a number there. */
// CASE, not AND: SQLite may evaluate both sides of AND, and json_type throws on malformed JSON.
const headline = (path: string) => `CASE WHEN json_valid(summary_json) THEN CASE WHEN json_type(summary_json, '${path}') IN ('integer', 'real') THEN json_extract(summary_json, '${path}') END END`;

type ListRow = RecordRow & Omit<RunListItem, keyof RunRecord | 'damaged'> & { summaryOk: number; scenarioOk: number; hasSummary: number };

/**
 * Runs matching `filter`, newest first, with the headline numbers of their summaries. A row
 * whose stored JSON cannot be read (a damaged file, an edit by hand) is listed all the same,
 * without numbers and marked `damaged`: one bad row must not hide the others.
 */
export function listRuns(db: RunDatabase, filter: RunFilter = {}): RunListItem[] {
  const rows = prepared<ListRow>(
    db,
    `SELECT ${RECORD_COLUMNS},
       ${headline('$.sessions.total')} AS sessionsTotal,
       ${headline('$.sessions.affected')} AS sessionsAffected,
       ${headline('$.sessions.failed')} AS sessionsFailed,
       ${headline('$.sessions.outageMs.p95')} AS outageP95Ms,
       summary_json IS NOT NULL AS hasSummary,
       CASE WHEN json_valid(summary_json) THEN coalesce(json_type(summary_json, '$.sessions.total') IN ('integer', 'real'), 0) ELSE 0 END AS summaryOk,
       coalesce(json_valid(scenario_json), 0) AS scenarioOk
     FROM runs ${LIST_WHERE}
     ORDER BY started_at DESC, id DESC LIMIT @limit OFFSET @offset`,
  ).all(listParams(filter));
  return rows.map(({ summaryOk, scenarioOk, hasSummary, ...row }) => ({ ...toRecord(row), damaged: (hasSummary === 1 && summaryOk !== 1) || scenarioOk !== 1 }));
}

/** How many runs match `filter` (limit and offset ignored), for paging. */
export function countRuns(db: RunDatabase, filter: RunFilter = {}): number {
  const { limit: _l, offset: _o, ...params } = listParams(filter);
  return Number(prepared(db, `SELECT count(*) FROM runs ${LIST_WHERE}`).pluck().get(params));
}

/** One run's row with its scenario and summary JSON text, or undefined. */
export function getRunRow(db: RunDatabase, id: string): (RunRecord & { scenarioJson: string; summaryJson: string | null }) | undefined {
  const row = prepared<RecordRow & { scenarioJson: string; summaryJson: string | null }>(
    db,
    `SELECT ${RECORD_COLUMNS}, scenario_json AS scenarioJson, summary_json AS summaryJson FROM runs WHERE id = ?`,
  ).get(id);
  return row === undefined ? undefined : toRecord(row);
}

/** Deletes a run and (by cascade) everything stored with it; false when there was none. */
export function deleteRun(db: RunDatabase, id: string): boolean {
  writable(db);
  return prepared(db, `DELETE FROM runs WHERE id = ?`).run(id).changes === 1;
}

/** The status of a run, or undefined. */
export function getRunStatus(db: RunDatabase, id: string): RunStatus | undefined {
  return prepared<RunStatus>(db, `SELECT status FROM runs WHERE id = ?`).pluck().get(id);
}
