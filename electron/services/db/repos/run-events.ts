/** `run_events`: the control-plane and session trace of a run (never every data packet). */
import type { TraceEvent } from '../../../../engine/index.ts';
import type { RunDatabase } from '../database.ts';
import type { EventFilter, StoredEvent } from '../rows.ts';
import { insertMany, prepared, writable } from '../statements.ts';

/** Stores trace events in run order (the caller has applied the per-run cap). */
export function insertEvents(db: RunDatabase, runId: string, events: readonly TraceEvent[]): void {
  writable(db);
  insertMany(db, 'INSERT INTO run_events (run_id, t_us, node, kind, session, detail_json)', 6, events, (e, o, at) => {
    o[at] = runId;
    o[at + 1] = e.tUs;
    o[at + 2] = e.node;
    o[at + 3] = e.kind;
    o[at + 4] = e.session;
    o[at + 5] = JSON.stringify(e.detail);
  });
}

/**
 * A page of a run's events in run order, filtered by kind (one or several), node and virtual
 * time range. Page on with `afterId` = the last event's id.
 */
export function getEvents(db: RunDatabase, runId: string, f: EventFilter = {}): StoredEvent[] {
  const kinds = f.kind === undefined ? null : typeof f.kind === 'string' ? [f.kind] : [...f.kind];
  const rows = prepared<{ id: number; tUs: number; node: string; kind: string; session: number; detailJson: string }>(
    db,
    `SELECT id, t_us AS tUs, node, kind, session, detail_json AS detailJson FROM run_events
     WHERE run_id = @runId
       AND (@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
       AND (@node IS NULL OR node = @node)
       AND (@fromUs IS NULL OR t_us >= @fromUs)
       AND (@toUs IS NULL OR t_us <= @toUs)
       AND id > @afterId
     ORDER BY t_us, id LIMIT @limit`,
  ).all({
    runId,
    kinds: kinds === null ? null : JSON.stringify(kinds),
    node: f.node ?? null,
    fromUs: f.fromUs ?? null,
    toUs: f.toUs ?? null,
    afterId: f.afterId ?? 0,
    limit: Math.max(0, Math.min(f.limit ?? 500, 10_000)),
  });
  return rows.map(({ detailJson, ...r }) => ({ ...r, detail: JSON.parse(detailJson) as StoredEvent['detail'] }));
}

/** Events stored for a run. */
export function countEvents(db: RunDatabase, runId: string): number {
  return Number(prepared(db, `SELECT count(*) FROM run_events WHERE run_id = ?`).pluck().get(runId));
}

/** Each event kind of a run with how many times it occurred (for the UI's filter list). */
export function countEventsByKind(db: RunDatabase, runId: string): { kind: string; count: number }[] {
  return prepared<{ kind: string; count: number }>(db, `SELECT kind, count(*) AS count FROM run_events WHERE run_id = ? GROUP BY kind ORDER BY kind`).all(runId);
}
