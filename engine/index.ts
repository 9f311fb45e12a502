/**
 * The engine's public surface. Nothing outside engine/ imports deeper than this file.
 * Pure TypeScript: no Node, DOM, Electron or React; time and randomness are the run's own.
 */
export * from './scenario/index.ts';
export { Simulation, SimSnapshot, runScenario, type RunOptions, type FaultLogEntry } from './sim.ts';
export { runForked, type ForkRun, type ForkStats } from './replay/fork.ts';
export { Timeline, type TimelineOptions } from './replay/timeline.ts';
export { stepDescribed, stepCategory, EVENT_CATEGORIES } from './replay/describe.ts';
export { seekTimeline, seekView, runFaults, timelineEvery, NumberedLog, TimelineCursor, type Positioner, SEEK_LOG, type SeekExtent, type SeekPosition, type SeekViewOptions } from './replay/seek.ts';
export type * from './contract/seek.ts';
export type { RunResult, RunSummary, SessionOutcome, OutageStats, OutageSpan } from './metrics/summary.ts';
export type { TimeSeries } from './metrics/run-metrics.ts';
export type { TraceEvent } from './model/trace.ts';
export { COUNTER_PATHS, type CounterPath } from './metrics/counters.ts';
export { DETAIL_ROUTERS, detailedRouters, totalCounters } from './metrics/counter-digest.ts';
export { RECOVERY_KINDS, LOSS_CAUSES, CONTROL_KINDS, type RecoveryKind, type LossCause, type ControlKind } from './model/constants.ts';
export { ENGINE_VERSION } from './version.ts';
export { ASSUMPTIONS, type Assumption } from './assumptions.ts';
export { firstDivergence, sameTopology, type Divergence, type RunToCompare, type EventRef } from './compare/divergence.ts';
export { CHECKPOINT_US } from './sim.ts';
export type { Checkpoint } from './model/world.ts';
export { EVENT_KIND_NAMES } from './model/constants.ts';
export * from './contract/api.ts';
export type * from './contract/snapshot.ts';
export { SnapshotBuilder, MAX_DOTS, MAX_LOG } from './live/snapshot.ts';
export { sessionTable, type FlowRow } from './live/sessions-table.ts';
export type { ScenarioInput } from './scenario/input.ts';
export {
  compare as compareObjectiveValue,
  effectiveModes,
  evaluateObjective,
  evaluateObjectives,
  faultTimes,
  finishedRun,
  metricValue,
  resolveWindow,
  seriesStat,
  type ObjectiveResult,
  type ObjectiveRun,
  type ObjectiveSeries,
  type ObjectiveStatus,
} from './objectives/evaluate.ts';
export { generateLab, checkGenerateOptions, GENERATE_DEFAULTS, GENERATE_LIMITS, type GenerateOptions, type GenerateCheck, type GenerateLayout, type GeneratePattern } from './scenario/generate.ts';
export { FAIL_EACH_KINDS, type FailEachKind, type WhatIfRank, type WhatIfState } from './whatif/types.ts';
export { blastRadiusMap, harmLevel, HARM_COLORS, HARM_WORDS, type BlastRadiusMap, type HarmLevel, type MapLink, type MapNode } from './whatif/blast-radius.ts';
export { rankSorted, worstHead, type WorstHead } from './whatif/worst.ts';
export {
  compareRuns,
  type ComparableRun,
  type ComparedRun,
  type Comparison,
  type KpiRow,
  type KpiCell,
  type Better,
  type Verdict,
  type KpiUnit,
  type SettingDiff,
  type OverlaidSeries,
  type OverlaidMetric,
} from './compare/compare.ts';
export { CONTROL_KIND_LABELS, counterBetter, kpiCells, kpiTable } from './compare/kpi.ts';
export { settingsDiff, IGNORED_ROOT_KEYS, IGNORED_KEYS, type DiffInput } from './compare/settings-diff.ts';
export { overlaySeries } from './compare/series-overlay.ts';
export { effectiveRecovery, describeRecovery, describeMode, describeScenarioRecovery, type EffectiveRecovery } from './compare/effective.ts';
export { CONTROL_COLORS, RECOVERY_COLORS, RUN_COLORS, RUN_DASHES, METRIC_COLORS, VERDICT_COLORS, NODE_COLORS, runColor } from './compare/palette.ts';
export { estimateWork, checkWork, DEFAULT_WORK_LIMITS, type WorkEstimate, type WorkLimits, type WorkCheck, type EstimatePart } from './scenario/estimate.ts';
