/**
 * Injecting a fault into the live run on what is selected on the canvas: a router takes
 * session-loss, node-restart or a scan; a link takes link-down/up/impair/flap (and nat-rebind
 * when it has a NAT). The fault applies at the current virtual time and goes into the run's
 * fault log, so a replay repeats it.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApi } from '../api/context.tsx';
import { useLab, useLabStore } from '../store/context.tsx';
import { buildFault, checkFaultForm, faultTarget, formsFor, type FormProblems } from './fault-forms.ts';
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
  const [problems, setProblems] = useState<FormProblems>({ fields: {}, general: [] });
  const idBase = useId();
  const isLive = phase === 'running' || phase === 'paused';
  const forms = formsFor(target);
  const form = forms.find((f) => f.type === type) ?? forms[0];
  const why = !isLive ? 'Start a run to inject faults' : !target ? 'Select a router or a link on the canvas' : `Inject a fault on ${target.id}`;
  // The form closes with the run (or when the selection no longer names a target).
  const isShown = isOpen && isLive && target !== null;
  useEffect(() => {
    if (!isLive || !target) setOpen(false);
  }, [isLive, target]);
  const edit = (name: string, text: string) => {
    const next = { ...values, [name]: text };
    setValues(next);
    if (target && form) setProblems(checkFaultForm(store.getState().doc, target, form, next));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!target || !form) return;
    const s = store.getState();
    const found = checkFaultForm(s.doc, target, form, values);
    setProblems(found);
    if (Object.keys(found.fields).length > 0 || found.general.length > 0) return;
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
      <button type="button" aria-expanded={isShown} disabled={!isLive || !target} title={why} onClick={() => setOpen(!isOpen)}>
        Inject fault{target && isLive ? ` on ${target.id}` : ''}
      </button>
      {!isShown || !target
        ? null
        : form && (
            <form className="inject-form" noValidate aria-label={`Inject a fault on ${target.id}`} onSubmit={(e) => void submit(e)}>
              <label className="field">
                <span>Fault</span>
                <select
                  value={form.type}
                  onChange={(e) => {
                    setType(e.target.value);
                    setValues({});
                    setProblems({ fields: {}, general: [] });
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
              {form.fields.map((f) => {
                const error = problems.fields[f.name];
                const errorId = `${idBase}-${f.name}-error`;
                return (
                  <div key={f.name} className="inject-field">
                    <label className="field">
                      <span>{f.label}</span>
                      <input
                        type="text"
                        inputMode="decimal"
                        value={values[f.name] ?? f.value}
                        placeholder={f.emptyMeans}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                        onChange={(e) => edit(f.name, e.target.value)}
                      />
                    </label>
                    {error && (
                      <div className="inject-error" id={errorId}>
                        {f.label.replace(/ \(.*\)$/, '')} {error}
                      </div>
                    )}
                  </div>
                );
              })}
              {problems.general.map((g) => (
                <div key={g} className="inject-error" role="alert">
                  {g}
                </div>
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
          )}
    </div>
  );
}
