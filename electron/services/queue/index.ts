/** Sweeps across machines: BullMQ on Redis. Loaded only when --queue is given. */
export { parseQueueUrl, type QueueUrl } from './url.ts';
export { queueExecutor, enqueueSweep, type QueueExecutorOptions } from './coordinator.ts';
export { startQueueWorker, type QueueWorker, type QueueWorkerOptions } from './worker.ts';
export { QUEUE_NAME, jobId, resultsKey, type QueueJobData } from './protocol.ts';
