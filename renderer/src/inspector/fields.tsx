/**
 * Labelled fields bound to a path in the document. While a field has focus its text is local
 * (so "1." or "" can be typed on the way to a value); every valid value is written at once
 * through `setField`, and all the writes of one focus coalesce into one undo step. Invalid
 * text shows the reason under the field and leaves the document alone; leaving the field puts
 * the document's value back.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { fieldProblem, parseTypedNumber } from '../design/field-check.ts';
import { getIn, type DocPath } from '../design/patch.ts';
import { useLab, useLabStore } from '../store/context.tsx';

let focusSeq = 0;

/** A field's frame: visible label, control, hint, inline error and an assumption link. */
export function Field(props: {
  id: string;
  label: string;
  hint?: ReactNode | undefined;
  error?: string | null | undefined;
  assumption?: string | undefined;
  wide?: boolean;
  kind?: string;
  children: ReactNode;
}) {
  const showAssumption = useLab((s) => s.showAssumption);
  return (
    <div className={`prop${props.kind ? ` prop-${props.kind}` : ''}${props.wide ? ' prop-wide' : ''}${props.error ? ' prop-invalid' : ''}`}>
      <div className="prop-label-row">
        <label htmlFor={props.id}>{props.label}</label>
        {props.assumption && (
          <button type="button" className="assumption-link" title="Open the assumption this setting concerns" onClick={() => showAssumption(props.assumption ?? null)}>
            (assumption)
          </button>
        )}
      </div>
      {props.children}
      {props.hint && !props.error && (
        <div className="prop-hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      )}
      {props.error && (
        <div className="prop-error" id={`${props.id}-error`}>
          {props.error}
        </div>
      )}
    </div>
  );
}

/** The draft text of a focused field and the coalescing key of this focus. */
function useDraft() {
  const store = useLabStore();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = useRef('');
  return {
    draft,
    error,
    setDraft,
    setError,
    key,
    onFocus: () => {
      key.current = `field:${++focusSeq}`;
    },
    onBlur: () => {
      setDraft(null);
      setError(null);
      store.getState().sealHistory();
    },
  };
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** A number field. `scale` converts shown units to stored ones (seconds shown, ms stored). */
export function NumberField(props: {
  label: string;
  path: DocPath;
  /** Shown when the document has no value (the default the engine will use). */
  fallback?: number | undefined;
  placeholder?: string | undefined;
  /** Empty text removes the field (its default, or the authority's value, applies). */
  optional?: boolean;
  /** Empty text stores null (e.g. "until the end of the run"). */
  nullable?: boolean;
  scale?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  hint?: ReactNode;
  assumption?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const store = useLabStore();
  const stored = useLab((s) => getIn(s.doc, props.path));
  const d = useDraft();
  const scale = props.scale ?? 1;
  const shown = typeof stored === 'number' ? String(round(stored / scale)) : stored === undefined && props.fallback !== undefined ? String(round(props.fallback / scale)) : '';
  const onChange = (text: string) => {
    d.setDraft(text);
    const typed = parseTypedNumber(text);
    let message: string | null = null;
    let value: number | null | undefined = typed === undefined ? (props.nullable ? null : undefined) : typed;
    if (typed === null) message = 'must be a number';
    else if (typed === undefined && !props.optional && !props.nullable) message = 'is required';
    else if (typeof typed === 'number') {
      if (props.integer && !Number.isInteger(typed)) message = 'must be a whole number';
      else if ((props.min !== undefined && typed < props.min) || (props.max !== undefined && typed > props.max)) {
        message = `must be ${props.integer ? 'a whole number' : 'a number'} from ${props.min ?? '…'} to ${props.max ?? '…'}`;
      }
      value = round(typed * scale);
    }
    message ??= fieldProblem(store.getState().doc, props.path, value);
    d.setError(message);
    if (message === null) store.getState().setField(props.path, value, { key: d.key.current });
  };
  return (
    <Field id={id} label={props.label} hint={props.hint} error={d.error} assumption={props.assumption}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={d.draft ?? shown}
        placeholder={props.placeholder}
        disabled={props.disabled}
        aria-invalid={d.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, d.error)}
        onFocus={d.onFocus}
        onBlur={d.onBlur}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** A text field. `commit` replaces the default write (e.g. renaming something selected by id). */
export function TextField(props: {
  label: string;
  path: DocPath;
  placeholder?: string;
  optional?: boolean;
  multiline?: boolean;
  hint?: ReactNode;
  wide?: boolean;
  commit?: (value: string | undefined, key: string) => void;
  /** A rule the engine reports elsewhere (e.g. a duplicate id is reported on the other one). */
  validate?: (value: string | undefined) => string | null;
}) {
  const id = useId();
  const store = useLabStore();
  const stored = useLab((s) => getIn(s.doc, props.path));
  const d = useDraft();
  const onChange = (text: string) => {
    d.setDraft(text);
    const value = text === '' && props.optional ? undefined : text;
    const message = props.validate?.(value) ?? fieldProblem(store.getState().doc, props.path, value);
    d.setError(message);
    if (message !== null) return;
    if (props.commit) props.commit(value, d.key.current);
    else store.getState().setField(props.path, value, { key: d.key.current });
  };
  const common = {
    id,
    value: d.draft ?? (typeof stored === 'string' ? stored : ''),
    placeholder: props.placeholder,
    'aria-invalid': d.error ? true : undefined,
    'aria-describedby': describedBy(id, props.hint, d.error),
    onFocus: d.onFocus,
    onBlur: d.onBlur,
  };
  return (
    <Field id={id} label={props.label} hint={props.hint} error={d.error} wide={props.wide ?? props.multiline ?? false}>
      {props.multiline ? <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** A select; each change is its own undo step. */
export function SelectField<V extends string>(props: {
  label: string;
  value: V;
  options: readonly { value: V; label: string; disabled?: boolean }[];
  onChange: (value: V) => void;
  hint?: ReactNode;
  assumption?: string;
  disabled?: boolean;
  wide?: boolean;
}) {
  const id = useId();
  return (
    <Field id={id} label={props.label} hint={props.hint} assumption={props.assumption} wide={props.wide ?? false} kind="select">
      <select id={id} value={props.value} disabled={props.disabled} aria-describedby={props.hint ? `${id}-hint` : undefined} onChange={(e) => props.onChange(e.target.value as V)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A checkbox with its label beside it. */
export function CheckField(props: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className="prop prop-check">
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} aria-describedby={props.hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <div className="prop-hint" id={`${id}-hint`}>
          {props.hint}
        </div>
      )}
    </div>
  );
}

/** A titled group of fields in a two-column grid. */
export function Section(props: { title: string; children: ReactNode; note?: ReactNode }) {
  const id = useId();
  return (
    <section className="inspector-section" aria-labelledby={id}>
      <h3 id={id}>{props.title}</h3>
      {props.note}
      <div className="prop-grid">{props.children}</div>
    </section>
  );
}
