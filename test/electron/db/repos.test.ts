import { describe, expect, it } from 'vitest';
import {
  countRuns,
  deleteScenario,
  getScenario,
  getSweep,
  insertSweep,
  listRuns,
  listScenarios,
  saveScenario,
  setSweepEnded,
  updateRunNotes,
  type RunDatabase,
} from '../../../electron/services/db/index.ts';
import { failRun, startRun } from '../../../electron/services/runs/index.ts';
import { freshDb, loadScenario, storeRun } from './helpers.ts';

/** A database whose clock the test moves. */
function clockedDb(): { db: RunDatabase; at: (t: number) => void } {
  let now = 1_000_000;
  const db = freshDb({ now: () => now });
  return { db, at: (t) => void (now = t) };
}

describe('listRuns', () => {
  const { db, at } = clockedDb();
  const scenario = loadScenario();
  at(1_000);
  const a = storeRun(db, scenario).runId;
  at(2_000);
  const b = startRun(db, { scenario: { ...scenario, name: 'Other lab' }, source: 'app' });
  at(3_000);
  const c = startRun(db, { scenario, source: 'cli' });
  failRun(db, c, 'boom');

  it('lists newest first with the headline numbers', () => {
    const runs = listRuns(db);
    expect(runs.map((r) => r.id)).toEqual([c, b, a]);
    expect(runs[2]).toMatchObject({ status: 'completed', sessionsTotal: 3, sessionsAffected: 3, sessionsFailed: 0 });
    expect(runs[1]).toMatchObject({ status: 'running', sessionsTotal: null });
  });

  it('filters by scenario name (contains, any case), status and start time', () => {
    expect(listRuns(db, { scenario: 'other' }).map((r) => r.id)).toEqual([b]);
    expect(listRuns(db, { status: 'failed' }).map((r) => r.id)).toEqual([c]);
    expect(listRuns(db, { since: 2_000 }).map((r) => r.id)).toEqual([c, b]);
    expect(listRuns(db, { until: 2_000 }).map((r) => r.id)).toEqual([a]);
    expect(listRuns(db, { source: 'app' }).map((r) => r.id)).toEqual([b]);
  });

  it('pages with limit and offset, and counts without them', () => {
    expect(listRuns(db, { limit: 1, offset: 1 }).map((r) => r.id)).toEqual([b]);
    expect(countRuns(db, { limit: 1 })).toBe(3);
    expect(countRuns(db, { scenario: 'spoke-hub' })).toBe(2);
  });

  it('takes a label and notes', () => {
    expect(updateRunNotes(db, a, 'baseline', 'shown in class')).toBe(true);
    expect(listRuns(db, { until: 2_000 })[0]).toMatchObject({ label: 'baseline', notes: 'shown in class' });
  });
});

describe('saved scenarios', () => {
  it('are saved, listed newest change first, read back and deleted', () => {
    const db = freshDb();
    saveScenario(db, { id: 's1', name: 'Hub loss', json: '{"a":1}' }, 10);
    saveScenario(db, { id: 's2', name: 'NAT', json: '{}' }, 20);
    saveScenario(db, { id: 's1', name: 'Hub loss v2', json: '{"a":2}' }, 30);
    expect(listScenarios(db).map((s) => [s.id, s.name])).toEqual([
      ['s1', 'Hub loss v2'],
      ['s2', 'NAT'],
    ]);
    expect(getScenario(db, 's1')).toEqual({ id: 's1', name: 'Hub loss v2', json: '{"a":2}', createdAt: 10, updatedAt: 30 });
    expect(deleteScenario(db, 's1')).toBe(true);
    expect(getScenario(db, 's1')).toBeUndefined();
  });
});

describe('sweeps', () => {
  it('group runs; a finished sweep is not marked interrupted', () => {
    const db = freshDb();
    insertSweep(db, { id: 'sw1', specJson: '{"vary":[]}', createdAt: 5, ownerPid: process.pid, ownerHost: db.owner.hostname });
    const id = startRun(db, { scenario: loadScenario(), source: 'sweep', sweepId: 'sw1' });
    expect(listRuns(db, { sweepId: 'sw1' }).map((r) => r.id)).toEqual([id]);
    expect(setSweepEnded(db, 'sw1', 'completed', 9)).toBe(true);
    expect(getSweep(db, 'sw1')).toMatchObject({ status: 'completed', finishedAt: 9 });
  });
});
