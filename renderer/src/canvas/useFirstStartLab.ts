/**
 * First start: when no document was ever loaded and the lab is empty, load the built-in
 * Spoke-and-Hub lab (the first template). Safe to call from several components and under
 * StrictMode's double effects: it loads at most once, and never over a lab the user started.
 */
import { useEffect } from 'react';
import { useApi } from '../api/context.tsx';
import { useLabStore } from '../store/context.tsx';
import { FIRST_TEMPLATE, loadTemplate } from '../design/doc-files.ts';

/** Loads the built-in lab on first start. */
export function useFirstStartLab(): void {
  const store = useLabStore();
  const api = useApi();
  useEffect(() => {
    const untouched = () => store.getState().docLoads === 0 && store.getState().doc.nodes.length === 0 && !store.getState().dirty;
    if (!untouched()) return;
    void (async () => {
      const list = await api.call('templates:list');
      const file = list.ok && list.value.length > 0 ? [...list.value].sort((x, y) => x.file.localeCompare(y.file))[0]!.file : FIRST_TEMPLATE;
      // Checked again after the wait: a second effect run, or the user, may have loaded one since.
      if (untouched()) await loadTemplate(store, api, file, { ask: false });
    })();
  }, [store, api]);
}
