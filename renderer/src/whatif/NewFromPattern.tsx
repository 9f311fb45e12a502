/**
 * "From pattern…": a new lab from the engine's generator (the same as `srlab generate`): hubs in
 * a row, spokes in a grid or rings, each dual-homed to two hubs, clients and sessions as asked.
 */
import { useState } from 'react';
import { checkGenerateOptions, generateLab, GENERATE_DEFAULTS, type GenerateOptions, type ScenarioInput } from '../../../engine/index.ts';
import { mayDiscard } from '../design/doc-files.ts';
import { useLab, useLabStore } from '../store/context.tsx';
import { isRunLive } from '../store/sim-slice.ts';
import './whatif.css';

type Form = Record<'spokes' | 'hubs' | 'clientsPerSpoke' | 'sessionsPerClient' | 'natEvery', string> & Pick<GenerateOptions, 'pattern' | 'mode' | 'layout'>;

const NUMBERS: [keyof Form, string][] = [
  ['spokes', 'Spokes'],
  ['hubs', 'Hubs'],
  ['clientsPerSpoke', 'Clients per spoke'],
  ['sessionsPerClient', 'Sessions per client'],
  ['natEvery', 'NAT on every k-th spoke (0: none)'],
];

/** The button and its dialog. */
export function NewFromPattern() {
  const store = useLabStore();
  const isLocked = useLab((s) => isRunLive(s.live));
  const [open, setOpen] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [form, setForm] = useState<Form>({
    spokes: '100',
    hubs: '2',
    clientsPerSpoke: '1',
    sessionsPerClient: '2',
    natEvery: '0',
    pattern: GENERATE_DEFAULTS.pattern,
    mode: GENERATE_DEFAULTS.mode,
    layout: GENERATE_DEFAULTS.layout,
  });
  const set = (k: keyof Form, v: string) => setForm((f) => ({ ...f, [k]: v }));
  const create = () => {
    const whole = (t: string) => (/^\s*\d+\s*$/.test(t) ? Number(t) : Number.NaN);
    const checked = checkGenerateOptions({
      spokes: whole(form.spokes),
      hubs: whole(form.hubs),
      clientsPerSpoke: whole(form.clientsPerSpoke),
      sessionsPerClient: whole(form.sessionsPerClient),
      natEvery: whole(form.natEvery),
      pattern: form.pattern,
      mode: form.mode,
      layout: form.layout,
    });
    if (!checked.ok) {
      const label = new Map<string, string>(NUMBERS);
      setProblems(checked.problems.map((p) => `${label.get(p.option) ?? p.option}: ${p.message}`));
      return;
    }
    if (!mayDiscard(store)) return;
    store.getState().loadDoc(generateLab(checked.options) as ScenarioInput, null);
    store.getState().notify('info', `New lab: ${checked.options.spokes} spokes, ${checked.options.hubs} hubs.`);
    setOpen(false);
  };
  return (
    <>
      <button
        type="button"
        onClick={() => (setProblems([]), setOpen(true))}
        disabled={isLocked}
        title={isLocked ? 'Stop the run to edit the lab' : 'A new spoke-and-hub lab of any size from a pattern'}
      >
        From pattern…
      </button>
      {open && (
        <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <div role="dialog" aria-modal="true" aria-label="New lab from a pattern" className="pattern-dialog">
            <h2>New lab from a pattern</h2>
            <div className="pattern-grid">
              {NUMBERS.map(([k, label]) => (
                <label key={k}>
                  {label}
                  <input type="number" min={0} value={form[k]} onChange={(e) => set(k, e.target.value)} />
                </label>
              ))}
              <label>
                Traffic
                <select value={form.pattern} onChange={(e) => set('pattern', e.target.value)}>
                  <option value="request-response">request-response (TCP)</option>
                  <option value="bidirectional">bidirectional (UDP)</option>
                  <option value="stream-up">stream up (UDP)</option>
                  <option value="stream-down">stream down (UDP)</option>
                </select>
              </label>
              <label>
                Recovery detection
                <select value={form.mode} onChange={(e) => set('mode', e.target.value)}>
                  <option value="packet-based">packet-based</option>
                  <option value="inactivity-based">inactivity-based</option>
                </select>
              </label>
              <label>
                Spokes laid out
                <select value={form.layout} onChange={(e) => set('layout', e.target.value)}>
                  <option value="grid">in a grid</option>
                  <option value="rings">in rings</option>
                </select>
              </label>
            </div>
            {problems.length > 0 && (
              <ul className="error" role="alert">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
            <div className="pattern-buttons">
              <button type="button" onClick={() => setOpen(false)}>
                Cancel
              </button>
              <button type="button" className="primary" onClick={create}>
                Create
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
