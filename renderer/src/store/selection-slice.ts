/** STUB — owned by the design helper: what is selected (ephemeral). */
import type { Slice } from './index.ts';

/** Selection slice. */
export interface SelectionSlice {
  selectedNodes: string[];
  selectedLinks: string[];
  select(nodes: string[], links: string[]): void;
}

/** Creates the selection slice. */
export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  selectedNodes: [],
  selectedLinks: [],
  select: (selectedNodes, selectedLinks) => set({ selectedNodes, selectedLinks }),
});
