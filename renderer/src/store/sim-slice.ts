/** STUB — owned by the live-run helper: the live run as its snapshots describe it. */
import type { LiveSnapshot } from '../../../engine/index.ts';
import type { Slice } from './index.ts';

/** Sim slice. */
export interface SimSlice {
  live: LiveSnapshot | null;
  applySnapshot(s: LiveSnapshot): void;
}

/** Creates the sim slice. */
export const createSimSlice: Slice<SimSlice> = (set) => ({
  live: null,
  applySnapshot: (live) => set({ live }),
});
