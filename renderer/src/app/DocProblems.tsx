/**
 * The design toolbar's verdict chip: "✓ Valid", or "n problems" — pressing it lists them, and
 * pressing one shows the thing it is about (the node or link selected on the canvas, the
 * traffic definition or fault opened in its tab, or the lab's own properties).
 */
import { useEffect, useRef, useState } from 'react';
import type { ScenarioProblem } from '../../../engine/index.ts';
import { useDocProblems } from '../inspector/useDocProblems.ts';
import { useLabStore } from '../store/context.tsx';
import type { LabStore } from '../store/index.ts';

/** Where a problem's JSON path points: a list entry by index, or the lab itself. */
export function problemTarget(path: string): { list: 'nodes' | 'links' | 'traffic' | 'faults'; index: number } | null {
  const m = /^(nodes|links|traffic|faults)\[(\d+)\]/.exec(path);
  return m ? { list: m[1] as 'nodes' | 'links' | 'traffic' | 'faults', index: Number(m[2]) } : null;
}

/** Selects what `problem` is about and opens the inspector tab that edits it. */
export function showProblem(store: LabStore, problem: ScenarioProblem): void {
  const s = store.getState();
  const t = problemTarget(problem.path);
  if (t?.list === 'nodes') {
    const id = s.doc.nodes[t.index]?.id;
    if (id !== undefined) return s.select([id], []);
  } else if (t?.list === 'links') {
    const id = s.doc.links?.[t.index]?.id;
    if (id !== undefined) return s.select([], [id]);
  } else if (t?.list === 'traffic') {
    const id = s.doc.traffic?.[t.index]?.id;
    if (id !== undefined) {
      s.selectTraffic(id);
      return s.setInspectorTab('traffic');
    }
  } else if (t?.list === 'faults' && s.doc.faults?.[t.index]) {
    s.selectFault(t.index);
    return s.setInspectorTab('faults');
  }
  s.clearSelection();
  s.setInspectorTab('properties');
}

/** "✓ Valid" or the problems button and its list. */
export function DocProblems() {
  const problems = useDocProblems();
  const store = useLabStore();
  const [isOpen, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!isOpen) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [isOpen]);
  if (problems.length === 0) {
    return (
      <span className="doc-chip ok" title="The engine accepts this lab">
        ✓ Valid
      </span>
    );
  }
  const n = problems.length;
  return (
    <div className="doc-problems" ref={box}>
      <button type="button" className="doc-chip bad" aria-expanded={isOpen} aria-haspopup="true" title="Show what the engine objects to" onClick={() => setOpen(!isOpen)}>
        {n} problem{n === 1 ? '' : 's'}
      </button>
      {isOpen && (
        <div className="doc-problems-list" role="group" aria-label="Problems in this lab">
          <p className="muted">The lab cannot run until {n === 1 ? 'this is' : 'these are'} fixed. Press one to show it.</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    showProblem(store, p);
                    setOpen(false);
                  }}
                >
                  <code>{p.path}</code>: {p.message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
