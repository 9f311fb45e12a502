/**
 * The sandboxed processor of `srlab worker`: BullMQ runs it in a worker thread of its own, so a
 * long CPU-bound run never starves the worker's main thread, which keeps renewing the job's lock.
 * It runs one job and appends the result to the sweep's results stream; BullMQ's own completion
 * only says the job is done.
 */
import { hostname } from 'node:os';
import { workerData } from 'node:worker_threads';
import { Redis } from 'ioredis';
import type { SandboxedJob } from 'bullmq';
import { ENGINE_VERSION } from '../../../engine/index.ts';
import type { JobResult } from '../sweeps/executor.ts';
import { runSweepJob, type ForkPrefix } from '../sweeps/run-job.ts';
import { encodeEntry, KEEP_S, resultsKey, type QueueJobData, type StreamEntry } from './protocol.ts';
import type { QueueUrl } from './url.ts';
import { redisOptions } from './protocol.ts';

const WORKER = `${hostname()}:${process.pid}`;
let redis: Redis | null = null;
/**
 * The prefixes this thread ran for forked runs (BullMQ gives a sandbox thread job after job), by
 * sweep and fork key: a worker serving several sweeps keeps a few of each (runForkJob keeps 4).
 */
const prefixes = new Map<string, ForkPrefix>();

function connection(): Redis {
  const url = (workerData as { srlabQueueUrl?: QueueUrl } | null)?.srlabQueueUrl;
  if (!url) throw new Error('the queue processor was started without its Redis URL');
  redis ??= new Redis(redisOptions(url));
  return redis;
}

async function append(sweepId: string, e: StreamEntry): Promise<void> {
  const key = resultsKey(sweepId);
  await connection().multi().xadd(key, '*', 'e', encodeEntry(e)).expire(key, KEEP_S).exec();
}

/** An error BullMQ does not retry (it checks the name): the engine fails the same way every time. */
function unrecoverable(message: string): Error {
  const e = new Error(message);
  e.name = 'UnrecoverableError';
  return e;
}

/** Runs the job; resolves with its fingerprint (the full result went to the stream). */
export default async function processRun(job: SandboxedJob<QueueJobData>): Promise<{ fingerprint: string; worker: string; forkedAtMs: number | null }> {
  const d = job.data;
  if (d.engineVersion !== ENGINE_VERSION) {
    const text = `worker ${WORKER} refused run ${d.index}${d.label ? ` (${d.label})` : ''}: it runs engine ${ENGINE_VERSION}, the sweep was planned with engine ${d.engineVersion}; start workers of the coordinator's version`;
    process.stderr.write(`srlab worker: ${text}\n`);
    await append(d.sweepId, { kind: 'notice', index: d.index, worker: WORKER, text });
    // Retryable: another worker, of the right version, may take it.
    throw new Error(text);
  }
  const t0 = performance.now();
  let result: JobResult;
  try {
    const fork = d.fork ? { key: `${d.sweepId}\u0003${d.fork.key}`, atMs: d.fork.atMs } : undefined;
    const spec = { scenario: d.scenario, ...(fork ? { fork } : {}), ...(d.summaryOnly ? { summaryOnly: true } : {}) };
    result = { type: 'done', index: d.index, ...runSweepJob(spec, prefixes), worker: WORKER };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await append(d.sweepId, { kind: 'result', result: { type: 'failed', index: d.index, message, wallMs: performance.now() - t0, worker: WORKER } });
    throw unrecoverable(message);
  }
  await append(d.sweepId, { kind: 'result', result });
  return { fingerprint: result.result.summary.fingerprint, worker: WORKER, forkedAtMs: result.forked && d.fork ? d.fork.atMs : null };
}
