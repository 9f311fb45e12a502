/**
 * `srlab worker`: a BullMQ worker serving the sweeps queue. Each job runs in a sandboxed
 * processor (a worker thread), `concurrency` at a time; the main thread only talks to Redis, so
 * it renews every job's lock however long the runs take. A worker killed mid-run leaves its job
 * locked until the lock expires; another worker's stalled-job check then puts it back in the
 * queue and someone else runs it.
 */
import { availableParallelism, hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { ENGINE_VERSION } from '../../../engine/index.ts';
import { fromRoot } from '../paths.ts';
import { QUEUE_NAME, redisOptions, type QueueJobData } from './protocol.ts';
import type { QueueUrl } from './url.ts';

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  url: QueueUrl;
  concurrency?: number;
  /** How long a job stays claimed without a lock renewal (ms, default 15 000). */
  lockMs?: number;
  log: (line: string) => void;
}

/** A running worker. */
export interface QueueWorker {
  readonly id: string;
  /** Finishes the runs in hand, then disconnects. */
  close(): Promise<void>;
}

/** Where the sandboxed processor's file is: next to the bundle, or the TypeScript shim. */
function processorFile(): URL {
  if (process.env.SRLAB_BUNDLED === '1') {
    const dir = dirname(fileURLToPath(import.meta.url)).replace(/\.asar([\\/])/, '.asar.unpacked$1');
    return pathToFileURL(join(dir, 'queue-processor.mjs'));
  }
  return pathToFileURL(fromRoot('electron/services/queue/processor-shim.mjs'));
}

/** Connects and starts taking jobs. */
export async function startQueueWorker(o: QueueWorkerOptions): Promise<QueueWorker> {
  const id = `${hostname()}:${process.pid}`;
  const concurrency = o.concurrency ?? availableParallelism();
  const lockDuration = o.lockMs ?? 15_000;
  const connection = new Redis({ ...redisOptions(o.url), lazyConnect: true });
  try {
    await connection.connect();
  } catch (e) {
    connection.disconnect();
    throw new Error(`cannot reach Redis at ${o.url.display}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const worker = new Worker<QueueJobData>(QUEUE_NAME, processorFile(), {
    connection,
    concurrency,
    useWorkerThreads: true,
    workerThreadsOptions: { workerData: { srlabQueueUrl: o.url } },
    lockDuration,
    // Every worker looks for jobs whose worker vanished, as often as a lock lasts.
    stalledInterval: lockDuration,
    // A job may lose two workers and still run; a third loss fails it.
    maxStalledCount: 2,
    name: id,
  });
  const label = (job: Job<QueueJobData>) => `${job.id}${job.data.label ? ` (${job.data.label})` : ''}`;
  // A run whose worker died or froze comes back with its stalled counter raised, not its attempts.
  const lost = (n: number) => (n === 0 ? '' : `, taken over from ${n === 1 ? 'a lost worker' : `${n} lost workers`}`);
  worker.on('active', (job) => o.log(`started ${label(job)}, attempt ${job.attemptsMade + 1}${lost(job.stalledCounter)}`));
  // "forked at 30 s": run from the copy of the prefix it shares with other runs, not from the start.
  worker.on('completed', (job, value: { fingerprint?: string; forkedAtMs?: number | null } | null) =>
    o.log(`done ${label(job)}: fingerprint ${value?.fingerprint ?? '?'}${typeof value?.forkedAtMs === 'number' ? `, forked at ${value.forkedAtMs / 1000} s` : ''}`),
  );
  worker.on('failed', (job, err) => o.log(`failed ${job ? label(job) : '?'}: ${err.message}`));
  worker.on('error', (err) => o.log(`error: ${err.message}`));
  await worker.waitUntilReady();
  o.log(`worker ${id} (engine ${ENGINE_VERSION}) serving ${o.url.display}, ${concurrency} run${concurrency === 1 ? '' : 's'} at a time, lock ${lockDuration} ms`);
  return {
    id,
    close: async () => {
      await worker.close();
      connection.disconnect();
    },
  };
}
