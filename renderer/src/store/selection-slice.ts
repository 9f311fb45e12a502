/**
 * What is selected on the canvas and in the inspector's lists, the inspector's open tab and the
 * clipboard. Ephemeral: never saved, never undone (undo only drops selections of things that
 * no longer exist).
 */
import type { LabState, SelectionSlice, Slice } from './types.ts';

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Creates the selection slice. */
export const createSelectionSlice: Slice<SelectionSlice> = (set, get) => ({
  selectedNodes: [],
  selectedLinks: [],
  select: (nodes, links) => {
    const s = get();
    if (sameList(nodes, s.selectedNodes) && sameList(links, s.selectedLinks)) return;
    const picked = nodes.length + links.length > 0;
    set({ selectedNodes: nodes, selectedLinks: links, ...(picked ? { inspectorTab: 'properties' as const } : {}) });
  },
  clearSelection: () => get().select([], []),
  selectedTraffic: null,
  selectTraffic: (selectedTraffic) => set({ selectedTraffic }),
  selectedFault: null,
  selectFault: (selectedFault) => set({ selectedFault }),
  inspectorTab: 'properties',
  setInspectorTab: (inspectorTab) => set({ inspectorTab }),
  clipboard: null,
  pruneSelection: (doc) => {
    const s = get();
    const nodes = new Set(doc.nodes.map((n) => n.id));
    const links = new Set((doc.links ?? []).map((l) => l.id));
    const out: Partial<LabState> = {};
    if (s.selectedNodes.some((id) => !nodes.has(id))) out.selectedNodes = s.selectedNodes.filter((id) => nodes.has(id));
    if (s.selectedLinks.some((id) => !links.has(id))) out.selectedLinks = s.selectedLinks.filter((id) => links.has(id));
    if (s.selectedTraffic !== null && !(doc.traffic ?? []).some((t) => t.id === s.selectedTraffic)) out.selectedTraffic = null;
    if (s.selectedFault !== null && s.selectedFault >= (doc.faults ?? []).length) out.selectedFault = null;
    return out;
  },
});
