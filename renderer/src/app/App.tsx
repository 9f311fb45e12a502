/**
 * The lab's shell: header (views, design and run toolbars), the design view (palette, canvas,
 * inspector) above the live panels, and the history, comparison and assumptions views.
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { ApiProvider } from '../api/context.tsx';
import { createLabStore, type LabStore } from '../store/index.ts';
import { StoreProvider, useLab } from '../store/context.tsx';
import type { View } from '../store/types.ts';
import { LabCanvas } from '../canvas/LabCanvas.tsx';
import { Palette } from '../canvas/Palette.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { DesignToolbar } from './DesignToolbar.tsx';
import { useDesignShortcuts } from './useDesignShortcuts.ts';
import { RunControls } from '../live/RunControls.tsx';
import { LivePanels } from '../live/LivePanels.tsx';
import { useRunShortcuts } from '../live/useRunShortcuts.ts';
import { HistoryView } from '../runs/HistoryView.tsx';
import { CompareView } from '../runs/CompareView.tsx';
import { AssumptionsView } from '../help/AssumptionsView.tsx';
import { WhatIfView } from '../whatif/WhatIfView.tsx';
import { TimeTravelView } from '../timetravel/TimeTravelView.tsx';
import { Notices } from './Notices.tsx';
import { useShellIntegration } from './useShellIntegration.ts';
import './app.css';

const VIEWS: { id: View; label: string }[] = [
  { id: 'lab', label: 'Lab' },
  { id: 'history', label: 'History' },
  { id: 'compare', label: 'Compare' },
  { id: 'whatif', label: 'What if' },
  { id: 'assumptions', label: 'Assumptions' },
];

/** The app, given its API client (and, for tests, a store). */
export function App({ api, store }: { api: ApiClient; store?: LabStore }) {
  const [s] = useState(() => store ?? createLabStore());
  return (
    <ApiProvider api={api}>
      <StoreProvider store={s}>
        <Shell />
      </StoreProvider>
    </ApiProvider>
  );
}

function Shell() {
  const view = useLab((s) => s.view);
  const setView = useLab((s) => s.setView);
  const name = useLab((s) => (typeof s.doc.name === 'string' ? s.doc.name : 'Untitled lab'));
  const dirty = useLab((s) => s.dirty);
  useDesignShortcuts();
  useRunShortcuts();
  useShellIntegration();
  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${name} — Session Recovery Lab`;
  }, [name, dirty]);
  return (
    <div className="shell">
      <header className="shell-header">
        <div className="brand" aria-label="Session Recovery Lab">
          <span className="brand-mark" aria-hidden="true" />
          Session Recovery Lab
        </div>
        <nav aria-label="Views">
          <div className="views" role="tablist" aria-label="Views">
            {VIEWS.map((v) => (
              <button key={v.id} type="button" role="tab" className="view-tab" aria-selected={view === v.id} onClick={() => setView(v.id)}>
                {v.label}
              </button>
            ))}
          </div>
        </nav>
        <div className="toolbars">
          <DesignToolbar />
          <RunControls />
        </div>
      </header>
      <Notices />
      {view === 'lab' && (
        <div className="lab">
          <aside className="palette" aria-label="Palette">
            <Palette />
          </aside>
          <section className="canvas" aria-label="Canvas">
            <LabCanvas />
          </section>
          <aside className="inspector" aria-label="Inspector">
            <Inspector />
          </aside>
          <section className="panels" aria-label="Live panels">
            <LivePanels />
          </section>
        </div>
      )}
      {view === 'history' && <HistoryView />}
      {view === 'compare' && <CompareView />}
      {view === 'whatif' && <WhatIfView />}
      {view === 'assumptions' && <AssumptionsView />}
      {view === 'timetravel' && <TimeTravelView />}
    </div>
  );
}
