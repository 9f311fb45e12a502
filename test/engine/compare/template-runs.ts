/** Runs shipped templates (optionally with `--set` edits) for the compare and report tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applySet, parseScenario, Simulation, type RunOptions, type RunResult, type Scenario } from '../../../engine/index.ts';
import type { ComparableRun } from '../../../engine/compare/compare.ts';

const TEMPLATES = fileURLToPath(new URL('../../../assets/scenarios/', import.meta.url));

/** A template run: the scenario it ran, its full result, and the comparison's view of it. */
export interface TemplateRun {
  scenario: Scenario;
  result: RunResult;
  comparable: ComparableRun;
}

/** Loads the raw JSON of the template whose file name starts with `prefix` (e.g. `02`). */
export function templateJson(prefix: string): unknown {
  const file = readdirSync(TEMPLATES).find((f) => f.startsWith(prefix) && f.endsWith('.srlab.json'));
  if (!file) throw new Error(`no template ${prefix}`);
  return JSON.parse(readFileSync(TEMPLATES + file, 'utf8')) as unknown;
}

/** Parses raw scenario JSON after applying `sets` like `--set`; throws on any problem. */
export function scenarioFrom(raw: unknown, sets: readonly string[] = []): Scenario {
  let value = raw;
  for (const s of sets) {
    const r = applySet(value, s);
    if (!r.ok) throw new Error(`${s}: ${r.problem.message}`);
    value = r.value;
  }
  const parsed = parseScenario(value);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return parsed.scenario;
}

/** Runs a scenario and wraps it as run `id` with `label`. */
export function runAs(scenario: Scenario, id: string, label: string, opts: RunOptions = {}): TemplateRun {
  const result = new Simulation(scenario, opts).run();
  const comparable: ComparableRun = {
    id,
    label,
    scenario,
    seed: result.summary.seed,
    summary: result.summary,
    series: result.series,
    checkpoints: result.checkpoints,
    faultLog: result.faultLog,
  };
  return { scenario, result, comparable };
}

/** Loads template `prefix`, applies `sets`, runs it as run `id`. */
export function templateRun(prefix: string, id: string, label: string, sets: readonly string[] = [], opts: RunOptions = {}): TemplateRun {
  return runAs(scenarioFrom(templateJson(prefix), sets), id, label, opts);
}
