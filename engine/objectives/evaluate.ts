/**
 * Grades a lab's objectives (scenario/objectives.ts) against a run: pure, so `srlab check`, the
 * app's Objectives panel (live, from snapshots, and at the end, from the summary) and the tests
 * share one judge. Live, values are "so far": an objective turns green or red as the numbers
 * move, and one whose number or window is not known yet stays pending.
 */
import type { Objective, ObjectiveExpect, ObjectiveOp, ObjectiveWindow } from '../scenario/objectives.ts';
import { ROUTER_METRIC } from '../scenario/objectives.ts';
import type { RecoveryMode, Scenario } from '../scenario/schema.ts';
import { effectiveRecovery } from '../compare/effective.ts';
import type { RunResult } from '../metrics/summary.ts';

/** Time series as a run keeps them (the live buffer has the same fields). */
export interface ObjectiveSeries {
  tMs: readonly number[];
  sessionsInOutage: readonly number[];
  activeSessions: readonly number[];
  deliveredPps: readonly number[];
  lostPps: readonly number[];
  controlPps: Readonly<Record<string, readonly number[]>>;
}

/** What the objectives are graded on. */
export interface ObjectiveRun {
  /** The `run --json` summary, or live the numbers known so far (a missing number is pending). */
  summary: unknown;
  /** Router → counter path → value (the summary's `counters`, or live counters). */
  counters: Readonly<Record<string, Readonly<Record<string, number>>>>;
  series: ObjectiveSeries | null;
  /** When each of the scenario's faults happens, in time order: F1 is the first. */
  faultTimesMs: readonly number[];
  durationMs: number;
  /** The mode each router runs. */
  modes: Readonly<Record<string, RecoveryMode>>;
  /** The run is over: every value is final. */
  isFinal: boolean;
  /** Virtual time reached (the end, when final). */
  nowMs: number;
}

/** Pass and fail are final at the end of a run and "so far" before it. */
export type ObjectiveStatus = 'pass' | 'fail' | 'pending';

/** One objective, graded. */
export interface ObjectiveResult {
  id: string;
  text: string;
  hint?: string;
  status: ObjectiveStatus;
  /** What was measured (a number, a mode), null when nothing could be measured yet. */
  measured: number | string | null;
  /** The expectation in short form: `<= 2000`, `== inactivity-based`. */
  expected: string;
  /** What is measured, in words: `sessions.outageMs.max`, `max of sessionsInOutage from 25 s to 60 s`. */
  measure: string;
  /** Why it is pending, when it is. */
  note?: string;
}

const EPSILON = 1e-9;

/** Whether `a op b` holds (== and != with a tolerance for the summary's rounding). */
export function compare(a: number, op: ObjectiveOp, b: number): boolean {
  const eq = Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
  switch (op) {
    case '<=':
      return a <= b || eq;
    case '<':
      return a < b && !eq;
    case '==':
      return eq;
    case '>=':
      return a >= b || eq;
    case '>':
      return a > b && !eq;
    case '!=':
      return !eq;
  }
}

/** The number at a dotted path of the summary (undefined when absent or not a number). */
export function metricValue(summary: unknown, path: string): number | undefined {
  const router = ROUTER_METRIC.exec(path);
  const keys = router ? ['exposure', 'byRouter', router[1]!] : path.split('.');
  let v: unknown = summary;
  for (const k of keys) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return typeof v === 'number' ? v : undefined;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** The window in run time (ms), or a reason it cannot be placed yet. */
export function resolveWindow(w: ObjectiveWindow | undefined, run: Pick<ObjectiveRun, 'faultTimesMs' | 'durationMs'>): { fromMs: number; toMs: number; words: string } | { note: string } {
  const end = run.durationMs;
  if (!w) return { fromMs: 0, toMs: end, words: 'over the whole run' };
  const fault = (tag: string) => run.faultTimesMs[Number(tag.slice(1)) - 1];
  if (w.before !== undefined) {
    const at = fault(w.before);
    return at === undefined ? { note: `fault ${w.before} does not happen in this run` } : { fromMs: 0, toMs: at, words: `before ${w.before} (${seconds(at)})` };
  }
  if (w.after !== undefined) {
    const at = fault(w.after);
    if (at === undefined) return { note: `fault ${w.after} does not happen in this run` };
    const fromMs = at + (w.delayMs ?? 0);
    const toMs = Math.min(end, w.forMs === undefined ? end : fromMs + w.forMs);
    return { fromMs, toMs, words: `from ${seconds(fromMs)} to ${seconds(toMs)} (${w.delayMs ? `${seconds(w.delayMs)} ` : ''}after ${w.after})` };
  }
  const fromMs = w.fromMs ?? 0;
  const toMs = Math.min(end, w.toMs ?? end);
  return { fromMs, toMs, words: `from ${seconds(fromMs)} to ${seconds(toMs)}` };
}

function seriesValues(series: ObjectiveSeries, name: string): readonly number[] | undefined {
  if (name.startsWith('controlPps.')) return series.controlPps[name.slice('controlPps.'.length)];
  const v = (series as unknown as Record<string, unknown>)[name];
  return Array.isArray(v) ? (v as number[]) : undefined;
}

/** A statistic of a series over [fromMs, toMs] (samples are stamped at the end of their 100 ms). */
export function seriesStat(series: ObjectiveSeries, name: string, stat: NonNullable<ObjectiveExpect['stat']>, fromMs: number, toMs: number): number | undefined {
  const values = seriesValues(series, name);
  if (!values) return undefined;
  const picked: number[] = [];
  series.tMs.forEach((t, i) => {
    if (t > fromMs && t <= toMs + EPSILON && values[i] !== undefined) picked.push(values[i]!);
  });
  if (picked.length === 0) return undefined;
  switch (stat) {
    case 'max':
      return Math.max(...picked);
    case 'min':
      return Math.min(...picked);
    case 'mean':
      return Math.round((picked.reduce((a, b) => a + b, 0) / picked.length) * 1000) / 1000;
    case 'first':
      return picked[0];
    case 'last':
      return picked[picked.length - 1];
  }
}

function graded(o: Objective, isFinal: boolean, measure: string, expected: string, measured: number | string | undefined, holds: boolean | undefined, note?: string): ObjectiveResult {
  const base = { id: o.id, text: o.text, ...(o.hint !== undefined ? { hint: o.hint } : {}), measure, expected };
  // At the end nothing is pending any more: what could not be measured does not hold.
  if (measured === undefined || holds === undefined) return { ...base, status: isFinal ? 'fail' : 'pending', measured: measured ?? null, ...(note ? { note } : {}) };
  return { ...base, status: holds ? 'pass' : 'fail', measured };
}

/** Grades one objective. */
export function evaluateObjective(o: Objective, run: ObjectiveRun): ObjectiveResult {
  const e = o.expect;
  const op = e.op ?? '==';
  const expected = e.mode !== undefined ? `${op} ${e.mode}` : `${op} ${e.value ?? '?'}`;
  const check = (v: number | undefined) => (v === undefined || e.value === undefined ? undefined : compare(v, op, e.value));
  const later = run.isFinal ? 'not measured in this run' : 'known at the end of the run';
  if (e.mode !== undefined && e.node !== undefined) {
    const mode = run.modes[e.node];
    return graded(o, run.isFinal, `${e.node}'s effective recovery mode`, expected, mode, mode === undefined ? undefined : (mode === e.mode) === (op === '=='), mode === undefined ? later : undefined);
  }
  if (e.counter !== undefined && e.node !== undefined) {
    const v = run.counters[e.node]?.[e.counter] ?? (run.isFinal ? 0 : undefined);
    return graded(o, run.isFinal, `${e.counter} on ${e.node}`, expected, v, check(v), later);
  }
  if (e.metric !== undefined) {
    const v = metricValue(run.summary, e.metric);
    return graded(o, run.isFinal, e.metric, expected, v, check(v), later);
  }
  if (e.series !== undefined) {
    const stat = e.stat ?? 'max';
    const w = resolveWindow(e.window, run);
    if ('note' in w) return graded(o, run.isFinal, `${stat} of ${e.series}`, expected, undefined, undefined, w.note);
    const measure = `${stat} of ${e.series} ${w.words}`;
    if (!run.isFinal && run.nowMs <= w.fromMs) return graded(o, run.isFinal, measure, expected, undefined, undefined, `the window starts at ${seconds(w.fromMs)}`);
    const v = run.series ? seriesStat(run.series, e.series, stat, w.fromMs, w.toMs) : undefined;
    return graded(o, run.isFinal, measure, expected, v, check(v), v === undefined && run.isFinal ? 'no samples in the window' : later);
  }
  return graded(o, run.isFinal, 'nothing', expected, undefined, undefined, 'the objective names nothing to measure');
}

/** Grades every objective, in file order. */
export function evaluateObjectives(objectives: readonly Objective[], run: ObjectiveRun): ObjectiveResult[] {
  return objectives.map((o) => evaluateObjective(o, run));
}

/** When each scheduled fault happens, in time order (ties in file order): F1, F2… */
export function faultTimes(scenario: Pick<Scenario, 'faults'>): number[] {
  return scenario.faults.map((f) => f.atMs).sort((a, b) => a - b);
}

/** The modes the scenario's routers run (their effective recovery mode). */
export function effectiveModes(scenario: Scenario): Record<string, RecoveryMode> {
  return Object.fromEntries(effectiveRecovery(scenario).map((r) => [r.id, r.mode]));
}

/** What a finished run gives the objectives (`srlab check`, stored runs). */
export function finishedRun(scenario: Scenario, result: Pick<RunResult, 'summary' | 'series'>): ObjectiveRun {
  return {
    summary: result.summary,
    counters: result.summary.counters,
    series: result.series,
    faultTimesMs: faultTimes(scenario),
    durationMs: result.summary.durationMs,
    modes: effectiveModes(scenario),
    isFinal: true,
    nowMs: result.summary.durationMs,
  };
}
