/**
 * World copies: a run restored from a copy and continued gives exactly the uninterrupted run
 * (time travel), and runs forked at their first fault give the fingerprints of runs done whole.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, runForked, Simulation, Timeline, type Scenario, type ForkStats } from '../../../engine/index.ts';

const load = (f: string): Scenario => {
  const r = parseScenarioText(readFileSync(fileURLToPath(new URL(`../../../assets/scenarios/${f}`, import.meta.url)), 'utf8'));
  if (!r.ok) throw new Error(f);
  return r.scenario;
};
const TEMPLATES = ['01-spoke-and-hub-session-loss-packet-based.srlab.json', '08-hub-restart-bfd.srlab.json', '09-dual-hub-failover.srlab.json', '10-nat-spoke-rebinding.srlab.json'];

describe('world snapshots', () => {
  for (const file of TEMPLATES) {
    it(`continue exactly like the uninterrupted run (${file})`, () => {
      const s = load(file);
      const whole = new Simulation(s).run();
      // Cut before, during and after the fault; restore twice from the same copy.
      for (const cutMs of [5_000, 20_050, 23_000, 41_000]) {
        const sim = new Simulation(s);
        sim.runUntil(cutMs * 1000);
        const snap = sim.snapshot();
        const a = snap.restore().run();
        const b = snap.restore().run();
        expect(a.summary).toEqual(whole.summary);
        expect(b.summary.fingerprint).toBe(whole.summary.fingerprint);
        expect(a.sessions).toEqual(whole.sessions);
        // The run the copy was taken from is untouched by the copies and goes on the same way.
        expect(sim.run().summary.fingerprint).toBe(whole.summary.fingerprint);
      }
    });
  }

  it('show any moment again: a timeline seek equals running fresh to that moment', () => {
    const s = load('02-spoke-and-hub-session-loss-inactivity-based.srlab.json');
    const { timeline, result } = Timeline.build(s, {}, { everyEvents: 20_000 });
    expect(timeline.size).toBeGreaterThan(3);
    for (const tMs of [0, 12_345, 20_000, 22_500, 59_999]) {
      const seeked = timeline.at(tMs * 1000);
      const fresh = new Simulation(s);
      fresh.runUntil(tMs * 1000);
      expect(seeked.w.fp.hex()).toBe(fresh.w.fp.hex());
      expect(seeked.w.events).toBe(fresh.w.events);
      expect(seeked.w.apps.map((a) => [a.sent, a.delivered, a.lost])).toEqual(fresh.w.apps.map((a) => [a.sent, a.delivered, a.lost]));
      expect([...seeked.w.routerList[1]!.counters]).toEqual([...fresh.w.routerList[1]!.counters]);
    }
    // Step back then step: the same state as before.
    const n = 54_321;
    const at = timeline.atEvent(n);
    const back = timeline.atEvent(n - 1);
    back.step();
    expect(back.w.fp.hex()).toBe(at.w.fp.hex());
    expect(timeline.at(s.durationMs * 1000).run().summary.fingerprint).toBe(result.summary.fingerprint);
  });
});

describe('fork at the fault', () => {
  it('gives every N-1 run the fingerprint of the same run done whole, running the shared prefix once', () => {
    const lab = load('09-dual-hub-failover.srlab.json');
    const base = { ...lab, faults: [] };
    const variants: Scenario[] = [
      ...['spoke1', 'hub1', 'hub2'].map((node) => ({ ...base, name: `fail ${node}`, faults: [{ atMs: 30_000, type: 'node-restart' as const, node, downtimeMs: 20_000 }] })),
      ...lab.links.map((l) => ({ ...base, name: `fail ${l.id}`, faults: [{ atMs: 30_000, type: 'link-down' as const, link: l.id, durationMs: 20_000 }] })),
      { ...base, name: 'baseline' },
    ];
    const stats: ForkStats = { groups: 0, forked: 0, sharedMs: 0 };
    const forked = runForked(
      variants.map((scenario) => ({ scenario })),
      undefined,
      stats,
    );
    expect(stats.forked).toBe(variants.length);
    expect(stats.sharedMs).toBeGreaterThan(200_000);
    variants.forEach((v, i) => {
      const whole = new Simulation(v).run();
      expect(forked[i]!.summary.fingerprint, v.name).toBe(whole.summary.fingerprint);
      expect(forked[i]!.summary).toEqual(whole.summary);
    });
  });
});

describe('fork at the fault, with faults the runs share', () => {
  it("keeps the lab's own faults in the shared prefix and forks at the first fault that differs", () => {
    const lab = load('01-spoke-and-hub-session-loss-packet-based.srlab.json'); // session-loss on hub1 at 20 s
    const variants: Scenario[] = [
      lab,
      { ...lab, faults: [...lab.faults, { atMs: 40_000, type: 'node-restart' as const, node: 'spoke1', downtimeMs: 3000 }] },
      { ...lab, faults: [...lab.faults, { atMs: 35_000, type: 'link-down' as const, link: 'wan1', durationMs: 5000 }] },
    ];
    const stats: ForkStats = { groups: 0, forked: 0, sharedMs: 0 };
    const forked = runForked(
      variants.map((scenario) => ({ scenario })),
      undefined,
      stats,
    );
    expect(stats.sharedMs).toBeGreaterThan(2 * 34_000);
    variants.forEach((v, i) => expect(forked[i]!.summary.fingerprint).toBe(new Simulation(v).run().summary.fingerprint));
  });
});
