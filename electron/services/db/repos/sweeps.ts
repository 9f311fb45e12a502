/** `sweeps`: a batch of runs over varied values; its runs point to it by `sweep_id`. */
import type { RunDatabase } from '../database.ts';
import type { RunStatus, SweepRecord } from '../rows.ts';
import { prepared, writable } from '../statements.ts';

const COLUMNS = `id, spec_json AS specJson, created_at AS createdAt, finished_at AS finishedAt, status, owner_pid AS ownerPid, owner_host AS ownerHost`;

/** Inserts a sweep with status `running`. */
export function insertSweep(db: RunDatabase, s: { id: string; specJson: string; createdAt: number; ownerPid: number; ownerHost: string }): void {
  writable(db);
  prepared(db, `INSERT INTO sweeps (id, spec_json, created_at, status, owner_pid, owner_host) VALUES (@id, @specJson, @createdAt, 'running', @ownerPid, @ownerHost)`).run(s);
}

/** Ends a running sweep; false when it was not running. */
export function setSweepEnded(db: RunDatabase, id: string, status: Exclude<RunStatus, 'running'>, finishedAt: number): boolean {
  writable(db);
  return prepared(db, `UPDATE sweeps SET status = ?, finished_at = ? WHERE id = ? AND status = 'running'`).run(status, finishedAt, id).changes === 1;
}

/** One sweep, or undefined. */
export function getSweep(db: RunDatabase, id: string): SweepRecord | undefined {
  return prepared<SweepRecord>(db, `SELECT ${COLUMNS} FROM sweeps WHERE id = ?`).get(id);
}

/** Sweeps still marked `running`, with their owners (for crash recovery at open). */
export function listRunningSweeps(db: RunDatabase): { id: string; ownerPid: number; ownerHost: string; startedAt: number }[] {
  return prepared<{ id: string; ownerPid: number; ownerHost: string; startedAt: number }>(
    db,
    `SELECT id, owner_pid AS ownerPid, owner_host AS ownerHost, created_at AS startedAt FROM sweeps WHERE status = 'running'`,
  ).all();
}
