/** STUB — owned by the design helper: the document being edited (what is saved and undone). */
import type { ScenarioInput } from '../../../engine/index.ts';
import type { Slice } from './index.ts';

/** Graph slice. */
export interface GraphSlice {
  doc: ScenarioInput;
  fileName: string | null;
  dirty: boolean;
  loadDoc(doc: ScenarioInput, fileName: string | null): void;
}

/** An empty lab. */
export function emptyDoc(): ScenarioInput {
  return { format: 'session-recovery-lab/scenario', formatVersion: 1, name: 'Untitled lab', durationMs: 60000, nodes: [] };
}

/** Creates the graph slice. */
export const createGraphSlice: Slice<GraphSlice> = (set) => ({
  doc: emptyDoc(),
  fileName: null,
  dirty: false,
  loadDoc: (doc, fileName) => set({ doc, fileName, dirty: false }),
});
