/** `scenarios`: saved scenario designs (the app's documents). */
import type { RunDatabase } from '../database.ts';
import type { ScenarioRecord } from '../rows.ts';
import { prepared, writable } from '../statements.ts';

const COLUMNS = `id, name, json, created_at AS createdAt, updated_at AS updatedAt`;

/** Creates or replaces a saved scenario; `created_at` survives a replace. */
export function saveScenario(db: RunDatabase, s: { id: string; name: string; json: string }, now: number): void {
  writable(db);
  prepared(
    db,
    `INSERT INTO scenarios (id, name, json, created_at, updated_at) VALUES (@id, @name, @json, @now, @now)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, json = excluded.json, updated_at = excluded.updated_at`,
  ).run({ id: s.id, name: s.name, json: s.json, now });
}

/** Saved scenarios without their JSON, most recently changed first. */
export function listScenarios(db: RunDatabase, limit = 500): Omit<ScenarioRecord, 'json'>[] {
  return prepared<Omit<ScenarioRecord, 'json'>>(db, `SELECT id, name, created_at AS createdAt, updated_at AS updatedAt FROM scenarios ORDER BY updated_at DESC, id LIMIT ?`).all(limit);
}

/** One saved scenario, or undefined. */
export function getScenario(db: RunDatabase, id: string): ScenarioRecord | undefined {
  return prepared<ScenarioRecord>(db, `SELECT ${COLUMNS} FROM scenarios WHERE id = ?`).get(id);
}

/** Deletes a saved scenario (runs keep their own snapshot); false when there was none. */
export function deleteScenario(db: RunDatabase, id: string): boolean {
  writable(db);
  return prepared(db, `DELETE FROM scenarios WHERE id = ?`).run(id).changes === 1;
}
