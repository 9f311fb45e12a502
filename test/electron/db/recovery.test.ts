import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOREIGN_HOST_STALE_MS, getRun, openDatabase, ownerIsGone } from '../../../electron/services/db/index.ts';
import { startRun } from '../../../electron/services/runs/index.ts';
import { loadScenario, tempDir } from './helpers.ts';

/** A pid that is certainly not running: above Linux's pid_max. */
const DEAD_PID = 2 ** 22 + 12345;

/** Writes one `running` run as if owned by `pid` on `host`, started at `startedAt`. */
function runningRun(file: string, pid: number, host: string, startedAt: number): string {
  const db = openDatabase(file, { hostname: host, now: () => startedAt });
  db.owner.pid = pid;
  const id = startRun(db, { scenario: loadScenario(), source: 'app' });
  db.close();
  return id;
}

describe('crash recovery at open', () => {
  it('marks a running run whose process is gone interrupted', () => {
    const file = join(tempDir(), 'runs.db');
    const id = runningRun(file, DEAD_PID, 'this-host', Date.now());
    const db = openDatabase(file, { hostname: 'this-host' });
    expect(db.report.interruptedRuns).toEqual([id]);
    expect(getRun(db, id)).toMatchObject({ status: 'interrupted', error: 'the process running it ended before it finished' });
    db.close();
  });

  it("never marks a live process's run", () => {
    const file = join(tempDir(), 'runs.db');
    const id = runningRun(file, process.pid, 'this-host', Date.now() - 3 * FOREIGN_HOST_STALE_MS);
    const db = openDatabase(file, { hostname: 'this-host' });
    expect(db.report.interruptedRuns).toEqual([]);
    expect(getRun(db, id)?.status).toBe('running');
    db.close();
  });

  it('leaves a recent run of another host alone: its pid means nothing here', () => {
    const file = join(tempDir(), 'runs.db');
    const id = runningRun(file, DEAD_PID, 'other-host', Date.now() - 60_000);
    const db = openDatabase(file, { hostname: 'this-host' });
    expect(getRun(db, id)?.status).toBe('running');
    db.close();
  });

  it('marks a run of another host interrupted once it is more than a day old', () => {
    const file = join(tempDir(), 'runs.db');
    const id = runningRun(file, process.pid, 'other-host', Date.now() - FOREIGN_HOST_STALE_MS - 1000);
    const db = openDatabase(file, { hostname: 'this-host' });
    expect(getRun(db, id)?.status).toBe('interrupted');
    db.close();
  });

  it('decides by host first, then pid or age', () => {
    const probe = { hostname: 'h', now: 10 * FOREIGN_HOST_STALE_MS, isAlive: (pid: number) => pid === 7 };
    expect(ownerIsGone({ ownerPid: 7, ownerHost: 'h', startedAt: 0 }, probe)).toBe(false);
    expect(ownerIsGone({ ownerPid: 8, ownerHost: 'h', startedAt: probe.now }, probe)).toBe(true);
    expect(ownerIsGone({ ownerPid: 8, ownerHost: 'x', startedAt: probe.now }, probe)).toBe(false);
    expect(ownerIsGone({ ownerPid: 7, ownerHost: 'x', startedAt: 0 }, probe)).toBe(true);
  });
});
