import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../engine/index.ts';
import { createLabStore } from '../../../renderer/src/store/index.ts';
import { template } from './harness.tsx';

function labStore() {
  const store = createLabStore();
  store.getState().loadDoc(template(), 'lab.srlab.json');
  return store;
}

describe('graph slice', () => {
  it('adds nodes with unique kind-numbered ids and readable labels', () => {
    const store = labStore();
    const id = store.getState().addNode('hub', { x: 100, y: 300 });
    expect(id).toBe('hub2');
    const again = store.getState().addNode('hub');
    expect(again).toBe('hub3');
    const n = store.getState().doc.nodes.find((x) => x.id === 'hub2');
    expect(n).toMatchObject({ kind: 'hub', label: 'Hub 2', position: { x: 100, y: 300 } });
    expect(store.getState().selectedNodes).toEqual(['hub3']);
    expect(store.getState().dirty).toBe(true);
  });

  it('puts a node added without a position where no other node is', () => {
    const store = labStore();
    store.getState().addNode('spoke');
    const doc = store.getState().doc;
    const added = doc.nodes.find((n) => n.id === 'spoke2')!;
    const others = doc.nodes.filter((n) => n.id !== 'spoke2');
    for (const o of others) {
      const far = Math.abs(o.position!.x - added.position!.x) >= 180 || Math.abs(o.position!.y - added.position!.y) >= 90;
      expect(far).toBe(true);
    }
  });

  it('moves nodes to rounded positions', () => {
    const store = labStore();
    store.getState().moveNodes({ hub1: { x: 600.4, y: 210.6 } });
    expect(store.getState().doc.nodes.find((n) => n.id === 'hub1')!.position).toEqual({ x: 600, y: 211 });
  });

  it('deletes a node with its links, its traffic and the faults on it, and says so', () => {
    const store = labStore();
    store.getState().select(['hub1'], []);
    const c = store.getState().deleteSelection();
    const doc = store.getState().doc;
    expect(c).toMatchObject({ nodes: ['hub1'], links: ['wan1', 'lan2'], traffic: [], faults: [0] });
    expect(doc.nodes.map((n) => n.id)).toEqual(['client1', 'spoke1', 'server1']);
    expect(doc.links!.map((l) => l.id)).toEqual(['lan1']);
    expect(doc.faults).toEqual([]);
    expect(store.getState().selectedNodes).toEqual([]);
    const notice = store.getState().notices.at(-1)!;
    expect(notice.kind).toBe('info');
    expect(notice.text).toMatch(/Deleted 1 node, 2 links and 1 fault/);
  });

  it('deletes the traffic of a deleted client', () => {
    const store = labStore();
    const c = store.getState().deleteItems(['client1'], []);
    expect(c?.traffic).toEqual(['web', 'voice']);
    expect(store.getState().doc.traffic).toEqual([]);
  });

  it('deleting a link takes the faults on that link with it', () => {
    const store = createLabStore();
    store.getState().loadDoc(template('10-nat-spoke-rebinding.srlab.json'), null);
    store.getState().deleteItems([], ['wan1']);
    expect(store.getState().doc.faults).toEqual([]);
    expect(store.getState().doc.nodes).toHaveLength(4);
  });

  it.each([
    ['spoke1', 'spoke1', /cannot join "Branch router" to itself/],
    ['client1', 'server1', /cannot join two hosts .*put a router between them/],
    ['client1', 'hub1', /client "Branch PC" already has its link \(lan1\)/],
    ['hub1', 'server1', /already linked \(lan2\)/],
  ])('refuses a link from %s to %s and says why', (a, b, why) => {
    const store = labStore();
    const before = store.getState().doc;
    expect(store.getState().addLink(a, b)).toBeNull();
    expect(store.getState().doc).toBe(before);
    const notice = store.getState().notices.at(-1)!;
    expect(notice.kind).toBe('error');
    expect(notice.text).toMatch(why);
  });

  it('adds a WAN link between routers and a LAN link between a host and a router', () => {
    const store = labStore();
    store.getState().addNode('hub');
    expect(store.getState().addLink('spoke1', 'hub2')).toBe('wan2');
    store.getState().addNode('client');
    expect(store.getState().addLink('client2', 'spoke1')).toBe('lan3');
    const links = store.getState().doc.links!;
    expect(links.find((l) => l.id === 'wan2')).toEqual({ id: 'wan2', a: 'spoke1', b: 'hub2', latencyMs: 20 });
    expect(links.find((l) => l.id === 'lan3')).toEqual({ id: 'lan3', a: 'client2', b: 'spoke1', latencyMs: 0.5 });
  });

  it('allows a second peer path between the same two routers', () => {
    const store = labStore();
    expect(store.getState().addLink('hub1', 'spoke1')).toBe('wan2');
  });

  it('removes an emptied override object when its last field is cleared', () => {
    const store = labStore();
    store.getState().setField(['nodes', 2, 'sessionRecoveryDetection', 'mode'], 'inactivity-based');
    expect(store.getState().doc.nodes[2]).toMatchObject({ sessionRecoveryDetection: { mode: 'inactivity-based' } });
    store.getState().setField(['nodes', 2, 'sessionRecoveryDetection', 'mode'], undefined);
    expect(store.getState().doc.nodes[2]).not.toHaveProperty('sessionRecoveryDetection');
  });

  it('updates nodes, links and the lab by id', () => {
    const store = labStore();
    store.getState().updateNode('hub1', { label: 'DC', softwareVersion: '6.0.5' });
    store.getState().updateLink('wan1', { lossPct: 2, up: false });
    store.getState().updateLab({ name: 'Renamed', seed: 7 });
    const d = store.getState().doc;
    expect(d.nodes[2]).toMatchObject({ label: 'DC', softwareVersion: '6.0.5' });
    expect(d.links![1]).toMatchObject({ lossPct: 2, up: false });
    expect(d).toMatchObject({ name: 'Renamed', seed: 7 });
  });

  it('adds, edits and deletes traffic definitions', () => {
    const store = labStore();
    const id = store.getState().addTraffic()!;
    expect(id).toBe('traffic1');
    expect(store.getState().selectedTraffic).toBe('traffic1');
    store.getState().updateTraffic(id, { pattern: 'stream-up', ratePps: 10 });
    expect(store.getState().doc.traffic!.at(-1)).toMatchObject({ id, from: 'client1', to: 'server1', pattern: 'stream-up', ratePps: 10 });
    store.getState().deleteTraffic(id);
    expect(store.getState().doc.traffic!.map((t) => t.id)).toEqual(['web', 'voice']);
    expect(store.getState().selectedTraffic).toBeNull();
  });

  it('refuses traffic when there is no client or server', () => {
    const store = createLabStore();
    expect(store.getState().addTraffic()).toBeNull();
    expect(store.getState().notices.at(-1)!.text).toMatch(/add a client and a server first/);
  });

  it('adds faults that fit, changes their type keeping the target, and deletes them', () => {
    const store = labStore();
    const i = store.getState().addFault('node-restart', 30000)!;
    expect(store.getState().doc.faults![i]).toEqual({ atMs: 30000, type: 'node-restart', node: 'hub1', downtimeMs: 2000 });
    store.getState().setFaultType(i, 'scan');
    expect(store.getState().doc.faults![i]).toEqual({ atMs: 30000, type: 'scan', target: 'hub1', ratePps: 50, durationMs: 5000 });
    store.getState().setFaultType(i, 'link-down');
    expect(store.getState().doc.faults![i]).toMatchObject({ type: 'link-down', link: 'wan1' });
    expect(store.getState().addFault('nat-rebind')).toBeNull();
    store.getState().deleteFault(i);
    expect(store.getState().doc.faults).toHaveLength(1);
    expect(parseScenario(store.getState().doc).ok).toBe(true);
  });

  it('copies nodes with the links among them and pastes them with new ids, offset', () => {
    const store = labStore();
    store.getState().select(['client1', 'spoke1'], []);
    store.getState().copySelection();
    store.getState().paste();
    const d = store.getState().doc;
    const client = d.nodes.find((n) => n.id === 'client2')!;
    const spoke = d.nodes.find((n) => n.id === 'spoke2')!;
    expect(client).toMatchObject({ kind: 'client', label: 'Branch PC (copy)', position: { x: 40, y: 200 } });
    expect(spoke).toMatchObject({ kind: 'spoke', position: { x: 300, y: 200 } });
    expect(d.links!.at(-1)).toMatchObject({ id: 'lan3', a: 'client2', b: 'spoke2', latencyMs: 0.5 });
    expect(store.getState().selectedNodes).toEqual(['client2', 'spoke2']);
    store.getState().paste();
    expect(store.getState().doc.nodes.find((n) => n.id === 'client3')!.position).toEqual({ x: 80, y: 240 });
  });

  it('keeps a pasted NAT link pointing at the pasted inside router', () => {
    const store = createLabStore();
    store.getState().loadDoc(template('10-nat-spoke-rebinding.srlab.json'), null);
    store.getState().select(['spoke1', 'hub1'], []);
    store.getState().copySelection();
    store.getState().paste();
    const link = store.getState().doc.links!.at(-1)!;
    expect(link).toMatchObject({ a: 'spoke2', b: 'hub2' });
    expect(link.nat?.inside).toBe('spoke2');
  });

  it('lays the lab out left to right by kind as one undo step', async () => {
    const store = labStore();
    store.getState().moveNodes({ server1: { x: -500, y: 0 } });
    const steps = store.getState().undoStack.length;
    await store.getState().autoLayout();
    const x = (id: string) => store.getState().doc.nodes.find((n) => n.id === id)!.position!.x;
    expect(x('client1')).toBeLessThan(x('spoke1'));
    expect(x('spoke1')).toBeLessThan(x('hub1'));
    expect(x('hub1')).toBeLessThan(x('server1'));
    expect(store.getState().undoStack.length).toBe(steps + 1);
  });
});
