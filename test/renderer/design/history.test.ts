import { describe, expect, it } from 'vitest';
import { applyPatches, diff, share } from '../../../renderer/src/design/patch.ts';
import { createLabStore } from '../../../renderer/src/store/index.ts';
import { template } from './harness.tsx';

function labStore() {
  const store = createLabStore();
  store.getState().loadDoc(template(), null);
  return store;
}

const hubPos = (store: ReturnType<typeof labStore>) => store.getState().doc.nodes.find((n) => n.id === 'hub1')!.position;

describe('patches', () => {
  it('shares unchanged subtrees with the previous document', () => {
    const a = template();
    const b = structuredClone(a);
    b.nodes[2]!.label = 'x';
    const s = share(a, b);
    expect(s.nodes[0]).toBe(a.nodes[0]);
    expect(s.links).toBe(a.links);
    expect(s.nodes[2]).not.toBe(a.nodes[2]);
  });

  it('inverse patches restore the previous document exactly, key order included', () => {
    const a = template();
    const b = structuredClone(a);
    delete b.nodes[0]!.label;
    b.nodes.splice(1, 1);
    (b as Record<string, unknown>)['seed'] = 9;
    const next = share(a, b);
    const back = applyPatches(next, diff(next, a));
    expect(JSON.stringify(back)).toBe(JSON.stringify(a));
    expect(JSON.stringify(applyPatches(a, diff(a, next)))).toBe(JSON.stringify(next));
  });
});

describe('history slice', () => {
  it('undoes and redoes an edit', () => {
    const store = labStore();
    const before = store.getState().doc;
    store.getState().addNode('spoke');
    expect(store.getState().canUndo).toBe(true);
    store.getState().undo();
    expect(store.getState().doc).toEqual(before);
    expect(store.getState().canRedo).toBe(true);
    expect(store.getState().dirty).toBe(false);
    store.getState().redo();
    expect(store.getState().doc.nodes).toHaveLength(5);
    expect(store.getState().dirty).toBe(true);
  });

  it('records a drag from start to stop as one step', () => {
    const store = labStore();
    const start = hubPos(store);
    for (let i = 1; i <= 30; i++) store.getState().moveNodes({ hub1: { x: 560 + i * 3, y: 160 + i } }, { key: 'drag:1' });
    store.getState().sealHistory();
    expect(store.getState().undoStack).toHaveLength(1);
    store.getState().undo();
    expect(hubPos(store)).toEqual(start);
    store.getState().redo();
    expect(hubPos(store)).toEqual({ x: 650, y: 190 });
  });

  it('starts a new step after the history is sealed, even with the same key', () => {
    const store = labStore();
    store.getState().moveNodes({ hub1: { x: 1, y: 1 } }, { key: 'k' });
    store.getState().sealHistory();
    store.getState().moveNodes({ hub1: { x: 2, y: 2 } }, { key: 'k' });
    expect(store.getState().undoStack).toHaveLength(2);
  });

  it('coalesces the keystrokes of one field focus into one step', () => {
    const store = labStore();
    for (const text of ['H', 'Hu', 'Hub', 'Hub A']) store.getState().setField(['nodes', 2, 'label'], text, { key: 'field:7' });
    store.getState().sealHistory();
    store.getState().setField(['nodes', 2, 'label'], 'Hub B', { key: 'field:8' });
    expect(store.getState().undoStack).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().doc.nodes[2]!.label).toBe('Hub A');
    store.getState().undo();
    expect(store.getState().doc.nodes[2]!.label).toBe('Data-centre router');
  });

  it('drops the step when typing returns the field to where it started', () => {
    const store = labStore();
    store.getState().setField(['name'], 'x', { key: 'f' });
    store.getState().setField(['name'], template().name, { key: 'f' });
    expect(store.getState().undoStack).toHaveLength(0);
    expect(store.getState().dirty).toBe(false);
  });

  it('groups several actions run in a batch into one step', () => {
    const store = labStore();
    store.getState().batch(() => {
      store.getState().addNode('hub');
      store.getState().addLink('spoke1', 'hub2');
      store.getState().updateLab({ name: 'Two hubs' });
    });
    expect(store.getState().undoStack).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc).toEqual(template());
  });

  it('a new edit clears the redo stack', () => {
    const store = labStore();
    store.getState().addNode('hub');
    store.getState().undo();
    store.getState().addNode('client');
    expect(store.getState().canRedo).toBe(false);
  });

  it('undo drops the selection of what no longer exists', () => {
    const store = labStore();
    store.getState().addNode('hub');
    expect(store.getState().selectedNodes).toEqual(['hub2']);
    store.getState().undo();
    expect(store.getState().selectedNodes).toEqual([]);
  });

  it('loading a document clears the history', () => {
    const store = labStore();
    store.getState().addNode('hub');
    store.getState().loadDoc(template(), null);
    expect(store.getState()).toMatchObject({ canUndo: false, canRedo: false, dirty: false, undoStack: [] });
  });

  it('is clean again when undo returns to the saved state', () => {
    const store = labStore();
    store.getState().addNode('hub');
    store.getState().markSaved('a.srlab.json');
    expect(store.getState().dirty).toBe(false);
    store.getState().addNode('hub');
    expect(store.getState().dirty).toBe(true);
    store.getState().undo();
    expect(store.getState().dirty).toBe(false);
  });
});
