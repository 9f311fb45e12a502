/**
 * The Objectives tab of the live panels: each of the lab's objectives with its verdict — green
 * when it holds, red when it does not, grey while it cannot be known yet — the measured value
 * next to the expected one, "so far" while the run is live and final once it ends. Hints are
 * shown on demand. Instructors write objectives in the inspector's Objectives tab and can hand
 * the lab out with a seed per student (the same exercise, different numbers).
 */
import { useMemo, useState } from 'react';
import type { ObjectiveResult } from '../../../engine/index.ts';
import { useLab, useLabStore } from '../store/context.tsx';
import { downloadText } from '../runs/download.ts';
import { defaultFileName, scenarioText } from '../design/file-io.ts';
import { docObjectives, gradeNow } from './live-grading.ts';
import './objectives.css';

const WORDS = { pass: 'holds', fail: 'does not hold', pending: 'not known yet' } as const;
const MARKS = { pass: '✓', fail: '✗', pending: '…' } as const;

function value(v: ObjectiveResult['measured']): string {
  if (v === null) return '—';
  return typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : v;
}

/** The Objectives tab. */
export function ObjectivesPanel() {
  const doc = useLab((s) => s.doc);
  const live = useLab((s) => s.live);
  const liveCounters = useLab((s) => s.liveCounters);
  const liveSeries = useLab((s) => s.liveSeries);
  const lastEnded = useLab((s) => s.lastEnded);
  const setInspectorTab = useLab((s) => s.setInspectorTab);
  const graded = useMemo(() => gradeNow({ doc, live, liveCounters, liveSeries, lastEnded }), [doc, live, liveCounters, liveSeries, lastEnded]);
  const { problem } = useMemo(() => docObjectives(doc), [doc]);
  const [hints, setHints] = useState<Record<string, boolean>>({});
  const isFinal = live?.state === 'ended' && lastEnded?.summary != null;
  const when = !live ? 'Run the lab to grade them.' : isFinal ? 'Final: the run has ended.' : 'So far: verdicts can still change until the run ends.';
  const passed = graded.filter((g) => g.status === 'pass').length;

  if (graded.length === 0) {
    return (
      <div className="objectives">
        <p className="empty">
          {problem ?? 'This lab has no objectives.'} Instructors write them in the inspector's{' '}
          <button type="button" className="link-button" onClick={() => setInspectorTab('objectives')}>
            Objectives
          </button>{' '}
          tab; <code>srlab check</code> grades them from the command line.
        </p>
      </div>
    );
  }
  return (
    <div className="objectives">
      <div className="panel-toolbar">
        <strong aria-live="polite">
          {passed} of {graded.length} hold
        </strong>
        <span className="muted">{when}</span>
        <HandOut />
      </div>
      <ul className="objective-list" aria-label="Objectives">
        {graded.map((g) => (
          <li key={g.id} className={`objective objective-${g.status}`} aria-label={`${g.text}: ${WORDS[g.status]}`}>
            <span className="objective-mark" aria-hidden="true">
              {MARKS[g.status]}
            </span>
            <div className="objective-body">
              <div className="objective-text">{g.text}</div>
              <div className="objective-measure muted">
                {g.measure}: <b>{value(g.measured)}</b> (expected {g.expected}){g.status !== 'pending' && !isFinal ? ' so far' : ''}
                {g.status === 'pending' && g.note ? ` · ${g.note}` : ''}
              </div>
              {g.hint && hints[g.id] && <div className="objective-hint">Hint: {g.hint}</div>}
            </div>
            {g.hint && (
              <button type="button" className="link-button" aria-expanded={hints[g.id] === true} onClick={() => setHints({ ...hints, [g.id]: !hints[g.id] })}>
                {hints[g.id] ? 'Hide hint' : 'Hint'}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Per-student variation: the same lab with another seed gives other numbers (which sessions,
 * when), so students cannot copy answers; objectives should hold for any seed.
 */
function HandOut() {
  const store = useLabStore();
  const [seed, setSeed] = useState('');
  const n = Number(seed);
  const isValid = seed.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 4294967295;
  return (
    <span className="hand-out">
      <label className="field">
        <span>Student seed</span>
        <input type="text" inputMode="numeric" value={seed} placeholder="e.g. 17" onChange={(e) => setSeed(e.target.value)} aria-invalid={seed !== '' && !isValid ? true : undefined} />
      </label>
      <button
        type="button"
        disabled={!isValid}
        title={isValid ? 'Download this lab with that seed, to hand to one student' : 'Type a whole number from 0 to 4294967295'}
        onClick={() => {
          const doc = { ...store.getState().doc, seed: n };
          const name = defaultFileName(doc).replace(/\.srlab\.json$/, `-seed-${n}.srlab.json`);
          downloadText(name, 'application/json', scenarioText(doc));
          store.getState().notify('info', `Saved ${name}: the same lab with seed ${n}.`);
        }}
      >
        Hand out
      </button>
    </span>
  );
}
