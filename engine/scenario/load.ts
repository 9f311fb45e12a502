/**
 * Loading a scenario: text or a JSON value in, a fully defaulted `Scenario` or the complete list
 * of problems out. Never throws. Checks run in order (JSON → format → formatVersion → fields →
 * cross-references); a stage that finds problems stops the later ones, since they would only
 * repeat them in other words.
 */
import { describeJsonError } from './json-error.ts';
import { isRecord, plainErrorMap, problemsFromIssues, ROOT_PATH } from './issues.ts';
import type { ScenarioProblem } from './issues.ts';
import { SCENARIO_FORMAT, SCENARIO_FORMAT_VERSION, ScenarioSchema } from './schema.ts';
import type { Scenario } from './schema.ts';
import { crossCheck } from './validate.ts';

/** The outcome of loading: a scenario, or every problem found (never both, never half-loaded). */
export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** Message for anything that is not a scenario file at all. */
export const NOT_A_SCENARIO = `this is not a Session Recovery Lab scenario (format must be "${SCENARIO_FORMAT}")`;

function refuse(path: string, message: string): ScenarioResult {
  return { ok: false, problems: [{ path, message }] };
}

/** Parses and validates the text of a `*.srlab.json` file. */
export function parseScenarioText(text: string): ScenarioResult {
  if (typeof text !== 'string') return refuse(ROOT_PATH, 'expected the text of a scenario file');
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return refuse(ROOT_PATH, describeJsonError(body, error));
  }
  return parseScenario(data);
}

/** Validates an already-parsed JSON value as a scenario and fills in every default. */
export function parseScenario(input: unknown): ScenarioResult {
  try {
    return parseChecked(input);
  } catch (error) {
    // Only reachable with values JSON cannot produce (throwing getters, proxies…).
    return refuse(ROOT_PATH, `could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

function parseChecked(input: unknown): ScenarioResult {
  if (!isRecord(input)) return refuse(ROOT_PATH, NOT_A_SCENARIO);
  if (input['format'] !== SCENARIO_FORMAT) return refuse('format', NOT_A_SCENARIO);
  const version = input['formatVersion'];
  if (typeof version === 'number' && Number.isInteger(version) && version > SCENARIO_FORMAT_VERSION) {
    return refuse(
      'formatVersion',
      `this file was written by a newer version (formatVersion ${version}); ` + `this version reads formatVersion ${SCENARIO_FORMAT_VERSION} — update Session Recovery Lab`,
    );
  }
  const parsed = ScenarioSchema.safeParse(input, { error: plainErrorMap });
  if (!parsed.success) return { ok: false, problems: problemsFromIssues(parsed.error.issues) };
  const problems = crossCheck(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario: parsed.data };
}
