/**
 * Side-by-side comparison of finished runs (the issue: "packet-based" against "inactivity-based,
 * 1 s" and "…, 5 s" under the same faults). Pure: works on stored results, re-runs nothing, so
 * the UI can call it in the browser. The first divergence needs re-running; the caller computes
 * it with {@link firstDivergence} and attaches it as {@link Comparison.divergence}.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunSummary } from '../metrics/summary.ts';
import type { TimeSeries } from '../metrics/run-metrics.ts';
import type { Checkpoint, FaultLogEntry } from '../model/world.ts';
import type { Divergence } from './divergence.ts';
import { kpiTable, type KpiRow } from './kpi.ts';
import { settingsDiff, type SettingDiff } from './settings-diff.ts';
import { overlaySeries, type OverlaidSeries } from './series-overlay.ts';
import { describeScenarioRecovery } from './effective.ts';

/** A finished run as a comparison needs it (a stored run, or one just run). */
export interface ComparableRun {
  /** Run id (the store's), shown and used as key. */
  id: string;
  /** Short name for the run in tables and legends, e.g. `inactivity-based, 1 s`. */
  label: string;
  /** The effective scenario the run ran (after `--set`). */
  scenario: Scenario;
  /** The seed it ran with (the scenario's unless overridden). */
  seed: number;
  summary: RunSummary;
  series: TimeSeries;
  checkpoints: readonly Checkpoint[];
  faultLog: readonly FaultLogEntry[];
}

/** What the run list of a comparison shows about each run. */
export interface ComparedRun {
  id: string;
  label: string;
  scenarioName: string;
  seed: number;
  durationMs: number;
  fingerprint: string;
  engineVersion: string;
  /** Effective recovery setting in words, e.g. `inactivity-based, 1 s`. */
  recovery: string;
  faults: number;
  /** Faults injected live (a replay needs them). */
  liveFaults: number;
}

/** The comparison of two or more runs; the first run is the baseline every delta refers to. */
export interface Comparison {
  runs: ComparedRun[];
  /** Every KPI with each run's value and its delta from the baseline. */
  kpis: KpiRow[];
  /** Scenario settings that differ between runs. */
  settings: SettingDiff[];
  /** Series of every run on one time axis. */
  series: OverlaidSeries;
  /**
   * First divergence of the baseline and each other run, keyed by that run's id. Not computed
   * here (it re-runs both); attach {@link firstDivergence}'s answer when you have it.
   */
  divergence?: Record<string, Divergence>;
}

/** Compares runs (at least 2; the first is the baseline). Throws on fewer than 2 runs or duplicate ids. */
export function compareRuns(runs: readonly ComparableRun[]): Comparison {
  if (runs.length < 2) throw new Error(`a comparison needs at least 2 runs, got ${runs.length}`);
  const ids = new Set(runs.map((r) => r.id));
  if (ids.size !== runs.length) throw new Error('a comparison cannot hold the same run twice');
  return {
    runs: runs.map(describeRun),
    kpis: kpiTable(runs.map((r) => r.summary)),
    settings: settingsDiff(runs.map((r) => ({ scenario: r.scenario, seed: r.seed, durationMs: r.summary.durationMs }))),
    series: overlaySeries(runs.map((r) => r.series)),
  };
}

function describeRun(r: ComparableRun): ComparedRun {
  return {
    id: r.id,
    label: r.label,
    scenarioName: r.scenario.name,
    seed: r.seed,
    durationMs: r.summary.durationMs,
    fingerprint: r.summary.fingerprint,
    engineVersion: r.summary.engineVersion,
    recovery: describeScenarioRecovery(r.scenario),
    faults: r.faultLog.length,
    liveFaults: r.faultLog.filter((f) => f.source === 'live').length,
  };
}

export type { KpiRow, KpiCell, Better, Verdict, KpiUnit } from './kpi.ts';
export type { SettingDiff } from './settings-diff.ts';
export type { OverlaidSeries, OverlaidMetric } from './series-overlay.ts';
