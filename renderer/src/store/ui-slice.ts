/** Ephemeral UI state: which view is open, panels, messages. Never saved, never undone. */
import type { Slice, UiSlice } from './types.ts';

/** Creates the UI slice. */
export const createUiSlice: Slice<UiSlice> = (set) => {
  // Per store (not per module): a store made for a test starts its notice ids at 1.
  let nextNotice = 1;
  return {
    view: 'lab',
    setView: (view) => set({ view }),
    assumptionFocus: null,
    showAssumption: (id) => set({ assumptionFocus: id, view: 'assumptions' }),
    notices: [],
    notify: (kind, text, lines) => set((s) => ({ notices: [...s.notices.slice(-4), { id: nextNotice++, kind, text, ...(lines ? { lines } : {}) }] })),
    dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  };
};
