/**
 * The design toolbar: New, Open, Save, Undo, Redo, Layout, and how the engine rates the lab.
 * Open uses a hidden file input in the browser (a native dialog when the host provides one).
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { useDocFiles } from '../design/doc-files.ts';
import { readScenarioFile, usesBrowserOpen } from '../design/file-io.ts';
import { useLab, useLabStore } from '../store/context.tsx';
import { isRunLive } from '../store/sim-slice.ts';
import { DocProblems } from './DocProblems.tsx';
import { NewFromPattern } from '../whatif/NewFromPattern.tsx';
import '../design.css';

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** The design toolbar. */
export function DesignToolbar() {
  const store = useLabStore();
  const files = useDocFiles();
  const input = useRef<HTMLInputElement>(null);
  const canUndo = useLab((s) => s.canUndo);
  const canRedo = useLab((s) => s.canRedo);
  const hasNodes = useLab((s) => s.doc.nodes.length > 0);
  // Locked while a run is live: the run keeps the lab it started with (Save still works).
  const isLocked = useLab((s) => isRunLive(s.live));
  const locked = 'Stop the run to edit the lab';
  const [laying, setLaying] = useState(false);
  const onOpen = () => {
    if (usesBrowserOpen()) input.current?.click();
    else void files.openPicked();
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file may be picked again after fixing it
    if (file) files.openText(await readScenarioFile(file));
  };
  const onLayout = async () => {
    setLaying(true);
    try {
      await store.getState().autoLayout();
    } finally {
      setLaying(false);
    }
  };
  return (
    <div className="design-toolbar" role="toolbar" aria-label="Design">
      <button type="button" onClick={files.newLab} disabled={isLocked} title={isLocked ? locked : 'Start an empty lab'}>
        New
      </button>
      <NewFromPattern />
      <button type="button" onClick={onOpen} disabled={isLocked} title={isLocked ? locked : `Open a scenario file (${MOD}O)`}>
        Open
      </button>
      <input ref={input} type="file" accept=".json,.srlab.json" aria-label="Scenario file" hidden onChange={(e) => void onFile(e)} />
      <button type="button" onClick={() => void files.save()} title={`Save as a scenario file (${MOD}S)`}>
        Save
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <button type="button" onClick={() => store.getState().undo()} disabled={!canUndo || isLocked} title={isLocked ? locked : `Undo (${MOD}Z)`}>
        Undo
      </button>
      <button type="button" onClick={() => store.getState().redo()} disabled={!canRedo || isLocked} title={isLocked ? locked : `Redo (${MOD}Y)`}>
        Redo
      </button>
      <button type="button" onClick={() => void onLayout()} disabled={!hasNodes || laying || isLocked} title={isLocked ? locked : 'Lay out left to right: clients, spokes, hubs, servers'}>
        Layout
      </button>
      <DocProblems />
    </div>
  );
}
