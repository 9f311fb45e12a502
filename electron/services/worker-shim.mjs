// Starts a TypeScript worker entry from the sources (tests, tsx): Node 20 does not apply
// `--import tsx` to a worker's own entry file, so this plain-JS entry registers tsx first.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__srlabEntry);
