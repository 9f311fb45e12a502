/**
 * The document being edited: the scenario file as saved (raw `ScenarioInput`, so a file opened
 * and saved again comes back identical). Every change goes through `edit`, the one mutation
 * path: a recipe mutates a draft copy, unchanged subtrees are shared back with the previous
 * document, and the history slice records the forward and inverse patches.
 */
import type { ScenarioInput } from '../../../engine/index.ts';
import { cascade, describeCascade, freeSpot, linkRefusal, makeLink, makeNode, nextId, removeCascade, takenIds, type DocFault, type DocTraffic } from '../design/doc-model.ts';
import { makeFault } from '../design/fault-model.ts';
import { getIn, setIn, share } from '../design/patch.ts';
import { commitEdit } from './history-slice.ts';
import type { EditOptions, FieldEdits, GraphSlice, LabFields, Slice } from './types.ts';
import { isRunLive } from './sim-slice.ts';
import { refuseWhileLive } from '../design/design-lock.ts';

/** An empty lab. */
export function emptyDoc(): ScenarioInput {
  return { format: 'session-recovery-lab/scenario', formatVersion: 1, name: 'Untitled lab', durationMs: 60000, nodes: [] };
}

/** Optional containers that go away when their last field is cleared. */
const PRUNABLE = new Set(['sessionRecoveryDetection', 'bfd', 'sessionTimeouts', 'authority']);

/** Applies field edits to a draft entity: a value sets the field, `undefined` removes it. */
function merge<T extends object>(target: T, fields: FieldEdits<T>): void {
  // The draft is plain JSON; the edits were type-checked against T by the caller.
  const draft = target as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) delete draft[k];
    else draft[k] = v;
  }
}

/** Creates the graph slice. */
export const createGraphSlice: Slice<GraphSlice> = (set, get) => {
  const commit = (candidate: ScenarioInput, opts?: EditOptions): boolean => {
    const s = get();
    if (refuseWhileLive(s)) return false;
    const next = share(s.doc, candidate);
    if (next === s.doc) return false;
    set({ doc: next, ...commitEdit(s, s.doc, next, opts?.key) });
    return true;
  };
  const edit: GraphSlice['edit'] = (recipe, opts) => {
    const draft = structuredClone(get().doc);
    recipe(draft);
    return commit(draft, opts);
  };

  const deleteItems: GraphSlice['deleteItems'] = (nodeIds, linkIds) => {
    const s = get();
    const c = cascade(s.doc, nodeIds, linkIds);
    if (c.nodes.length + c.links.length === 0) return null;
    edit((d) => removeCascade(d, c));
    set(get().pruneSelection(get().doc));
    const alongside = c.traffic.length + c.faults.length > 0 || c.links.some((l) => !linkIds.includes(l));
    if (alongside) get().notify('info', `${describeCascade(c)} (what was attached to the deleted items goes with them).`);
    return c;
  };

  return {
    doc: emptyDoc(),
    fileName: null,
    dirty: false,
    docLoads: 0,
    fitViewSeq: 0,
    loadDoc: (doc, fileName) => {
      get().clearHistory();
      // The previous lab's run (badges, dots, log, counters, charts) must not show on this one.
      // A live run is kept: it is still going, and the panels describe it.
      if (!isRunLive(get().live)) get().resetLive();
      set({ doc, fileName, dirty: false, docLoads: get().docLoads + 1, fitViewSeq: get().fitViewSeq + 1, selectedNodes: [], selectedLinks: [], selectedTraffic: null, selectedFault: null });
    },
    newLab: () => get().loadDoc(emptyDoc(), null),
    markSaved: (fileName) => {
      const s = get();
      set({ fileName, dirty: false, savedEntryId: s.undoStack.at(-1)?.id ?? 0, historyGroup: null });
    },
    edit,
    setField: (path, value, opts) => {
      let out = setIn(get().doc, path, value, value === undefined) as ScenarioInput;
      // Clearing the last override field removes the override object too, as if never set.
      for (let i = path.length - 1; value === undefined && i > 0; i--) {
        const up = path.slice(0, i);
        const parent = getIn(out, up);
        const name = up.at(-1);
        if (typeof name !== 'string' || !PRUNABLE.has(name) || typeof parent !== 'object' || parent === null) break;
        if (Object.keys(parent).length > 0) break;
        out = setIn(out, up, undefined, true) as ScenarioInput;
      }
      commit(out, opts);
    },
    addNode: (kind, position) => {
      const node = makeNode(get().doc, kind, position ?? freeSpot(get().doc, kind));
      edit((d) => void d.nodes.push(node));
      get().select([node.id], []);
      return node.id;
    },
    moveNodes: (positions, opts) =>
      void edit((d) => {
        for (const n of d.nodes) {
          const p = positions[n.id];
          if (p) n.position = { x: Math.round(p.x), y: Math.round(p.y) };
        }
      }, opts),
    deleteSelection: () => deleteItems(get().selectedNodes, get().selectedLinks),
    deleteItems,
    addLink: (a, b) => {
      const why = linkRefusal(get().doc, a, b);
      if (why !== null) {
        get().notify('error', `Cannot add that link: ${why}.`);
        return null;
      }
      const link = makeLink(get().doc, a, b);
      edit((d) => void (d.links ??= []).push(link));
      return link.id;
    },
    updateNode: (id, fields, opts) =>
      void edit((d) => {
        const n = d.nodes.find((x) => x.id === id);
        if (n) merge(n, fields);
      }, opts),
    updateLink: (id, fields, opts) =>
      void edit((d) => {
        const l = d.links?.find((x) => x.id === id);
        if (l) merge(l, fields);
      }, opts),
    updateLab: (fields, opts) => void edit((d) => merge<LabFields>(d, fields), opts),
    addTraffic: () => {
      const doc = get().doc;
      const from = doc.nodes.find((n) => n.kind === 'client');
      const to = doc.nodes.find((n) => n.kind === 'server');
      if (!from || !to) {
        get().notify('error', 'Traffic runs from a client to a server: add a client and a server first.');
        return null;
      }
      const id = nextId('traffic', new Set((doc.traffic ?? []).map((t) => t.id)));
      edit((d) => void (d.traffic ??= []).push({ id, from: from.id, to: to.id, protocol: 'tcp', pattern: 'request-response', sessions: 10 }));
      set({ selectedTraffic: id });
      return id;
    },
    updateTraffic: (id, fields, opts) =>
      void edit((d) => {
        const t = d.traffic?.find((x) => x.id === id);
        if (t) merge<DocTraffic>(t, fields);
      }, opts),
    deleteTraffic: (id) => {
      edit((d) => void (d.traffic = (d.traffic ?? []).filter((t) => t.id !== id)));
      set(get().pruneSelection(get().doc));
    },
    addFault: (type = 'session-loss', atMs) => {
      const doc = get().doc;
      const at = atMs ?? Math.round(doc.durationMs / 3 / 1000) * 1000;
      const fault = makeFault(doc, type, at);
      if (!fault) {
        get().notify('error', `Cannot add that fault: there is nothing it can target yet.`);
        return null;
      }
      const index = (doc.faults ?? []).length;
      edit((d) => void (d.faults ??= []).push(fault));
      set({ selectedFault: index });
      return index;
    },
    updateFault: (index, fields, opts) =>
      void edit((d) => {
        const f = d.faults?.[index];
        if (f) merge(f, fields);
      }, opts),
    setFaultType: (index, type) => {
      const prev = get().doc.faults?.[index];
      const next: DocFault | null = prev ? makeFault(get().doc, type, prev.atMs, prev) : null;
      if (!next) {
        get().notify('error', 'Cannot change the fault to that type: there is nothing it can target.');
        return;
      }
      edit((d) => void ((d.faults as DocFault[])[index] = next));
    },
    deleteFault: (index) => {
      edit((d) => void (d.faults = (d.faults ?? []).filter((_, i) => i !== index)));
      set({ selectedFault: null });
    },
    copySelection: () => {
      const s = get();
      const nodes = s.doc.nodes.filter((n) => s.selectedNodes.includes(n.id));
      if (nodes.length === 0) return;
      const ids = new Set(nodes.map((n) => n.id));
      const links = (s.doc.links ?? []).filter((l) => ids.has(l.a) && ids.has(l.b));
      set({ clipboard: structuredClone({ nodes, links, pastes: 0 }) });
    },
    paste: () => {
      const clip = get().clipboard;
      if (!clip || clip.nodes.length === 0) return;
      const taken = takenIds(get().doc);
      const rename = new Map<string, string>();
      const step = 40 * (clip.pastes + 1);
      const nodes = clip.nodes.map((n) => {
        const id = nextId(n.kind, taken);
        taken.add(id);
        rename.set(n.id, id);
        const at = n.position ?? freeSpot(get().doc, n.kind);
        return { ...n, id, label: `${n.label ?? n.id} (copy)`, position: { x: at.x + step, y: at.y + step } };
      });
      const links = clip.links.map((l) => {
        const id = nextId(l.id.replace(/\d+$/, ''), taken);
        taken.add(id);
        const a = rename.get(l.a) as string;
        const b = rename.get(l.b) as string;
        return { ...l, id, a, b, ...(l.nat ? { nat: { ...l.nat, inside: rename.get(l.nat.inside) ?? l.nat.inside } } : {}) };
      });
      edit((d) => {
        d.nodes.push(...nodes);
        if (links.length > 0) (d.links ??= []).push(...links);
      });
      set({ clipboard: { ...clip, pastes: clip.pastes + 1 } });
      get().select(
        nodes.map((n) => n.id),
        links.map((l) => l.id),
      );
    },
    autoLayout: async () => {
      const { layeredPositions } = await import('../design/layout.ts');
      const positions = await layeredPositions(get().doc);
      get().sealHistory();
      get().moveNodes(positions);
      set({ fitViewSeq: get().fitViewSeq + 1 });
    },
  };
};
