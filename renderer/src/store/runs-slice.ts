/** Stored runs: the list History shows, its filters, the run opened, the runs chosen to compare. */
import type { RunRow } from '../../../engine/index.ts';
import type { Slice } from './index.ts';

/** History's filters (applied to the list in the renderer). */
export interface RunsFilter {
  /** Text matched against scenario name, label and run id. */
  text: string;
  /** A run status, or '' for any. */
  status: string;
}

/** Runs slice. */
export interface RunsSlice {
  runs: RunRow[];
  runsFilter: RunsFilter;
  /** The run whose results are open in History (null: the list). */
  openRunId: string | null;
  /** Runs ticked for comparison, in the order ticked (the first is the baseline). */
  compareIds: string[];
  setRuns(runs: RunRow[]): void;
  setRunsFilter(f: Partial<RunsFilter>): void;
  openRun(id: string | null): void;
  toggleCompare(id: string): void;
  setCompareIds(ids: string[]): void;
}

/** Creates the runs slice. */
export const createRunsSlice: Slice<RunsSlice> = (set) => ({
  runs: [],
  runsFilter: { text: '', status: '' },
  openRunId: null,
  compareIds: [],
  // A deleted run leaves the comparison and the open view too.
  setRuns: (runs) =>
    set((s) => {
      const ids = new Set(runs.map((r) => r.id));
      return { runs, compareIds: s.compareIds.filter((id) => ids.has(id)), openRunId: s.openRunId !== null && ids.has(s.openRunId) ? s.openRunId : null };
    }),
  setRunsFilter: (f) => set((s) => ({ runsFilter: { ...s.runsFilter, ...f } })),
  openRun: (openRunId) => set({ openRunId }),
  toggleCompare: (id) => set((s) => ({ compareIds: s.compareIds.includes(id) ? s.compareIds.filter((x) => x !== id) : [...s.compareIds, id] })),
  setCompareIds: (compareIds) => set({ compareIds }),
});
