/**
 * Runs `srlab check` over every shipped template that has objectives, so template text can
 * never contradict the numbers (issue 10 §3). For the golden tests: call it after a deliberate
 * model change and expect every outcome's code to be 0.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { srlab, type CliOutcome } from './helpers.ts';

const TEMPLATES = join(process.cwd(), 'assets/scenarios');

/** One template's check. */
export interface TemplateCheck extends CliOutcome {
  file: string;
}

/** The template files (sorted) whose JSON has a non-empty `objectives` list. */
export function templatesWithObjectives(dir = TEMPLATES): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.srlab.json'))
    .sort()
    .filter((f) => {
      const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { objectives?: unknown[] };
      return Array.isArray(raw.objectives) && raw.objectives.length > 0;
    });
}

/** `srlab check --json` on each of them, in-process. */
export async function checkTemplates(dir = TEMPLATES): Promise<TemplateCheck[]> {
  const out: TemplateCheck[] = [];
  for (const file of templatesWithObjectives(dir)) out.push({ file, ...(await srlab(['check', join(dir, file), '--json'])) });
  return out;
}
