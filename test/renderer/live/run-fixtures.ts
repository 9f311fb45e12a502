/**
 * Stored runs made with the real engine, shaped as the host answers them (RunRow, RunDetail,
 * a Comparison with divergences). Shared by the History/Compare tests and the screenshot
 * fixture generator.
 */
import {
  applySet,
  compareRuns,
  firstDivergence,
  parseScenario,
  Simulation,
  type Comparison,
  type RunDetail,
  type RunResult,
  type RunRow,
  type Scenario,
  type ScenarioInput,
} from '../../../engine/index.ts';
import { ENGINE_VERSION } from '../../../engine/index.ts';

/** One stored run with everything the views ask for. */
export interface StoredRun {
  row: RunRow;
  detail: RunDetail;
  result: RunResult;
}

/** Loads raw scenario JSON with `--set` edits; throws on problems. */
export function scenarioWith(raw: ScenarioInput, sets: readonly string[] = []): Scenario {
  let v: unknown = raw;
  for (const s of sets) {
    const r = applySet(v, s);
    if (!r.ok) throw new Error(r.problem.message);
    v = r.value;
  }
  const p = parseScenario(v);
  if (!p.ok) throw new Error(p.problems.map((x) => `${x.path}: ${x.message}`).join('; '));
  return p.scenario;
}

/** Runs a scenario to the end and dresses it as a stored run. */
export function storedRun(id: string, scenario: Scenario, label: string | null, startedAt: string): StoredRun {
  const result = new Simulation(scenario).run();
  const s = result.summary;
  const row: RunRow = {
    id,
    scenarioName: scenario.name,
    seed: s.seed,
    durationMs: s.durationMs,
    status: 'completed',
    startedAt,
    wallMs: 180,
    fingerprint: s.fingerprint,
    source: 'app',
    label,
    sessions: { total: s.sessions.total, affected: s.sessions.affected, recovered: s.sessions.recovered, failed: s.sessions.failed },
    outageP95Ms: s.sessions.outageMs.p95,
  };
  const detail: RunDetail = { ...row, scenario, summary: s, series: result.series, faultLog: result.faultLog, checkpoints: result.checkpoints, engineVersion: ENGINE_VERSION };
  return { row, detail, result };
}

/** The comparison the host would answer for `runs` (the first is the baseline). */
export function comparisonOf(runs: readonly StoredRun[]): Comparison {
  const c = compareRuns(
    runs.map((r) => ({
      id: r.row.id,
      label: r.row.label ?? r.row.scenarioName,
      scenario: r.detail.scenario,
      seed: r.row.seed,
      summary: r.result.summary,
      series: r.result.series,
      checkpoints: r.result.checkpoints,
      faultLog: r.result.faultLog,
    })),
  );
  const base = runs[0]!;
  const divergence: NonNullable<Comparison['divergence']> = {};
  for (const r of runs.slice(1)) {
    divergence[r.row.id] = firstDivergence(
      { scenario: base.detail.scenario, options: {}, checkpoints: base.result.checkpoints, fingerprint: base.result.summary.fingerprint },
      { scenario: r.detail.scenario, options: {}, checkpoints: r.result.checkpoints, fingerprint: r.result.summary.fingerprint },
    );
  }
  return { ...c, divergence };
}
