/**
 * Reads a scenario file for a command: the file's text, then each `--set` in order on the raw
 * JSON, then the engine's validation. Any problem becomes a BadInput with one line per problem,
 * `<file>: <json path>: <message>`, so nothing half-loaded reaches the engine.
 */
import { applySet, parseScenario, parseScenarioText, type Scenario, type ScenarioProblem } from '../../engine/index.ts';
import { BadInput, oneLine } from './errors.ts';
import { describeFsError, type CliIo } from './io.ts';

/** Reads a text file named on the command line; a BadInput saying which file and why when it cannot. */
export function readInputFile(file: string, io: CliIo): string {
  try {
    return io.readFile(file);
  } catch (error) {
    throw new BadInput([`cannot read ${file}: ${describeFsError(error)}`]);
  }
}

/** One problem line for a scenario file. */
export function problemLine(file: string, problem: ScenarioProblem): string {
  return `${file}: ${problem.path}: ${oneLine(problem.message)}`;
}

/**
 * Loads and validates `file`, applying `sets` (`PATH=VALUE`) to its raw JSON first.
 * Throws BadInput listing every problem found.
 */
export function loadScenarioFile(file: string, sets: readonly string[], io: CliIo): Scenario {
  const text = readInputFile(file, io);
  const result = sets.length === 0 ? parseScenarioText(text) : parseScenario(applySets(file, text, sets));
  if (!result.ok) throw new BadInput(result.problems.map((p) => problemLine(file, p)));
  return result.scenario;
}

function applySets(file: string, text: string, sets: readonly string[]): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    // The loader words JSON errors with line and column; let it say what is wrong.
    const refused = parseScenarioText(text);
    throw new BadInput(refused.ok ? [`${file}: (file): this file is not valid JSON`] : refused.problems.map((p) => problemLine(file, p)));
  }
  // Every bad --set is reported, not just the first, so one edit fixes them all.
  const lines: string[] = [];
  for (const assignment of sets) {
    const applied = applySet(raw, assignment);
    if (applied.ok) raw = applied.value;
    else lines.push(`--set ${assignment}: ${oneLine(applied.problem.message)}`);
  }
  if (lines.length > 0) throw new BadInput(lines);
  return raw;
}
