/** STUB — owned by the design helper: undo/redo of document changes. */
import type { Slice } from './index.ts';

/** History slice. */
export interface HistorySlice {
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
}

/** Creates the history slice. */
export const createHistorySlice: Slice<HistorySlice> = () => ({
  canUndo: false,
  canRedo: false,
  undo: () => {},
  redo: () => {},
});
