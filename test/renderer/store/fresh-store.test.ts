import { describe, expect, expectTypeOf, it } from 'vitest';
import type { LiveSnapshot } from '../../../engine/index.ts';
import { createLabStore } from '../../../renderer/src/store/index.ts';
import type { LabState } from '../../../renderer/src/store/types.ts';
import { bareSnapshot } from '../live/helpers.tsx';

function withLog(runId: string, n: number): LiveSnapshot {
  const log = Array.from({ length: n }, (_, i) => ({ tUs: i * 1000, node: 'hub1', kind: 'session-created', session: i, detail: {} }));
  return { ...bareSnapshot('running', n), runId, log } as LiveSnapshot;
}

/** Uses a store the way a session would: a notice, two undoable edits, a batch, a live log. */
function exercise(): LabState {
  const store = createLabStore();
  const s = () => store.getState();
  s().notify('info', 'hello');
  s().addNode('client');
  s().batch(() => s().updateLab({ name: 'Renamed' }));
  s().applySnapshots([withLog('run-a', 3)], 0);
  return s();
}

describe('a fresh store', () => {
  it('starts every id counter afresh, however many stores came before it', () => {
    const first = exercise();
    const second = exercise();
    for (const s of [first, second]) {
      expect(s.notices.map((n) => n.id)).toEqual([1]);
      expect(s.undoStack.map((e) => e.id)).toEqual([1, 2]);
      expect(s.liveLog.map((e) => e.seq)).toEqual([1, 2, 3]);
    }
  });

  it('keeps log sequence numbers unique across runs in one store', () => {
    const store = createLabStore();
    store.getState().applySnapshots([withLog('run-a', 2)], 0);
    store.getState().applySnapshots([withLog('run-b', 2)], 0);
    expect(store.getState().liveLog.map((e) => e.seq)).toEqual([3, 4]);
  });
});

describe('update actions', () => {
  it('set and remove typed fields of each entity', () => {
    const store = createLabStore();
    const s = () => store.getState();
    const id = s().addNode('hub');
    s().updateNode(id, { label: 'DC', softwareVersion: '6.0.5' });
    expect(s().doc.nodes[0]).toMatchObject({ label: 'DC', softwareVersion: '6.0.5' });
    s().updateNode(id, { label: undefined });
    expect(s().doc.nodes[0]).not.toHaveProperty('label');
    s().updateNode('nowhere', { label: 'x' }); // an unknown id changes nothing
    expect(s().undoStack).toHaveLength(3);
  });

  it('are typed per entity (a field the entity does not have does not compile)', () => {
    type S = LabState;
    expectTypeOf<Parameters<S['updateLink']>[1]>().toHaveProperty('lossPct');
    expectTypeOf<Parameters<S['updateLab']>[0]>().toHaveProperty('durationMs');
    expectTypeOf<Parameters<S['updateTraffic']>[1]>().toHaveProperty('pattern');
    const store = createLabStore();
    // @ts-expect-error links have no softwareVersion
    store.getState().updateLink('wan1', { softwareVersion: '6.1.0' });
    // @ts-expect-error a seed is a number
    store.getState().updateLab({ seed: 'seven' });
  });
});
