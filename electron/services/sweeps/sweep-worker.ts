/** A sweep's worker thread: runs the jobs it is given, one at a time, and posts each result. */
import { parentPort } from 'node:worker_threads';
import type { JobResult, ThreadMessage } from './executor.ts';
import { runSweepJob, type ForkPrefix } from './run-job.ts';

const port = parentPort!;
const prefixes = new Map<string, ForkPrefix>();
/** The sweep the prefixes are of: fork keys are unique within a sweep only. */
let sweep = -1;

port.on('message', (m: ThreadMessage) => {
  if ('idle' in m) {
    // Kept for a later sweep: the copies of this one's worlds would only hold memory.
    prefixes.clear();
    sweep = -1;
    return;
  }
  if (m.sweep !== sweep) {
    prefixes.clear();
    sweep = m.sweep;
  }
  const t0 = performance.now();
  try {
    port.postMessage({ type: 'done', index: m.index, ...runSweepJob(m, prefixes) } satisfies JobResult);
  } catch (e) {
    port.postMessage({ type: 'failed', index: m.index, message: e instanceof Error ? e.message : String(e), wallMs: performance.now() - t0 } satisfies JobResult);
  }
});
