/**
 * Time travel over stored runs (`runs:seek`), main-thread side: reads what re-running a run
 * needs from the database and hands the seek to a worker thread, which re-runs the run once
 * (keeping world copies) and answers seeks from its cache. The worker starts on the first
 * seek, is restarted after a crash, and never keeps the process alive.
 */
import { Worker } from 'node:worker_threads';
import type { ApiResult, SeekTarget, SeekView } from '../../../engine/index.ts';
import type { RunDatabase } from '../db/index.ts';
import { getFaultLog } from '../db/index.ts';
import { getRunRow } from '../db/repos/runs.ts';
import { workerEntry } from '../workers.ts';
import type { SeekCall, SeekReply, StoredRunInputs } from './protocol.ts';

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
  return { runId, scenarioJson: row.scenarioJson, seed: row.seed, durationMs: row.durationMs, liveFaults, stoppedAtUs: row.status === 'stopped' ? row.stoppedAtUs : null };
}

/** One worker answering stored-run seeks in order. */
export class SeekService {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (r: ApiResult<SeekView>) => void>();
  private closed = false;

  constructor(private readonly db: RunDatabase | null) {}

  /** The stored run as it was at the target; never rejects. */
  seek(s: StoredSeek): Promise<ApiResult<SeekView>> {
    if (!this.db) return Promise.resolve({ ok: false, error: { code: 'database', message: 'no run database is open' } });
    if (this.closed) return Promise.resolve({ ok: false, error: { code: 'internal', message: 'the lab is shutting down' } });
    const run = storedRunInputs(this.db, s.runId);
    if ('ok' in run) return Promise.resolve(run);
    const w = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      w.postMessage({ id, run, target: s.target, limit: s.limit, ...(s.router !== undefined ? { router: s.router } : {}) } satisfies SeekCall);
    });
  }

  /** Stops the worker; seeks still waiting get an error value. */
  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    this.failAll('the lab is shutting down');
    if (w) await w.terminate();
  }

  private start(): Worker {
    const { file, options } = workerEntry('seek-worker');
    const w = new Worker(file, options);
    w.unref();
    this.worker = w;
    w.on('message', (m: SeekReply) => {
      this.pending.get(m.id)?.(m.result);
      this.pending.delete(m.id);
    });
    const gone = (why: string) => {
      if (this.worker !== w) return;
      this.worker = null;
      this.failAll(why);
    };
    w.on('error', (e) => gone(`the time-travel worker failed: ${e.message}`));
    w.on('exit', (code) => gone(`the time-travel worker stopped (code ${code})`));
    return w;
  }

  private failAll(message: string): void {
    for (const [, done] of this.pending) done({ ok: false, error: { code: 'internal', message } });
    this.pending.clear();
  }
}
