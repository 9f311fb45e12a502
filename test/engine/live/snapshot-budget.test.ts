import { describe, expect, it } from 'vitest';
import { generateLab, GENERATE_DEFAULTS, parseScenario, Simulation, SnapshotBuilder, type LiveSnapshot } from '../../../engine/index.ts';

function bigSim(spokes: number): { sim: Simulation; builder: SnapshotBuilder } {
  const r = parseScenario({ ...generateLab({ ...GENERATE_DEFAULTS, spokes, hubs: 4, durationMs: 60_000 }), faults: [{ atMs: 8000, type: 'node-restart', node: 'hub1', downtimeMs: 3000 }] });
  if (!r.ok) throw new Error('bad lab');
  let builder: SnapshotBuilder | null = null;
  const sim = new Simulation(r.scenario, { trace: (e) => builder?.onTrace(e) });
  builder = new SnapshotBuilder(sim);
  return { sim, builder };
}

describe('SnapshotBuilder on a 1 000-spoke lab', () => {
  it('keeps every streamed snapshot within 64 KB and, in turn, sends every router and link', () => {
    const { sim, builder } = bigSim(1000);
    const sizes: number[] = [];
    const routers = new Set<string>();
    const links = new Set<string>();
    const counted = new Set<string>();
    // 12 s of a run streamed at 20 Hz (one snapshot per 50 ms of virtual time at 1×).
    for (let t = 50; t <= 12_000; t += 50) {
      sim.runUntil(t * 1000);
      const snap: LiveSnapshot = builder.build('r', 'running', 1, 1);
      sizes.push(JSON.stringify(snap).length);
      for (const id of Object.keys(snap.routers)) routers.add(id);
      for (const id of Object.keys(snap.links)) links.add(id);
      for (const id of Object.keys(snap.counters)) counted.add(id);
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(65_536);
    expect(routers.size).toBe(sim.w.routerList.length);
    expect(counted.size).toBe(sim.w.routerList.length);
    expect(links.size).toBe(sim.w.links.length);
  });

  it('still gives a joining window every router and link at once (full snapshot)', () => {
    const { sim, builder } = bigSim(200);
    sim.runUntil(1_000_000);
    const full = builder.build('r', 'running', 1, 1, true);
    expect(Object.keys(full.routers)).toHaveLength(sim.w.routerList.length);
    expect(Object.keys(full.links)).toHaveLength(sim.w.links.length);
  });
});
