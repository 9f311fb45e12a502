/**
 * Time travel over stored runs (`runs:seek`), main-thread side: reads what re-running a run
 * needs from the database and hands the seek to a worker thread, which re-runs the run once
 * (keeping world copies) and answers seeks from its cache. The worker starts on the first
 * seek, is restarted after a crash, and never keeps the process alive. The run that ended last
 * in the lab needs no re-run: its own worker, kept a while, answers from the copies it took.
 */
import { Worker } from 'node:worker_threads';
import type { ApiResult, SeekTarget, SeekView } from '../../../engine/index.ts';
import type { RunDatabase } from '../db/index.ts';
import { getFaultLog } from '../db/index.ts';
import { getRunRow } from '../db/repos/runs.ts';
import { workerEntry } from '../workers.ts';
import { err, noDb } from '../api/results.ts';
import { RequestPool } from '../request-pool.ts';
import type { LiveRunner } from '../live/runner.ts';
import type { SeekCall, SeekProgress, SeekResult, StoredRunInputs } from './protocol.ts';

/** What a seek of a stored run asks for besides the target. */
export interface StoredSeek {
  runId: string;
  target: SeekTarget;
  router?: string;
  limit: number;
}

/** The inputs of a stored run's re-run, or why it cannot be re-run. */
export function storedRunInputs(db: RunDatabase, runId: string): StoredRunInputs | ApiResult<never> {
  const row = getRunRow(db, runId);
  if (row === undefined) return { ok: false, error: { code: 'not-found', message: `no stored run "${runId}"` } };
  if (row.status === 'running') return { ok: false, error: { code: 'conflict', message: `run ${runId} is still live: pause it and travel in the lab view` } };
  if (row.status !== 'completed' && row.status !== 'stopped') {
    return { ok: false, error: { code: 'conflict', message: `run ${runId} is ${row.status}: it has no known end to travel back from` } };
  }
  const liveFaults = getFaultLog(db, runId)
    .filter((e) => e.source === 'live')
    .map((e) => ({ atMs: e.atMs, fault: e.fault }));
  return {
    runId,
    scenarioJson: row.scenarioJson,
    seed: row.seed,
    durationMs: row.durationMs,
    liveFaults,
    stoppedAtUs: row.status === 'stopped' ? row.stoppedAtUs : null,
    stoppedAtEvents: row.status === 'stopped' ? row.events : null,
  };
}

/** One worker answering stored-run seeks in order. */
export class SeekService {
  private readonly pool = new RequestPool<SeekCall, SeekResult, SeekProgress>({
    name: 'the time-travel worker',
    unref: true,
    start: () => {
      const { file, options } = workerEntry('seek-worker');
      return new Worker(file, options);
    },
  });
  private closed = false;

  constructor(
    private readonly db: RunDatabase | null,
    /**
     * The live runner: the run that ended last is travelled from its own copies, when it still
     * has them, and how far a re-run has got goes to every window as `runs:seek-progress`.
     */
    private readonly live?: Pick<LiveRunner, 'seekEnded' | 'emit'>,
  ) {}

  /** The stored run as it was at the target; never rejects. */
  async seek(s: StoredSeek): Promise<ApiResult<SeekView>> {
    if (!this.db) return noDb;
    if (this.closed) return err('internal', 'the lab is shutting down');
    const run = storedRunInputs(this.db, s.runId);
    if ('ok' in run) return run;
    const opts = { limit: s.limit, ...(s.router !== undefined ? { router: s.router } : {}) };
    const kept = await this.live?.seekEnded(s.runId, s.target, opts);
    if (kept) return kept;
    const live = this.live;
    const progress = live && ((p: SeekProgress) => live.emit('runs:seek-progress', { runId: s.runId, ...p }));
    return this.pool.request({ run, target: s.target, ...opts } satisfies SeekCall, progress).catch((e: Error) => err('internal', e.message));
  }

  /** Stops the worker; seeks still waiting get an error value. */
  close(): Promise<void> {
    this.closed = true;
    return this.pool.close('the lab is shutting down');
  }
}
