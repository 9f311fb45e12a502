import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { LiveSnapshot } from '../../../engine/index.ts';
import { PACKET_COLORS, PACKET_KINDS } from '../../../renderer/src/design/packet-colors.ts';
import { fileDialogs, setFileDialogs } from '../../../renderer/src/design/file-io.ts';
import { renderDesign, template, TEMPLATE_FILES } from './harness.tsx';

function snapshot(over: Partial<LiveSnapshot> = {}): LiveSnapshot {
  return {
    runId: 'r1',
    tMs: 1000,
    durationMs: 60000,
    state: 'running',
    speed: 1,
    achievedSpeed: 1,
    events: 10,
    fingerprint: '',
    sessions: { active: 14, inOutage: 3, total: 14, affected: 3, failed: 0 },
    packets: { sent: 1, delivered: 1, lost: 0 },
    routers: {
      spoke1: { up: true, mode: 'packet-based', timeoutSec: 5, version: '6.1.0', sessions: 14, inOutage: 0, exposure: 0 },
      hub1: { up: false, mode: 'packet-based', timeoutSec: 5, version: '6.1.0', sessions: 12, inOutage: 3, exposure: 0 },
    },
    links: { wan1: { up: false, impaired: false, mbps: 0 } },
    packetsInFlight: [{ link: 'wan1', dir: 0, kind: 'metadata', progress: 0.5 }],
    counters: {},
    log: [],
    logDropped: 0,
    injected: [],
    series: { tMs: [], sessionsInOutage: [], activeSessions: [], deliveredPps: [], lostPps: [], controlPps: {} },
    ...over,
  };
}

describe('canvas', () => {
  it('loads the built-in Spoke-and-Hub lab on first start', async () => {
    const { store, calls } = await renderDesign();
    expect(store.getState().doc).toEqual(template(TEMPLATE_FILES[0]));
    expect(store.getState().dirty).toBe(false);
    expect(calls).toContain('templates:get');
  });

  it('names each node by kind and label', async () => {
    await renderDesign();
    const canvas = screen.getByRole('region', { name: 'Canvas' });
    expect(await within(canvas).findByRole('group', { name: 'Hub Data-centre router' })).toBeTruthy();
    expect(within(canvas).getByRole('group', { name: 'Client Branch PC' })).toBeTruthy();
    expect(within(canvas).getAllByText('packet-based')).toHaveLength(2);
  });

  it('draws each link with its latency', async () => {
    await renderDesign();
    expect(await screen.findByText('20 ms')).toBeTruthy();
    expect(screen.getAllByText('0.5 ms')).toHaveLength(2);
  });

  it('selects a node from the keyboard and shows it in the inspector', async () => {
    const { user, store } = await renderDesign();
    // Pointer drags need a real layout (d3-drag); Enter on a focused node is React Flow's keyboard path.
    (await screen.findByRole('group', { name: 'Hub Data-centre router' })).focus();
    await user.keyboard('{Enter}');
    expect(store.getState().selectedNodes).toEqual(['hub1']);
    expect(screen.getByRole('combobox', { name: 'Recovery mode' })).toBeTruthy();
  });

  it('shows live badges when a live snapshot is present', async () => {
    const { store, container } = await renderDesign();
    await screen.findByRole('group', { name: 'Hub Data-centre router' });
    // Set directly: the live slice's own actions belong to the live-run part.
    act(() => store.getState().applySnapshots([snapshot()]));
    const hub = screen.getByRole('group', { name: 'Hub Data-centre router' });
    expect(within(hub).getByText('down')).toBeTruthy();
    expect(within(hub).getByText('12 sess')).toBeTruthy();
    expect(within(hub).getByText('3 out')).toBeTruthy();
    // Packets are drawn on the canvas layer; it records how many it drew.
    await waitFor(() => expect(Number(container.querySelector<HTMLCanvasElement>('canvas.packet-layer')?.dataset['dots'])).toBeGreaterThan(0));
    expect(PACKET_COLORS.metadata).toMatch(/^#[0-9a-f]{6}$/i);
    expect(container.querySelector('.link-edge.down')).not.toBeNull();
  });

  it('adds the kind dropped from the palette onto the canvas', async () => {
    const { store, container } = await renderDesign();
    const dataTransfer = new DataTransfer();
    dataTransfer.setData('application/x-srlab-kind', 'spoke');
    const flow = container.querySelector('.react-flow') as HTMLElement;
    fireEvent.dragOver(flow, { dataTransfer });
    fireEvent.drop(flow, { dataTransfer, clientX: 400, clientY: 300 });
    const added = store.getState().doc.nodes.at(-1)!;
    expect(added).toMatchObject({ id: 'spoke2', kind: 'spoke' });
    expect(Number.isFinite(added.position!.x) && added.position!.x % 10 === 0).toBe(true);
    expect(await screen.findByRole('group', { name: 'Spoke Spoke 2' })).toBeTruthy();
  });

  it('lays the lab out from the toolbar as one undo step', async () => {
    const { user, store } = await renderDesign();
    act(() => store.getState().moveNodes({ client1: { x: 2000, y: 900 } }));
    await user.click(screen.getByRole('button', { name: 'Layout' }));
    // ELK's first layout compiles its engine: slow on a busy machine.
    await waitFor(() => expect(store.getState().undoStack).toHaveLength(2), { timeout: 15_000 });
    const x = (id: string) => store.getState().doc.nodes.find((n) => n.id === id)!.position!.x;
    expect(x('client1')).toBeLessThan(x('spoke1'));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(x('client1')).toBe(2000);
  });

  it('has one packet colour per kind', () => {
    expect(PACKET_KINDS).toHaveLength(8);
    expect(new Set(PACKET_KINDS.map((k) => PACKET_COLORS[k])).size).toBe(8);
  });
});

describe('palette', () => {
  it.each(['Client', 'Server', 'Spoke', 'Hub'])('adds a %s when its button is pressed', async (name) => {
    const { user, store } = await renderDesign();
    const before = store.getState().doc.nodes.length;
    await user.click(screen.getByRole('button', { name }));
    expect(store.getState().doc.nodes).toHaveLength(before + 1);
    expect(store.getState().doc.nodes.at(-1)!.kind).toBe(name.toLowerCase());
  });

  it('adds a node from the keyboard', async () => {
    const { user, store } = await renderDesign();
    screen.getByRole('button', { name: 'Hub' }).focus();
    await user.keyboard('{Enter}');
    expect(store.getState().doc.nodes.at(-1)!.id).toBe('hub2');
    expect(await screen.findByRole('group', { name: 'Hub Hub 2' })).toBeTruthy();
  });

  it('lists the templates and loads one when pressed', async () => {
    const { user, store } = await renderDesign();
    const name = template('09-dual-hub-failover.srlab.json').name;
    await user.click(await screen.findByRole('button', { name }));
    await waitFor(() => expect(store.getState().doc.name).toBe(name));
    expect(store.getState().doc.nodes).toHaveLength(5);
  });

  it('asks before a template replaces unsaved changes', async () => {
    const { user, store } = await renderDesign();
    store.getState().addNode('hub');
    const browser = { ...fileDialogs };
    let asked = '';
    setFileDialogs({ confirmDiscard: (what) => ((asked = what), false) });
    try {
      await user.click(await screen.findByRole('button', { name: template('09-dual-hub-failover.srlab.json').name }));
    } finally {
      setFileDialogs(browser);
    }
    expect(asked).toBe(template().name);
    expect(store.getState().doc.nodes.some((n) => n.id === 'hub2')).toBe(true);
  });
});
