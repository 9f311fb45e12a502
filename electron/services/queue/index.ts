/** Sweeps across machines: BullMQ on Redis. Loaded only when --queue is given. */
export { parseQueueUrl } from './url.ts';
export { queueExecutor } from './coordinator.ts';
export { startQueueWorker } from './worker.ts';
