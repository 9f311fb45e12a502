/** One run of a sweep, as every executor runs it (a worker thread here, a queue worker elsewhere). */
import { Simulation, type RunResult, type Scenario, type SimSnapshot, type TraceEvent } from '../../../engine/index.ts';
import { TraceCapture } from '../runs/trace-capture.ts';
import type { SweepRunResult } from './executor.ts';

/** A finished run with the trace events to store. */
export interface RunJobOutput {
  result: RunResult;
  trace: TraceEvent[];
  traceSeen: number;
  wallMs: number;
  /** Whether it ran from the copy of a prefix (false: from the start). */
  forked: boolean;
}

/**
 * Runs the scenario to its end; throws what the engine throws. `keep`: false when the run is
 * not stored (it keeps no trace and no time series: the same summary and fingerprint, sooner).
 */
export function runJob(scenario: Scenario, keep = true): RunJobOutput {
  const t0 = performance.now();
  const capture = new TraceCapture();
  const result = new Simulation(scenario, keep ? { trace: capture.push } : { series: false }).run();
  return output(result, capture, t0, false);
}

function output(result: RunResult, capture: TraceCapture, t0: number, forked: boolean): RunJobOutput {
  return { result, trace: capture.events, traceSeen: capture.seen, wallMs: performance.now() - t0, forked };
}

/** The prefix a thread ran once for the jobs sharing a fork key. */
export interface ForkPrefix {
  snapshot: SimSnapshot;
  trace: TraceCapture;
}

/**
 * Runs `scenario` from the copy of the world at `fork.atMs` that jobs with the same key share,
 * running that prefix first if this thread has not yet (the same fingerprint as a whole run).
 * A scenario whose faults before `atMs` are not its first ones runs whole.
 */
export function runForkJob(scenario: Scenario, fork: { key: string; atMs: number }, cache: Map<string, ForkPrefix>, keep = true): RunJobOutput {
  const early = scenario.faults.filter((f) => f.atMs < fork.atMs).length;
  if (scenario.faults.slice(0, early).some((f) => f.atMs >= fork.atMs)) return runJob(scenario, keep);
  const t0 = performance.now();
  // A run that is not stored keeps no trace or series: its prefix needs neither (and runs faster).
  const key = keep ? fork.key : `${fork.key}\u0002unkept`;
  let prefix = cache.get(key);
  if (prefix === undefined) {
    const trace = new TraceCapture();
    const base = Simulation.forCopies({ ...scenario, faults: scenario.faults.slice(0, early) }, keep ? { trace: trace.push } : { series: false });
    base.runUntil(Math.round(fork.atMs * 1000) - 1);
    prefix = { snapshot: base.freeze(), trace };
    // A few prefixes at a time (seeds interleave in the plan); copies are large.
    if (cache.size >= 4) cache.delete(cache.keys().next().value!);
    cache.set(key, prefix);
  }
  const capture = keep ? TraceCapture.after(prefix.trace) : new TraceCapture();
  const sim = prefix.snapshot.restore(keep ? { trace: capture.push } : {});
  sim.addFaults(scenario);
  return output(sim.run(), capture, t0, true);
}

/** A run of a sweep as a thread or a queue worker receives it. */
export interface SweepRunSpec {
  scenario: Scenario;
  /** Runs with the same key share everything before `atMs` (SweepJob.fork). */
  fork?: { key: string; atMs: number };
  /** Nothing is stored: no trace, series or session rows. */
  summaryOnly?: boolean;
}

/**
 * Runs a sweep's run as its executor's threads and workers all do: forked from the prefix it
 * shares with others when it has one (`prefixes` keeps them between runs), and reduced to its
 * summary when nothing is stored (series and session rows are most of the bytes sent back).
 */
export function runSweepJob(job: SweepRunSpec, prefixes: Map<string, ForkPrefix>): Omit<RunJobOutput, 'result'> & { result: SweepRunResult } {
  const keep = job.summaryOnly !== true;
  const out = job.fork ? runForkJob(job.scenario, job.fork, prefixes, keep) : runJob(job.scenario, keep);
  if (keep) return out;
  const { series: _series, sessions: _sessions, ...slim } = out.result;
  return { ...out, result: slim };
}
