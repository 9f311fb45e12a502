/**
 * The desktop shell's side of the renderer: under Electron (the preload bridge is present) it
 * installs native file dialogs, opens a file the app was launched with, and turns native menu
 * commands into the same actions as the toolbar buttons. In the browser host it does nothing.
 */
import { useEffect } from 'react';
import type { MenuCommand } from '../../../engine/index.ts';
import { useApi } from '../api/context.tsx';
import { fileDialogs, nativeFileDialogs, setFileDialogs } from '../design/file-io.ts';
import { newLab, openPicked, openText, saveDoc } from '../design/doc-files.ts';
import { runActions } from '../live/useRunActions.ts';
import { useLabStore } from '../store/context.tsx';

function typing(): boolean {
  const el = document.activeElement;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

/** Wires the desktop shell in (once, at the top of the app). */
export function useShellIntegration(): void {
  const api = useApi();
  const store = useLabStore();
  useEffect(() => {
    const bridge = typeof window !== 'undefined' ? window.srlab : undefined;
    if (!bridge) return;
    setFileDialogs(nativeFileDialogs(api));
    const run = runActions(api, store);
    const s = () => store.getState();
    const open = async (path?: string) => {
      if (!path) return openPicked(store);
      const r = await api.call('file:open', { path });
      if (r.ok && r.value) openText(store, { name: r.value.path, text: r.value.text });
      else if (!r.ok) s().notify('error', r.error.message);
    };
    const exportReport = async () => {
      const st = s();
      const ids = st.view === 'compare' && st.compareIds.length >= 2 ? st.compareIds : st.openRunId ? [st.openRunId] : st.lastEnded?.runId ? [st.lastEnded.runId] : [];
      if (ids.length === 0) return st.notify('info', 'Open a run (History) or a comparison first, then export its report.');
      const r = await api.call('file:export', { ids, format: 'pdf' });
      if (r.ok && r.value) st.notify('info', `Report saved to ${r.value.path}`);
      else if (!r.ok) st.notify('error', `Could not export the report: ${r.error.message}`);
    };
    const handlers: Record<MenuCommand, (path?: string) => unknown> = {
      new: () => newLab(store),
      open: (path) => open(path),
      save: () => saveDoc(store),
      'save-as': async () => {
        const name = await fileDialogs.save(s().doc, null);
        if (name) s().markSaved(name);
      },
      'export-report': () => exportReport(),
      // Menu accelerators reach us before the page: inside a text field, undo the typing.
      undo: () => (typing() ? document.execCommand('undo') : s().undo()),
      redo: () => (typing() ? document.execCommand('redo') : s().redo()),
      'run-pause': () => run.toggle(),
      step: () => run.step(1),
      stop: () => run.stop(),
      assumptions: () => s().setView('assumptions'),
      about: async () => {
        const info = await api.call('app:info');
        if (info.ok) s().notify('info', `Session Recovery Lab ${info.value.version} (engine ${info.value.engineVersion}). Runs are kept in ${info.value.database ?? 'no database'}.`);
      },
    };
    const off = api.on('menu:command', (m) => void handlers[m.command]?.(m.path));
    void api.call('file:take-pending').then((r) => {
      if (r.ok && r.value) openText(store, { name: r.value.path, text: r.value.text });
    });
    return off;
  }, [api, store]);
}
