/**
 * Scheduled faults: the timeline, a list sorted by time, and an editor for the one picked with
 * the fields its type uses. Target pickers offer only what fits the type (routers for restarts,
 * session loss and scans; links for link faults; links with NAT for a NAT rebind).
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FaultType } from '../../../engine/index.ts';
import { FAULT_TITLES, FAULT_TYPES, describeFault, faultTargets, noTargetReason, targetsRouter } from '../design/fault-model.ts';
import { useLab, useLabStore } from '../store/context.tsx';
import { FaultTimeline } from './FaultTimeline.tsx';
import { FaultFields } from './FaultFields.tsx';
import { NumberField, Section, SelectField } from './fields.tsx';

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(2)} s`;
}

/** The faults tab. */
export function FaultEditor() {
  const store = useLabStore();
  const [newType, setNewType] = useState<FaultType>('session-loss');
  const reasons = useLab(useShallow((s) => FAULT_TYPES.map((t) => noTargetReason(s.doc, t) ?? '')));
  const rows = useLab(useShallow((s) => (s.doc.faults ?? []).map((f, i) => `${f.atMs}\u0000${i}\u0000${describeFault(s.doc, f)}`)));
  const selected = useLab((s) => s.selectedFault);
  const sorted = rows
    .map((r) => {
      const [at = '0', i = '0', text = ''] = r.split('\u0000');
      return { at: Number(at), i: Number(i), text };
    })
    .sort((a, b) => a.at - b.at || a.i - b.i);
  const blocked = reasons[FAULT_TYPES.indexOf(newType)];
  return (
    <div className="inspector-pane">
      <header className="inspector-head">
        <h2>Faults</h2>
      </header>
      <FaultTimeline />
      <div className="add-row">
        <SelectField
          label="New fault"
          value={newType}
          options={FAULT_TYPES.map((t, k) => ({ value: t, label: reasons[k] ? `${FAULT_TITLES[t]} (${reasons[k]})` : FAULT_TITLES[t], disabled: reasons[k] !== '' }))}
          onChange={setNewType}
        />
        <button type="button" disabled={blocked !== ''} onClick={() => store.getState().addFault(newType)}>
          Add fault
        </button>
      </div>
      {sorted.length === 0 && <p className="insp-muted">No faults scheduled. Faults can also be injected during a live run.</p>}
      <ul className="insp-list item-list" aria-label="Scheduled faults">
        {sorted.map((r) => (
          <li key={r.i}>
            <button type="button" className={`insp-item${r.i === selected ? ' current' : ''}`} aria-pressed={r.i === selected} onClick={() => store.getState().selectFault(r.i)}>
              <span className="insp-item-title">
                <span className="fault-time">{seconds(r.at)}</span> {r.text}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {selected !== null && <FaultForm key={selected} index={selected} />}
    </div>
  );
}

function FaultForm({ index }: { index: number }) {
  const store = useLabStore();
  const f = useLab((s) => s.doc.faults?.[index]);
  const reasons = useLab(useShallow((s) => FAULT_TYPES.map((t) => noTargetReason(s.doc, t) ?? '')));
  const targets = useLab(useShallow((s) => (f ? faultTargets(s.doc, f.type).map((t) => `${t.id}\u0000${t.name}`) : [])));
  if (!f) return null;
  const base = ['faults', index] as const;
  const field = f.type === 'scan' ? 'target' : targetsRouter(f.type) ? 'node' : 'link';
  const current = f.type === 'scan' ? f.target : 'node' in f ? f.node : 'link' in f ? f.link : '';
  const options = targets.map((t) => {
    const [value = '', label = value] = t.split('\u0000');
    return { value, label };
  });
  if (!options.some((o) => o.value === current)) options.unshift({ value: current, label: `${current} (does not fit)` });
  return (
    <div className="editor-card">
      <Section title="Edit fault">
        <SelectField
          label="Type"
          value={f.type}
          options={FAULT_TYPES.map((t, k) => ({ value: t, label: FAULT_TITLES[t], disabled: t !== f.type && reasons[k] !== '' }))}
          onChange={(t) => store.getState().setFaultType(index, t)}
        />
        <NumberField label="At (ms)" path={[...base, 'atMs']} min={0} hint="from the start of the run" />
        <SelectField label={field === 'link' ? 'Link' : 'Router'} value={current} options={options} onChange={(v) => store.getState().setField([...base, field], v)} wide />
        <FaultFields fault={f} index={index} />
      </Section>
      <div className="inspector-actions">
        <button type="button" className="danger-button" onClick={() => store.getState().deleteFault(index)}>
          Delete fault
        </button>
      </div>
    </div>
  );
}
