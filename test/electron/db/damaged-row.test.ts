/** One stored run whose JSON cannot be read must not hide the others, nor print a stack. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getRun, listRuns, openDatabase } from '../../../electron/services/db/index.ts';
import { runsHandlers } from '../../../electron/services/api/runs-handlers.ts';
import { srlab } from '../cli/helpers.ts';
import { storeRun, tempDir } from './helpers.ts';

/** A database with three runs, the middle one's `column` overwritten with `text`. */
function dbWithDamagedRow(column: 'summary_json' | 'scenario_json', text: string): { file: string; damagedId: string; ids: string[] } {
  const file = join(tempDir(), 'runs.db');
  const db = openDatabase(file);
  const ids = [storeRun(db).runId, storeRun(db, undefined, { seed: 2 }).runId, storeRun(db, undefined, { seed: 3 }).runId];
  db.sqlite.prepare(`UPDATE runs SET ${column} = ? WHERE id = ?`).run(text, ids[1]);
  db.close();
  return { file, damagedId: ids[1]!, ids };
}

describe('a run whose stored summary is malformed', () => {
  for (const [what, column, text] of [
    ['cut-off summary JSON', 'summary_json', '{"sessions": {"total": 3'],
    ['a summary that is not an object', 'summary_json', '[1,2,3]'],
    ['sessions that are not numbers', 'summary_json', '{"sessions": {"total": {"x": 1}, "affected": "many"}}'],
    ['a cut-off scenario', 'scenario_json', '{"format":'],
  ] as const) {
    it(`is listed as damaged among the others (${what})`, () => {
      const { file, damagedId, ids } = dbWithDamagedRow(column, text);
      const db = openDatabase(file);
      const runs = listRuns(db);
      expect(runs.map((r) => r.id).sort()).toEqual([...ids].sort());
      const bad = runs.find((r) => r.id === damagedId)!;
      expect(bad.damaged).toBe(true);
      expect(bad.sessionsTotal === null || typeof bad.sessionsTotal === 'number').toBe(true);
      expect(runs.filter((r) => r.id !== damagedId).every((r) => !r.damaged && typeof r.sessionsTotal === 'number')).toBe(true);
      expect(getRun(db, damagedId)?.damaged).toBe(true);
      db.close();
    });
  }

  it('is shown by srlab runs as damaged, the others in full, exit 0 and no stack', async () => {
    const { file, damagedId } = dbWithDamagedRow('summary_json', '{"sessions": ');
    const r = await srlab(['runs', '--db', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('3 runs');
    expect(r.stdout.split('\n').find((l) => l.trim().startsWith(damagedId))).toContain('completed (damaged)');
    const json = await srlab(['runs', '--db', file, '--json']);
    const rows = JSON.parse(json.stdout) as { id: string; damaged: boolean; sessions: unknown }[];
    expect(rows).toHaveLength(3);
    expect(rows.find((x) => x.id === damagedId)).toMatchObject({ damaged: true, sessions: null });
  });

  it('is listed by runs:list with damaged set, and runs:get says it is damaged as an error value', async () => {
    const { file, damagedId } = dbWithDamagedRow('summary_json', 'not json at all');
    const db = openDatabase(file);
    const api = runsHandlers(db);
    const list = await api['runs:list']({ limit: 100, offset: 0 });
    expect(list.ok && list.value.length).toBe(3);
    expect(list.ok && list.value.find((r) => r.id === damagedId)).toMatchObject({ damaged: true, sessions: null });
    expect(list.ok && list.value.filter((r) => r.damaged).length).toBe(1);
    let got;
    try {
      got = await api['runs:get']({ id: damagedId });
    } catch (e) {
      got = { thrown: String(e) };
    }
    expect(JSON.stringify(got)).toContain('damaged');
    db.close();
  });
});
