/** Ephemeral UI state: which view is open, panels, messages. Never saved, never undone. */
import type { Slice } from './index.ts';

/** Top-level views. */
export type View = 'lab' | 'history' | 'compare' | 'whatif' | 'assumptions';

/** A message shown to the user (errors, confirmations). */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** Details, e.g. one line per scenario problem. */
  lines?: string[];
}

/** UI slice. */
export interface UiSlice {
  view: View;
  setView(v: View): void;
  /** Assumption to scroll to when the assumptions view opens. */
  assumptionFocus: string | null;
  showAssumption(id: string | null): void;
  notices: Notice[];
  notify(kind: Notice['kind'], text: string, lines?: string[]): void;
  dismiss(id: number): void;
}

let nextNotice = 1;

/** Creates the UI slice. */
export const createUiSlice: Slice<UiSlice> = (set) => ({
  view: 'lab',
  setView: (view) => set({ view }),
  assumptionFocus: null,
  showAssumption: (id) => set({ assumptionFocus: id, view: 'assumptions' }),
  notices: [],
  notify: (kind, text, lines) => set((s) => ({ notices: [...s.notices.slice(-4), { id: nextNotice++, kind, text, ...(lines ? { lines } : {}) }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
