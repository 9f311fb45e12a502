/** A sweep's worker thread: runs the jobs it is given, one at a time, and posts each result. */
import { parentPort } from 'node:worker_threads';
import { Simulation, type Scenario, type TraceEvent } from '../../../engine/index.ts';

const TRACE_CAP = 200_000;
const port = parentPort!;

port.on('message', (m: { index: number; scenario: Scenario }) => {
  const trace: TraceEvent[] = [];
  let seen = 0;
  const t0 = performance.now();
  try {
    const result = new Simulation(m.scenario, {
      trace: (e) => {
        seen++;
        if (trace.length < TRACE_CAP) trace.push(e);
      },
    }).run();
    port.postMessage({ type: 'done', index: m.index, result, trace, traceSeen: seen, wallMs: performance.now() - t0 });
  } catch (e) {
    port.postMessage({ type: 'failed', index: m.index, message: e instanceof Error ? e.message : String(e), wallMs: performance.now() - t0 });
  }
});
