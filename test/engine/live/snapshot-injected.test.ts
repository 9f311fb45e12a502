import { describe, expect, it } from 'vitest';
import { generateLab, GENERATE_DEFAULTS, parseScenario, Simulation, SnapshotBuilder, type Fault } from '../../../engine/index.ts';

/** A small lab with one fault of its own at 8 s, streamed as the live host streams it. */
function liveSim(liveFaults: { atMs: number; fault: Fault }[] = []): { sim: Simulation; builder: SnapshotBuilder } {
  const r = parseScenario({ ...generateLab({ ...GENERATE_DEFAULTS, spokes: 3, hubs: 2, durationMs: 30_000 }), faults: [{ atMs: 8000, type: 'node-restart', node: 'hub1', downtimeMs: 3000 }] });
  if (!r.ok) throw new Error('bad lab');
  let builder: SnapshotBuilder | null = null;
  const sim = new Simulation(r.scenario, { trace: (e) => builder?.onTrace(e), liveFaults });
  builder = new SnapshotBuilder(sim);
  return { sim, builder };
}

describe('snapshots carry the faults injected live (for the charts’ marks)', () => {
  it('sends each injected fault once, at the time it took effect; never the scheduled ones', () => {
    const { sim, builder } = liveSim();
    sim.runUntil(2_000_000);
    expect(builder.build('r', 'running', 1, 1).injected).toEqual([]);
    const first = sim.inject({ atMs: 0, type: 'link-down', link: 'wan1-1', durationMs: 4000 });
    expect(first.ok).toBe(true);
    sim.runUntil(2_500_000);
    const a = builder.build('r', 'running', 1, 1).injected;
    // Index 0 is the lab's own fault; the injected one comes after it in the fault log.
    expect(a).toEqual([{ index: 1, atMs: 2000, fault: { atMs: 2000, type: 'link-down', link: 'wan1-1', durationMs: 4000 } }]);
    sim.runUntil(9_000_000);
    // Past the scheduled fault at 8 s: nothing new was injected.
    expect(builder.build('r', 'running', 1, 1).injected).toEqual([]);
    sim.inject({ atMs: 0, type: 'session-loss', node: 'hub2', fraction: 0.5 });
    sim.runUntil(9_500_000);
    expect(builder.build('r', 'running', 1, 1).injected.map((f) => [f.index, f.atMs, f.fault.type])).toEqual([[2, 9000, 'session-loss']]);
  });

  it('gives a window that joins mid-run every injected fault so far, without taking them from the next snapshot', () => {
    const { sim, builder } = liveSim();
    sim.runUntil(1_000_000);
    sim.inject({ atMs: 0, type: 'node-restart', node: 'spoke2', downtimeMs: 1000 });
    sim.runUntil(3_000_000);
    sim.inject({ atMs: 0, type: 'session-loss', node: 'hub1', fraction: 1 });
    const full = builder.build('r', 'paused', 1, 1, true);
    expect(full.injected.map((f) => [f.index, f.atMs])).toEqual([
      [1, 1000],
      [2, 3000],
    ]);
    // The stream's own next snapshot still carries both (the full one consumed nothing).
    expect(builder.build('r', 'running', 1, 1).injected.map((f) => f.index)).toEqual([1, 2]);
  });

  it('in a replayed run (time travel) names a live fault only once its time has come', () => {
    const fault: Fault = { atMs: 5000, type: 'session-loss', node: 'hub1', fraction: 1 };
    const { sim, builder } = liveSim([{ atMs: 5000, fault }]);
    sim.runUntil(1_000_000);
    expect(builder.build('r', 'paused', 1, 1, true).injected).toEqual([]);
    expect(builder.build('r', 'running', 1, 1).injected).toEqual([]);
    sim.runUntil(6_000_000);
    expect(builder.build('r', 'running', 1, 1).injected.map((f) => [f.index, f.atMs])).toEqual([[1, 5000]]);
    expect(builder.build('r', 'paused', 1, 1, true).injected.map((f) => f.index)).toEqual([1]);
  });
});
