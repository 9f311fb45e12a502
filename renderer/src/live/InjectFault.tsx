/**
 * Injecting a fault into the live run on what is selected on the canvas: a router takes
 * session-loss, node-restart or a scan; a link takes link-down/up/impair/flap (and nat-rebind
 * when it has a NAT). The fault applies at the current virtual time and goes into the run's
 * fault log, so a replay repeats it.
 */
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApi } from '../api/context.tsx';
import { useLab, useLabStore } from '../store/context.tsx';
import { buildFault, faultTarget, formsFor } from './fault-forms.ts';
import { phaseOf } from './useRunActions.ts';
import { clock } from './format.ts';

/** The Inject fault button and its form. */
export function InjectFault() {
  const api = useApi();
  const store = useLabStore();
  const phase = useLab((s) => phaseOf(s.live));
  const target = useLab(useShallow((s) => faultTarget(s.doc, s.selectedNodes, s.selectedLinks)));
  const [isOpen, setOpen] = useState(false);
  const [type, setType] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const isLive = phase === 'running' || phase === 'paused';
  const forms = formsFor(target);
  const form = forms.find((f) => f.type === type) ?? forms[0];
  const why = !isLive ? 'Start a run to inject faults' : !target ? 'Select a router or a link on the canvas' : `Inject a fault on ${target.id}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!target || !form) return;
    const s = store.getState();
    const fault = buildFault(target, form, values, s.live?.tMs ?? 0);
    const r = await api.call('sim:inject', { fault });
    if (r.ok) {
      s.notify('info', `Injected ${form.type} on ${target.id} at ${clock(r.value.atMs)}`);
      setOpen(false);
    } else {
      s.notify('error', `Could not inject ${form.type} on ${target.id}: ${r.error.message}`);
    }
  };

  return (
    <div className="inject">
      <button type="button" aria-expanded={isOpen} disabled={!isLive || !target} title={why} onClick={() => setOpen(!isOpen)}>
        Inject fault{target && isLive ? ` on ${target.id}` : ''}
      </button>
      {!isLive || !target ? null : (
        isOpen &&
        form && (
          <form className="inject-form" aria-label={`Inject a fault on ${target.id}`} onSubmit={(e) => void submit(e)}>
            <label className="field">
              <span>Fault</span>
              <select
                value={form.type}
                onChange={(e) => {
                  setType(e.target.value);
                  setValues({});
                }}
              >
                {forms.map((f) => (
                  <option key={f.type} value={f.type}>
                    {f.type}
                  </option>
                ))}
              </select>
            </label>
            <p className="inject-hint muted">{form.hint}</p>
            {form.fields.map((f) => (
              <label key={f.name} className="field">
                <span>{f.label}</span>
                <input type="number" value={values[f.name] ?? f.value} min={f.min} max={f.max} step={f.step} placeholder={f.emptyMeans} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
              </label>
            ))}
            <div className="inject-actions">
              <button type="submit" className="run-primary">
                Inject
              </button>
              <button type="button" onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </form>
        )
      )}
    </div>
  );
}
