/** One run of a sweep, as every executor runs it (a worker thread here, a queue worker elsewhere). */
import { Simulation, type RunResult, type Scenario, type TraceEvent } from '../../../engine/index.ts';
import { EVENT_LOG_CAP } from '../runs/trace-capture.ts';

/** A finished run with the trace events to store. */
export interface RunJobOutput {
  result: RunResult;
  trace: TraceEvent[];
  traceSeen: number;
  wallMs: number;
}

/** Runs the scenario to its end; throws what the engine throws. */
export function runJob(scenario: Scenario): RunJobOutput {
  const trace: TraceEvent[] = [];
  let seen = 0;
  const t0 = performance.now();
  const result = new Simulation(scenario, {
    trace: (e) => {
      seen++;
      if (trace.length < EVENT_LOG_CAP) trace.push(e);
    },
  }).run();
  return { result, trace, traceSeen: seen, wallMs: performance.now() - t0 };
}
