/**
 * Undo/redo of document changes. Every edit goes through `commitEdit` (called by the graph
 * slice's one mutation path), which records forward and inverse patches. Edits that share a
 * `key` while that key is open coalesce into one entry — a node drag from start to stop, the
 * keystrokes typed into one field during one focus, a `batch` of several actions — until
 * `sealHistory()` closes it. Selection and viewport are not document state and are not undone.
 */
import type { ScenarioInput } from '../../../engine/index.ts';
import { applyPatches, diff } from '../design/patch.ts';
import type { HistoryEntry, HistorySlice, LabState, Slice } from './types.ts';
import { refuseWhileLive } from '../design/design-lock.ts';

/** Most steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 300;

function topId(stack: readonly HistoryEntry[]): number {
  return stack.at(-1)?.id ?? 0;
}

/**
 * The state changes that record `prev → next` (the caller sets `doc: next` in the same `set`).
 * With a `key` equal to the open group's, the top entry is rewritten to span the whole group.
 */
export function commitEdit(s: LabState, prev: ScenarioInput, next: ScenarioInput, key?: string): Partial<LabState> {
  const k = s.historyBatchKey ?? key;
  const group = s.historyGroup;
  if (k !== undefined && group !== null && group.key === k && s.undoStack.length > 0) {
    const rest = s.undoStack.slice(0, -1);
    const top = s.undoStack.at(-1) as HistoryEntry;
    const forward = diff(group.base, next);
    // Typed back to where the group started: the step disappears.
    const undoStack = forward.length === 0 ? rest : [...rest, { id: top.id, forward, inverse: diff(next, group.base) }];
    return { undoStack, redoStack: [], canUndo: undoStack.length > 0, canRedo: false, dirty: topId(undoStack) !== s.savedEntryId };
  }
  const entry: HistoryEntry = { id: s.nextHistoryId, forward: diff(prev, next), inverse: diff(next, prev) };
  const undoStack = [...s.undoStack, entry].slice(-HISTORY_LIMIT);
  return {
    nextHistoryId: s.nextHistoryId + 1,
    undoStack,
    redoStack: [],
    canUndo: true,
    canRedo: false,
    dirty: true,
    historyGroup: k !== undefined ? { key: k, base: prev } : null,
  };
}

/** Creates the history slice. */
export const createHistorySlice: Slice<HistorySlice> = (set, get) => {
  // Per store (not per module): a store made for a test starts clean.
  let nextBatch = 1;
  return {
    nextHistoryId: 1,
    undoStack: [],
    redoStack: [],
    canUndo: false,
    canRedo: false,
    savedEntryId: 0,
    historyGroup: null,
    historyBatchKey: null,
    undo: () => {
      const s = get();
      const entry = s.undoStack.at(-1);
      if (!entry || refuseWhileLive(s)) return;
      const undoStack = s.undoStack.slice(0, -1);
      const redoStack = [...s.redoStack, entry];
      const doc = applyPatches(s.doc, entry.inverse);
      set({ doc, undoStack, redoStack, canUndo: undoStack.length > 0, canRedo: true, historyGroup: null, dirty: topId(undoStack) !== s.savedEntryId, ...s.pruneSelection(doc) });
    },
    redo: () => {
      const s = get();
      const entry = s.redoStack.at(-1);
      if (!entry || refuseWhileLive(s)) return;
      const redoStack = s.redoStack.slice(0, -1);
      const undoStack = [...s.undoStack, entry];
      const doc = applyPatches(s.doc, entry.forward);
      set({ doc, undoStack, redoStack, canUndo: true, canRedo: redoStack.length > 0, historyGroup: null, dirty: entry.id !== s.savedEntryId, ...s.pruneSelection(doc) });
    },
    sealHistory: () => {
      if (get().historyGroup !== null) set({ historyGroup: null });
    },
    batch: (fn) => {
      if (get().historyBatchKey !== null) {
        fn();
        return;
      }
      set({ historyBatchKey: `batch:${nextBatch++}`, historyGroup: null });
      try {
        fn();
      } finally {
        set({ historyBatchKey: null, historyGroup: null });
      }
    },
    clearHistory: () => set({ undoStack: [], redoStack: [], canUndo: false, canRedo: false, historyGroup: null, savedEntryId: 0 }),
  };
};
