/**
 * What coordinator and workers agree on: the queue's name, a job's data, and how results travel.
 * A job's result does not ride on BullMQ's completion (which a worker that lost its lock cannot
 * do): every attempt that finishes appends its result to the sweep's Redis stream, so a run
 * delivered twice is seen, and its fingerprints compared, by the coordinator.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Scenario } from '../../../engine/index.ts';
import type { JobResult } from '../sweeps/executor.ts';
import type { QueueUrl } from './url.ts';

/** The one BullMQ queue every sweep uses (jobs carry their sweep's id). */
export const QUEUE_NAME = 'srlab-sweeps';
/** Attempts per job: a worker killed mid-run, or one refusing the job, leaves the others. */
export const JOB_ATTEMPTS = 5;
/** Streams and finished jobs are kept this long (s) in case a coordinator comes back for them. */
export const KEEP_S = 7 * 24 * 3600;

/** A job's data. */
export interface QueueJobData {
  sweepId: string;
  index: number;
  label: string;
  /** The coordinator's ENGINE_VERSION: a worker with another one refuses the job. */
  engineVersion: string;
  scenario: Scenario;
  /**
   * Runs of the sweep with the same key share everything before `atMs` (SweepJob.fork): a worker
   * runs that prefix once and forks the others from a copy, as a sweep thread does.
   */
  fork?: { key: string; atMs: number };
  /** The coordinator stores nothing: send back the summary only (no trace, series or session rows). */
  summaryOnly?: boolean;
}

/** The job id: sweep id + index, so enqueuing the same run again is not a duplicate. */
export function jobId(sweepId: string, index: number): string {
  return `${sweepId}-${index}`;
}

/** The Redis stream a sweep's results are appended to. */
export function resultsKey(sweepId: string): string {
  return `srlab:results:${sweepId}`;
}

/** An entry of the results stream. */
export type StreamEntry = { kind: 'result'; result: JobResult } | { kind: 'notice'; index: number; worker: string; text: string };

/** Encodes an entry (gzip'd JSON: a run's result with its event log is large and very regular). */
export function encodeEntry(e: StreamEntry): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(e)), { level: 6 });
}

/** Decodes an entry. */
export function decodeEntry(b: Buffer): StreamEntry {
  return JSON.parse(gunzipSync(b).toString('utf8')) as StreamEntry;
}

/** ioredis options for a URL (BullMQ's workers need maxRetriesPerRequest: null). */
export function redisOptions(url: QueueUrl): Record<string, unknown> {
  return {
    host: url.host,
    port: url.port,
    db: url.db,
    ...(url.username ? { username: url.username } : {}),
    ...(url.password ? { password: url.password } : {}),
    ...(url.tls ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}
