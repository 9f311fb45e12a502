/**
 * `srlab check LAB [--seed N] [--json]`: runs a lab and grades its objectives — one line per
 * objective with ✓ or ✗, the measured value and the expected one. Exit 0 when every objective
 * holds, 1 when any does not, 2 for bad input (an unreadable lab, a bad objective, a bad flag,
 * or a lab with no objectives to check). A course can autograde with it: hand each student the
 * same lab with their own `--seed`.
 */
import { evaluateObjectives, finishedRun, runScenario, type ObjectiveResult } from '../../../engine/index.ts';
import { BadInput, EXIT_FAILURE, EXIT_OK } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { parseSeedFlag } from '../options.ts';
import { loadScenarioFile } from '../scenario-file.ts';

/** `check`'s options as commander hands them over. */
export interface CheckFlags {
  seed?: string;
  json?: boolean;
}

/** The `check --json` object. */
export interface CheckJson {
  scenario: string;
  seed: number;
  fingerprint: string;
  passed: number;
  failed: number;
  objectives: ObjectiveResult[];
}

/** Runs `file` and grades its objectives; returns 0 or 1, throws BadInput for bad input. */
export function checkCommand(file: string, flags: CheckFlags, io: CliIo): number {
  let seed: number | undefined;
  if (flags.seed !== undefined) {
    const parsed = parseSeedFlag(flags.seed);
    if (!parsed.ok) throw new BadInput([parsed.line]);
    seed = parsed.value;
  }
  const scenario = loadScenarioFile(file, [], io);
  const objectives = scenario.objectives ?? [];
  if (objectives.length === 0) throw new BadInput([`${file}: objectives: the lab has no objectives to check (add an "objectives" list; see srlab schema)`]);
  const result = runScenario(scenario, seed !== undefined ? { seed } : {});
  const graded = evaluateObjectives(objectives, finishedRun(scenario, result));
  const passed = graded.filter((g) => g.status === 'pass').length;
  const out: CheckJson = { scenario: scenario.name, seed: result.summary.seed, fingerprint: result.summary.fingerprint, passed, failed: graded.length - passed, objectives: graded };
  io.stdout(flags.json ? `${JSON.stringify(out)}\n` : render(out));
  return passed === graded.length ? EXIT_OK : EXIT_FAILURE;
}

/** A measured value as the lines print it. */
export function shown(v: number | string | null): string {
  if (v === null) return 'nothing measured';
  return typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : v;
}

function render(c: CheckJson): string {
  const lines = [`check: ${c.scenario} (seed ${c.seed})`];
  for (const g of c.objectives) {
    const mark = g.status === 'pass' ? '✓' : '✗';
    lines.push(`  ${mark} ${g.id}: ${g.text}`);
    lines.push(`      ${g.measure} = ${shown(g.measured)} (expected ${g.expected})${g.note && g.measured === null ? ` — ${g.note}` : ''}`);
    if (g.status !== 'pass' && g.hint) lines.push(`      hint: ${g.hint}`);
  }
  const n = c.objectives.length;
  lines.push('', c.failed === 0 ? `all ${n} objective${n === 1 ? '' : 's'} hold` : `${c.failed} of ${n} objective${n === 1 ? '' : 's'} do not hold`);
  return `${lines.join('\n')}\n`;
}
