/**
 * The design toolbar: New, Open, Save, Undo, Redo, Layout, and how the engine rates the lab.
 * Open uses a hidden file input in the browser (a native dialog when the host provides one).
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { useDocFiles } from '../design/doc-files.ts';
import { readScenarioFile, usesBrowserOpen } from '../design/file-io.ts';
import { useDocProblems } from '../inspector/useDocProblems.ts';
import { useLab, useLabStore } from '../store/context.tsx';
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
      <button type="button" onClick={files.newLab} title="Start an empty lab">
        New
      </button>
      <button type="button" onClick={onOpen} title={`Open a scenario file (${MOD}O)`}>
        Open
      </button>
      <input ref={input} type="file" accept=".json,.srlab.json" aria-label="Scenario file" hidden onChange={(e) => void onFile(e)} />
      <button type="button" onClick={() => void files.save()} title={`Save as a scenario file (${MOD}S)`}>
        Save
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <button type="button" onClick={() => store.getState().undo()} disabled={!canUndo} title={`Undo (${MOD}Z)`}>
        Undo
      </button>
      <button type="button" onClick={() => store.getState().redo()} disabled={!canRedo} title={`Redo (${MOD}Y)`}>
        Redo
      </button>
      <button type="button" onClick={() => void onLayout()} disabled={!hasNodes || laying} title="Lay out left to right: clients, spokes, hubs, servers">
        Layout
      </button>
      <DocStatus />
    </div>
  );
}

/** "Ready" or "n problems" (pressing it shows them in the inspector). */
function DocStatus() {
  const problems = useDocProblems();
  const store = useLabStore();
  if (problems.length === 0) {
    return (
      <span className="doc-chip ok" title="The engine accepts this lab">
        ✓ Valid
      </span>
    );
  }
  return (
    <button
      type="button"
      className="doc-chip bad"
      title={problems.map((p) => `${p.path}: ${p.message}`).join('\n')}
      onClick={() => {
        store.getState().clearSelection();
        store.getState().setInspectorTab('properties');
      }}
    >
      {problems.length} problem{problems.length === 1 ? '' : 's'}
    </button>
  );
}
