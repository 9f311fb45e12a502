/**
 * Inline validation with the engine's own words: a candidate value is put into a copy of the
 * document, the document is parsed, and the problem reported at that field's path (if any) is
 * the field's message. The inspector never invents a rule the engine does not have.
 */
import { formatPath, parseScenario, type ScenarioInput } from '../../../engine/index.ts';
import { setIn, type DocPath } from './patch.ts';

/** The engine's message for `value` at `path`, or null when the engine has no objection there. */
export function fieldProblem(doc: ScenarioInput, path: DocPath, value: unknown): string | null {
  const candidate = setIn(doc, path, value, value === undefined);
  const r = parseScenario(candidate);
  if (r.ok) return null;
  const at = formatPath(path);
  return r.problems.find((p) => p.path === at)?.message ?? null;
}

/** Parses a number typed by a person ("1 000", "1,5" and "" included). */
export function parseTypedNumber(text: string): number | null | undefined {
  const t = text.trim().replace(/\s+/g, '').replace(',', '.');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
