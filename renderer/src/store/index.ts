/**
 * The one bound zustand store, built from typed slices (conventions: graph, selection,
 * history, ui, sim, runs). Middleware, if any, goes only here. Selectors return primitives
 * or use `useShallow`.
 */
import { create } from 'zustand';
import { createGraphSlice } from './graph-slice.ts';
import { createSelectionSlice } from './selection-slice.ts';
import { createHistorySlice } from './history-slice.ts';
import { createUiSlice } from './ui-slice.ts';
import { createSimSlice } from './sim-slice.ts';
import { createRunsSlice } from './runs-slice.ts';
import { createTravelSlice } from './travel-slice.ts';
import type { LabState } from './types.ts';

export type { LabState } from './types.ts';

/** Builds a fresh store (one per app; tests build their own). */
export function createLabStore() {
  return create<LabState>()((...a) => ({
    ...createGraphSlice(...a),
    ...createSelectionSlice(...a),
    ...createHistorySlice(...a),
    ...createUiSlice(...a),
    ...createSimSlice(...a),
    ...createRunsSlice(...a),
    ...createTravelSlice(...a),
  }));
}

/** The store type. */
export type LabStore = ReturnType<typeof createLabStore>;
