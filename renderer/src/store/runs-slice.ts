/** STUB — owned by the live-run helper: stored runs, the one opened, the ones compared. */
import type { RunRow } from '../../../engine/index.ts';
import type { Slice } from './index.ts';

/** Runs slice. */
export interface RunsSlice {
  runs: RunRow[];
  compareIds: string[];
  setRuns(runs: RunRow[]): void;
}

/** Creates the runs slice. */
export const createRunsSlice: Slice<RunsSlice> = (set) => ({
  runs: [],
  compareIds: [],
  setRuns: (runs) => set({ runs }),
});
