/**
 * The inspector: four tabs — Properties (the selected node or link, or the lab when nothing
 * is selected), Traffic, Faults and Objectives (exercises for students). Selecting something on the canvas opens Properties.
 */
import type { KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { InspectorTab } from '../store/types.ts';
import { useLab, useLabStore } from '../store/context.tsx';
import { isRunLive } from '../store/sim-slice.ts';
import { FaultEditor } from './FaultEditor.tsx';
import { LabInspector } from './LabInspector.tsx';
import { LinkInspector } from './LinkInspector.tsx';
import { NodeInspector } from './NodeInspector.tsx';
import { TrafficEditor } from './TrafficEditor.tsx';
import { ObjectivesEditor } from '../objectives/ObjectivesEditor.tsx';
import '../design.css';
import './inspector.css';

const TABS: { id: InspectorTab; label: string }[] = [
  { id: 'properties', label: 'Properties' },
  { id: 'traffic', label: 'Traffic' },
  { id: 'faults', label: 'Faults' },
  { id: 'objectives', label: 'Objectives' },
];

/** The inspector column. */
export function Inspector() {
  const tab = useLab((s) => s.inspectorTab);
  const setTab = useLab((s) => s.setInspectorTab);
  const isLocked = useLab((s) => isRunLive(s.live));
  const counts = useLab(useShallow((s) => ({ traffic: (s.doc.traffic ?? []).length, faults: (s.doc.faults ?? []).length, objectives: (s.doc.objectives ?? []).length })));
  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = TABS[(i + step + TABS.length) % TABS.length];
    if (next) {
      setTab(next.id);
      document.getElementById(`inspector-tab-${next.id}`)?.focus();
    }
  };
  return (
    <div className="inspector-body">
      <div className="inspector-tabs" role="tablist" aria-label="Inspector" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`inspector-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls="inspector-panel"
            tabIndex={tab === t.id ? 0 : -1}
            className="inspector-tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id !== 'properties' && (
              <span className="tab-count" aria-hidden="true">
                {counts[t.id]}
              </span>
            )}
          </button>
        ))}
      </div>
      <div id="inspector-panel" role="tabpanel" aria-labelledby={`inspector-tab-${tab}`} className="inspector-panel">
        {/* A disabled fieldset disables every control in it: read-only while a run is live. */}
        <fieldset className="inspector-lock" disabled={isLocked} title={isLocked ? 'Stop the run to edit the lab' : undefined}>
          {isLocked && <p className="insp-locked">Read-only while the run is live: stop the run to edit.</p>}
          {tab === 'properties' && <Properties />}
          {tab === 'traffic' && <TrafficEditor />}
          {tab === 'faults' && <FaultEditor />}
          {tab === 'objectives' && <ObjectivesEditor />}
        </fieldset>
      </div>
    </div>
  );
}

function Properties() {
  const store = useLabStore();
  const sel = useLab(
    useShallow((s) => ({
      nodes: s.selectedNodes.length,
      links: s.selectedLinks.length,
      node: s.selectedNodes.length === 1 ? s.doc.nodes.findIndex((n) => n.id === s.selectedNodes[0]) : -1,
      link: s.selectedLinks.length === 1 ? (s.doc.links ?? []).findIndex((l) => l.id === s.selectedLinks[0]) : -1,
    })),
  );
  // Keyed by index so a field being typed in never carries its draft over to another item.
  if (sel.nodes === 1 && sel.links === 0 && sel.node >= 0) return <NodeInspector key={`n${sel.node}`} index={sel.node} />;
  if (sel.links === 1 && sel.nodes === 0 && sel.link >= 0) return <LinkInspector key={`l${sel.link}`} index={sel.link} />;
  if (sel.nodes + sel.links > 1) {
    return (
      <div className="inspector-pane">
        <header className="inspector-head">
          <h2>
            {sel.nodes} node{sel.nodes === 1 ? '' : 's'} and {sel.links} link{sel.links === 1 ? '' : 's'} selected
          </h2>
        </header>
        <p className="insp-muted">Drag to move them together, copy and paste them, or delete them (their traffic and faults go too).</p>
        <div className="inspector-actions">
          <button type="button" onClick={() => store.getState().copySelection()}>
            Copy
          </button>
          <button type="button" className="danger-button" onClick={() => store.getState().deleteSelection()}>
            Delete selection
          </button>
          <button type="button" onClick={() => store.getState().clearSelection()}>
            Show the lab
          </button>
        </div>
      </div>
    );
  }
  return <LabInspector />;
}
