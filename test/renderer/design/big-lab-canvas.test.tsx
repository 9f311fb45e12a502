/**
 * A big lab on the canvas while a run streams: zoomed out it is a map of tiles, and each tile
 * still shows its router going down or into outage — the snapshot reaches exactly the routers
 * it carries (useLiveEntry.ts) and leaves the others as they were; its links are drawn on one
 * canvas (LinkLayer.tsx), down and impaired ones marked. And the design
 * stays locked while the run is live without turning React Flow's dragging off.
 */
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { generateLab, GENERATE_DEFAULTS, type LinkState, type LiveSnapshot, type RouterBadge, type ScenarioInput } from '../../../engine/index.ts';
import { renderDesign } from './harness.tsx';

const SPOKES = 150;

function badge(over: Partial<RouterBadge> = {}): RouterBadge {
  return { up: true, mode: 'packet-based', timeoutSec: 5, version: '6.1.0', sessions: 2, inOutage: 0, exposure: 0, ...over };
}

function snapshot(events: number, routers: Record<string, RouterBadge>, links: Record<string, LinkState> = {}, state: LiveSnapshot['state'] = 'running'): LiveSnapshot {
  return {
    runId: 'big',
    tMs: events * 50,
    durationMs: 600_000,
    state,
    speed: 1,
    achievedSpeed: 1,
    events,
    fingerprint: '',
    sessions: { active: 300, inOutage: 0, total: 300, affected: 0, failed: 0 },
    packets: { sent: 1, delivered: 1, lost: 0 },
    routers,
    links,
    packetsInFlight: [],
    counters: {},
    log: [],
    logDropped: 0,
    injected: [],
    series: { tMs: [], sessionsInOutage: [], activeSessions: [], deliveredPps: [], lostPps: [], controlPps: {} },
  };
}

/** The canvas tile of node `id`. */
function tile(container: HTMLElement, id: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"] .lab-node`);
  if (!el) throw new Error(`no tile for ${id}`);
  return el;
}

async function renderBigLab() {
  const r = await renderDesign();
  const lab = generateLab({ ...GENERATE_DEFAULTS, spokes: SPOKES, hubs: 2 }) as unknown as ScenarioInput;
  act(() => r.store.getState().loadDoc(lab, null));
  // The fit is animated: wait until the view stops moving (big labs render only what is on screen).
  const viewport = () => r.container.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform;
  let last: string | undefined;
  await waitFor(
    () => {
      const now = viewport();
      const isStill = now === last;
      last = now;
      expect(isStill && r.container.querySelector('.react-flow.detail-far') !== null).toBe(true);
    },
    { interval: 300, timeout: 60_000 },
  );
  /** Rendered nodes of `kind`. */
  const shown = (kind: string) => [...r.container.querySelectorAll('.react-flow__node')].map((el) => el.getAttribute('data-id')!).filter((id) => lab.nodes.some((n) => n.id === id && n.kind === kind));
  return { ...r, lab, shown };
}

// Rendering 300 nodes in happy-dom takes seconds, many more with the whole suite on two cores:
// these limits are for a stuck test, never a measure of speed.
const SLOW = { timeout: 120_000 };

describe('a big lab on the canvas', SLOW, () => {
  it('draws tiles when zoomed out and marks each router that goes down or into outage', async () => {
    const { store, container, lab, shown } = await renderBigLab();
    expect(lab.nodes.length).toBeGreaterThanOrEqual(300);
    const [spoke, other] = shown('spoke');
    const hub = shown('hub')[0]!;
    const all = Object.fromEntries(lab.nodes.filter((n) => n.kind === 'spoke' || n.kind === 'hub').map((n) => [n.id, badge()]));
    act(() => store.getState().applySnapshots([snapshot(1, all)]));
    expect(container.querySelectorAll('.lab-node.is-down, .lab-node.has-outage')).toHaveLength(0);
    // Each snapshot carries only the routers that changed.
    act(() => store.getState().applySnapshots([snapshot(2, { [spoke!]: badge({ up: false }) })]));
    expect(tile(container, spoke!).classList.contains('is-down')).toBe(true);
    act(() => store.getState().applySnapshots([snapshot(3, { [hub]: badge({ inOutage: 40 }), [other!]: badge({ up: false }) })]));
    expect(tile(container, hub).classList.contains('has-outage')).toBe(true);
    expect(tile(container, spoke!).classList.contains('is-down')).toBe(true);
    // A snapshot with no router in it changes none.
    act(() => store.getState().applySnapshots([snapshot(4, {})]));
    expect([...container.querySelectorAll('.lab-node.is-down, .lab-node.has-outage')].map((el) => el.closest('.react-flow__node')?.getAttribute('data-id')).sort()).toEqual(
      [hub, spoke!, other!].sort(),
    );
    act(() => store.getState().applySnapshots([snapshot(5, { [spoke!]: badge() })]));
    expect(tile(container, spoke!).classList.contains('is-down')).toBe(false);
    // Tiles render no text and no badges (only their hidden handles) until the canvas zooms in.
    expect(tile(container, hub).querySelector('.live-badges')).toBeNull();
  });

  it('draws its links on one canvas when zoomed out, and marks a link that goes down', async () => {
    const { store, container, lab } = await renderBigLab();
    // No React Flow edge (an <svg> each): the links are drawn on the link layer.
    expect(container.querySelectorAll('.react-flow__edge')).toHaveLength(0);
    const layer = () => container.querySelector<HTMLCanvasElement>('canvas.link-layer')!;
    expect(layer().dataset['links']).toBe(String(lab.links!.length));
    expect(layer().dataset['down']).toBe('0');
    const [first, second] = lab.links!;
    act(() => store.getState().applySnapshots([snapshot(1, {}, { [first!.id]: { up: false, impaired: false, mbps: 0 } })]));
    expect(layer().dataset['down']).toBe('1');
    act(() => store.getState().applySnapshots([snapshot(2, {}, { [second!.id]: { up: true, impaired: true, mbps: 3 } })]));
    expect(layer().dataset['down']).toBe('1');
    expect(layer().dataset['impaired']).toBe('1');
    act(() => store.getState().applySnapshots([snapshot(3, {}, { [first!.id]: { up: true, impaired: false, mbps: 1 } })]));
    expect(layer().dataset['down']).toBe('0');
  });

  it('keeps nodes where they are while a run is live, and lets them move once it ends', async () => {
    const { store, container, shown } = await renderBigLab();
    const id = shown('spoke')[0]!;
    const node = () => store.getState().doc.nodes.find((n) => n.id === id)!;
    const el = container.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;
    act(() => store.getState().select([id], []));
    const at = node().position;
    act(() => store.getState().applySnapshots([snapshot(1, {})]));
    expect(container.querySelector('.react-flow.design-locked')).not.toBeNull();
    // React Flow moves a selected node with the arrow keys: refused while the run is live.
    fireEvent.keyDown(el, { key: 'ArrowRight' });
    expect(node().position).toEqual(at);
    act(() => store.getState().applySnapshots([snapshot(2, {}, {}, 'ended')]));
    expect(container.querySelector('.react-flow.design-locked')).toBeNull();
    fireEvent.keyDown(el, { key: 'ArrowRight' });
    await waitFor(() => expect(node().position!.x).toBeGreaterThan(at!.x), { timeout: 30_000 });
    expect(screen.queryByText(/design is locked/)).toBeNull();
  });
});
