/**
 * Crash recovery at open: a run (or sweep) still `running` whose owner process is gone can never
 * finish, so it becomes `interrupted`. A run whose owner may still be alive is never touched —
 * another srlab or the app may be running it right now on the same file.
 */
import { errorCode } from './errors.ts';
import type { RunDatabase } from './database.ts';
import { listRunningRuns, setRunEnded } from './repos/runs.ts';
import { listRunningSweeps, setSweepEnded } from './repos/sweeps.ts';

/** After this long, a run owned by another machine is taken as abandoned (its pid means nothing here). */
export const FOREIGN_HOST_STALE_MS = 24 * 60 * 60 * 1000;

/** How to tell whether an owner is alive; injectable for tests. */
export interface OwnerProbe {
  hostname: string;
  now: number;
  isAlive: (pid: number) => boolean;
}

/** Whether a process exists. EPERM means it does, under another user. */
export function processIsAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Whether a `running` row's owner is certainly gone: on this host, its pid no longer exists;
 * on another host (a shared folder), it started more than a day ago.
 */
export function ownerIsGone(owner: { ownerPid: number; ownerHost: string; startedAt: number }, probe: OwnerProbe): boolean {
  if (owner.ownerHost === probe.hostname) return !probe.isAlive(owner.ownerPid);
  return probe.now - owner.startedAt > FOREIGN_HOST_STALE_MS;
}

/** Marks orphaned runs and sweeps `interrupted` in one transaction; returns the run ids marked. */
export function markInterrupted(db: RunDatabase, probe: OwnerProbe): string[] {
  const marked: string[] = [];
  db.sqlite
    .transaction(() => {
      for (const run of listRunningRuns(db)) {
        if (ownerIsGone(run, probe) && setRunEnded(db, run.id, 'interrupted', probe.now, null, 'the process running it ended before it finished')) marked.push(run.id);
      }
      for (const sweep of listRunningSweeps(db)) if (ownerIsGone(sweep, probe)) setSweepEnded(db, sweep.id, 'interrupted', probe.now);
    })
    .immediate();
  return marked;
}
