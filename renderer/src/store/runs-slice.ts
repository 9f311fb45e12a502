/** Stored runs: the list History shows, its filters, the run opened, the runs chosen to compare. */
import type { RunsSlice, Slice } from './types.ts';

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
