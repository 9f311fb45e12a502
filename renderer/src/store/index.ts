/**
 * The one bound zustand store, built from typed slices (conventions: graph, selection,
 * history, ui, sim, runs). Middleware, if any, goes only here. Selectors return primitives
 * or use `useShallow`.
 */
import { create, type StateCreator } from 'zustand';
import { createGraphSlice, type GraphSlice } from './graph-slice.ts';
import { createSelectionSlice, type SelectionSlice } from './selection-slice.ts';
import { createHistorySlice, type HistorySlice } from './history-slice.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';
import { createSimSlice, type SimSlice } from './sim-slice.ts';
import { createRunsSlice, type RunsSlice } from './runs-slice.ts';

/** Everything the renderer keeps. */
export type LabState = GraphSlice & SelectionSlice & HistorySlice & UiSlice & SimSlice & RunsSlice;

/** A slice creator over the whole state. */
export type Slice<T> = StateCreator<LabState, [], [], T>;

/** Builds a fresh store (one per app; tests build their own). */
export function createLabStore() {
  return create<LabState>()((...a) => ({
    ...createGraphSlice(...a),
    ...createSelectionSlice(...a),
    ...createHistorySlice(...a),
    ...createUiSlice(...a),
    ...createSimSlice(...a),
    ...createRunsSlice(...a),
  }));
}

/** The store type. */
export type LabStore = ReturnType<typeof createLabStore>;
