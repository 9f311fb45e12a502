/** The engine's verdict on the document being edited, recomputed when it changes. */
import { useMemo } from 'react';
import { parseScenario, type ScenarioInput, type ScenarioProblem } from '../../../engine/index.ts';
import { useLab } from '../store/context.tsx';

// Documents are immutable, so one verdict per document object serves every component asking.
const verdicts = new WeakMap<ScenarioInput, ScenarioProblem[]>();

/** Every problem the engine finds in `doc` (empty when it would run). */
export function docProblems(doc: ScenarioInput): ScenarioProblem[] {
  let problems = verdicts.get(doc);
  if (!problems) {
    const r = parseScenario(doc);
    problems = r.ok ? [] : r.problems;
    verdicts.set(doc, problems);
  }
  return problems;
}

/** Every problem the engine finds in the current document. */
export function useDocProblems(): ScenarioProblem[] {
  const doc = useLab((s) => s.doc);
  return useMemo(() => docProblems(doc), [doc]);
}
