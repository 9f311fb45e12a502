/**
 * What a finished run produced, one table each: fault log, counters, session outcomes, time
 * series and fingerprint checkpoints. Inserts run inside the caller's results transaction.
 */
import type { Checkpoint, FaultLogEntry, TimeSeries } from '../../../../engine/index.ts';
import type { RunDatabase } from '../database.ts';
import { decodeSamples, encodeSamples, flattenSeries, unflattenSeries } from '../series-codec.ts';
import { insertMany, prepared, writable } from '../statements.ts';

/** Stores a run's fault log (scheduled and live), in log order. */
export function insertFaults(db: RunDatabase, runId: string, log: readonly FaultLogEntry[]): void {
  writable(db);
  const rows = log.map((e, seq) => ({ e, seq }));
  insertMany(db, 'INSERT INTO run_faults (run_id, seq, at_ms, source, fault_json)', 5, rows, ({ e, seq }, o, at) => {
    o[at] = runId;
    o[at + 1] = seq;
    o[at + 2] = e.atMs;
    o[at + 3] = e.source;
    o[at + 4] = JSON.stringify(e.fault);
  });
}

/** Appends one fault to a run's log as it happens (a live injection), so a crash keeps it. */
export function appendFault(db: RunDatabase, runId: string, e: FaultLogEntry): void {
  writable(db);
  prepared(
    db,
    `INSERT INTO run_faults (run_id, seq, at_ms, source, fault_json)
     VALUES (?, (SELECT coalesce(max(seq) + 1, 0) FROM run_faults WHERE run_id = ?), ?, ?, ?)`,
  ).run(runId, runId, e.atMs, e.source, JSON.stringify(e.fault));
}

/** Removes a run's fault log (before the final log replaces the one kept while running). */
export function deleteFaults(db: RunDatabase, runId: string): void {
  writable(db);
  prepared(db, `DELETE FROM run_faults WHERE run_id = ?`).run(runId);
}

/** A run's fault log in log order. */
export function getFaultLog(db: RunDatabase, runId: string): FaultLogEntry[] {
  const rows = prepared<{ atMs: number; source: 'scheduled' | 'live'; faultJson: string }>(
    db,
    `SELECT at_ms AS atMs, source, fault_json AS faultJson FROM run_faults WHERE run_id = ? ORDER BY seq`,
  ).all(runId);
  return rows.map((r) => ({ atMs: r.atMs, source: r.source, fault: JSON.parse(r.faultJson) as FaultLogEntry['fault'] }));
}

/** Stores every counter of every router (zeros too), keeping routers' and paths' order. */
export function insertCounters(db: RunDatabase, runId: string, counters: Readonly<Record<string, Readonly<Record<string, number>>>>): void {
  writable(db);
  const rows: [number, string, number, string, number][] = [];
  Object.entries(counters).forEach(([router, paths], ri) => Object.entries(paths).forEach(([path, value], pi) => rows.push([ri, router, pi, path, value])));
  insertMany(db, 'INSERT INTO run_counters (run_id, router_ord, router, path_ord, path, value)', 6, rows, (r, o, at) => {
    o[at] = runId;
    for (let k = 0; k < 5; k++) o[at + 1 + k] = r[k];
  });
}

/** A run's counters as `{ router: { path: value } }`, in the order the engine gave them. */
export function getCounters(db: RunDatabase, runId: string): Record<string, Record<string, number>> {
  const rows = prepared<{ router: string; path: string; value: number }>(db, `SELECT router, path, value FROM run_counters WHERE run_id = ? ORDER BY router_ord, path_ord`).all(runId);
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.router] ??= {})[r.path] = r.value;
  return out;
}

/** Counter rows stored for a run. */
export function countCounters(db: RunDatabase, runId: string): number {
  return Number(prepared(db, `SELECT count(*) FROM run_counters WHERE run_id = ?`).pluck().get(runId));
}

/** Stores a run's time series, one BLOB row per metric. */
export function insertSeries(db: RunDatabase, runId: string, series: TimeSeries): void {
  writable(db);
  const stmt = prepared(db, `INSERT INTO run_series (run_id, name, ord, samples, data) VALUES (?, ?, ?, ?, ?)`);
  flattenSeries(series).forEach((e, ord) => stmt.run(runId, e.name, ord, e.values.length, encodeSamples(e.values)));
}

/** A run's time series, or undefined when none was stored. */
export function getSeries(db: RunDatabase, runId: string): TimeSeries | undefined {
  const rows = prepared<{ name: string; data: Buffer }>(db, `SELECT name, data FROM run_series WHERE run_id = ? ORDER BY ord`).all(runId);
  if (rows.length === 0) return undefined;
  return unflattenSeries(rows.map((r) => ({ name: r.name, values: decodeSamples(r.data) })));
}

/** One metric of a run (`activeSessions`, `linkMbps/wan1`…), or undefined. */
export function getSeriesMetric(db: RunDatabase, runId: string, name: string): number[] | undefined {
  const data = prepared<Buffer>(db, `SELECT data FROM run_series WHERE run_id = ? AND name = ?`).pluck().get(runId, name);
  return data === undefined ? undefined : decodeSamples(data);
}

/** Stores a run's fingerprint checkpoints. */
export function insertCheckpoints(db: RunDatabase, runId: string, checkpoints: readonly Checkpoint[]): void {
  writable(db);
  insertMany(db, 'INSERT INTO run_checkpoints (run_id, t_ms, events, fingerprint)', 4, checkpoints, (c, o, at) => {
    o[at] = runId;
    o[at + 1] = c.tMs;
    o[at + 2] = c.events;
    o[at + 3] = c.fingerprint;
  });
}

/** A run's checkpoints in time order. */
export function getCheckpoints(db: RunDatabase, runId: string): Checkpoint[] {
  return prepared<Checkpoint>(db, `SELECT t_ms AS tMs, events, fingerprint FROM run_checkpoints WHERE run_id = ? ORDER BY t_ms`).all(runId);
}
