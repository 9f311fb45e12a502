/**
 * The coordinator's side of a queued sweep (`srlab sweep … --queue URL`): one BullMQ job per
 * run, job id = sweep id + index, then the results read from the sweep's stream as workers
 * append them. Only the coordinator writes the database (the runner does, from what this
 * delivers). A job that fails for good (every attempt refused, or lost to dying workers)
 * is delivered as a failed run with BullMQ's reason.
 */
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { ENGINE_VERSION } from '../../../engine/index.ts';
import type { SweepJob } from '../sweeps/plan.ts';
import type { ExecutorSink, SweepExecutor } from '../sweeps/executor.ts';
import { decodeEntry, JOB_ATTEMPTS, jobId, KEEP_S, QUEUE_NAME, redisOptions, resultsKey, type QueueJobData } from './protocol.ts';
import type { QueueUrl } from './url.ts';

/** Options of {@link queueExecutor} (tests shorten the waits). */
export interface QueueExecutorOptions {
  /** Say so when no worker serves the queue this long after enqueuing (ms, default 5000). */
  noWorkerNoticeMs?: number;
  /** What the jobs claim to need (default this engine's version; tests pretend to be another). */
  engineVersion?: string;
  /**
   * After the last result, how long to keep listening for a late second delivery of a run whose
   * worker lost it (stalled) but may still finish it (ms, default 10 000): its fingerprint is
   * then checked against the first. Ends early once each such run was delivered twice.
   */
  lateDeliveryMs?: number;
  /** Let workers fork the runs that share a prefix, as threads do (default true; false: --no-fork). */
  fork?: boolean;
  /** The sweep stores nothing: workers send back only each run's summary (default false). */
  summaryOnly?: boolean;
}

/** How the jobs of a sweep are to be run (see {@link QueueExecutorOptions}). */
type RunWay = Pick<QueueExecutorOptions, 'engineVersion' | 'fork' | 'summaryOnly'>;

/** Enqueues the jobs of a sweep (a job already in the queue under the same id is left as is). */
export async function enqueueSweep(queue: Queue<QueueJobData>, sweepId: string, jobs: readonly SweepJob[], way: RunWay = {}): Promise<void> {
  const CHUNK = 200;
  const engineVersion = way.engineVersion ?? ENGINE_VERSION;
  const fork = way.fork !== false;
  for (let i = 0; i < jobs.length; i += CHUNK) {
    await queue.addBulk(
      jobs.slice(i, i + CHUNK).map((j) => ({
        name: 'run',
        data: {
          sweepId,
          index: j.index,
          label: j.label,
          engineVersion,
          scenario: j.scenario,
          ...(fork && j.fork ? { fork: j.fork } : {}),
          ...(way.summaryOnly ? { summaryOnly: true } : {}),
        },
        opts: {
          jobId: jobId(sweepId, j.index),
          attempts: JOB_ATTEMPTS,
          backoff: { type: 'fixed', delay: 1000 },
          removeOnComplete: { age: KEEP_S },
          removeOnFail: { age: KEEP_S },
        },
      })),
    );
  }
}

/** Runs a sweep's jobs on the `srlab worker`s serving the queue at `url`. */
export function queueExecutor(url: QueueUrl, opts: QueueExecutorOptions = {}): SweepExecutor {
  return {
    describe: `the workers of ${url.display}${opts.fork === false ? ', every run whole (--no-fork)' : ''}`,
    run: (jobs, sweepId, sink) => runQueued(url, jobs, sweepId, sink, opts),
  };
}

async function runQueued(url: QueueUrl, jobs: readonly SweepJob[], sweepId: string, sink: ExecutorSink, opts: QueueExecutorOptions): Promise<void> {
  const connection = new Redis({ ...redisOptions(url), lazyConnect: true });
  try {
    await connection.connect();
  } catch (e) {
    connection.disconnect();
    throw new Error(`cannot reach Redis at ${url.display}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const reader = connection.duplicate();
  const queue = new Queue<QueueJobData>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection: connection.duplicate() });
  const pending = new Set(jobs.map((j) => j.index));
  const stalled = new Set<number>();
  const deliveries = new Map<number, number>();
  const prefix = `${sweepId}-`;
  // BullMQ says when a job failed for good (its attempts spent); a failure that will be retried
  // is only worth a notice.
  events.on('failed', ({ jobId: id, failedReason }) => {
    if (!id.startsWith(prefix)) return;
    const index = Number(id.slice(prefix.length));
    void queue.getJob(id).then(async (job) => {
      if (!job || !pending.has(index)) return;
      const state = await job.getState();
      if (state === 'failed') {
        pending.delete(index);
        sink.finished({ type: 'failed', index, message: `gave up after ${job.attemptsMade} attempt(s): ${failedReason}`, wallMs: 0 });
      }
    });
  });
  events.on('stalled', ({ jobId: id }) => {
    if (!id.startsWith(prefix)) return;
    stalled.add(Number(id.slice(prefix.length)));
    sink.notice?.(`run ${id.slice(prefix.length)} lost its worker (stalled); it goes back to the queue for another one`);
  });
  try {
    await events.waitUntilReady();
    await enqueueSweep(queue, sweepId, jobs, opts);
    const key = resultsKey(sweepId);
    let last = '0';
    let warnedAt: number | null = null;
    const t0 = Date.now();
    let lingerUntil: number | null = null;
    const awaitingSecond = () => [...stalled].some((i) => (deliveries.get(i) ?? 0) < 2);
    for (;;) {
      if (pending.size === 0) {
        if (!awaitingSecond()) break;
        lingerUntil ??= Date.now() + (opts.lateDeliveryMs ?? 10_000);
        if (Date.now() > lingerUntil) break;
      }
      const res = (await reader.xreadBuffer('COUNT', 50, 'BLOCK', 1000, 'STREAMS', key, last)) as [Buffer, [Buffer, Buffer[]][]][] | null;
      for (const [, entries] of res ?? []) {
        for (const [idBuf, fields] of entries) {
          last = idBuf.toString();
          const data = fields[1];
          if (!data) continue;
          const e = decodeEntry(data);
          if (e.kind === 'notice') sink.notice?.(e.text);
          else {
            pending.delete(e.result.index);
            deliveries.set(e.result.index, (deliveries.get(e.result.index) ?? 0) + 1);
            sink.finished(e.result);
          }
        }
      }
      if (warnedAt === null && Date.now() - t0 > (opts.noWorkerNoticeMs ?? 5000)) {
        warnedAt = Date.now();
        const workers = await queue.getWorkers();
        if (workers.length === 0) sink.notice?.(`no srlab worker serves ${url.display} yet; start one on any machine with: srlab worker --queue ${url.display}`);
      }
    }
    // The results are stored by now; a late second delivery has nothing left to add.
    await connection.del(key);
  } finally {
    await events.close();
    await queue.close();
    reader.disconnect();
    connection.disconnect();
  }
}
