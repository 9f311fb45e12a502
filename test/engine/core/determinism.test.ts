import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation, type Fault } from '../../../engine/index.ts';
import { planArb, scenarioOf } from '../helpers/random-scenario.ts';

describe('determinism under random scenarios (§1)', () => {
  it('builds valid scenarios from every plan', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        expect(() => scenarioOf(p)).not.toThrow();
      }),
      { numRuns: 50 },
    );
  });

  it('gives identical fingerprints and summaries when a scenario runs twice', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const s = scenarioOf(p);
        const a = new Simulation(s).run();
        const b = new Simulation(s).run();
        expect(b.summary.fingerprint).toBe(a.summary.fingerprint);
        expect(b.summary).toEqual(a.summary);
        expect(b.sessions).toEqual(a.sessions);
      }),
      { numRuns: 30 },
    );
  });

  it('gives the same fingerprint, summary and sessions without a time series (series: false), and no samples', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const s = scenarioOf(p);
        const kept = new Simulation(s).run();
        const bare = new Simulation(s, { series: false }).run();
        expect(bare.summary).toEqual(kept.summary);
        expect(bare.sessions).toEqual(kept.sessions);
        expect(bare.checkpoints).toEqual(kept.checkpoints);
        expect(kept.series.tMs.length).toBeGreaterThan(0);
        expect(bare.series.tMs).toEqual([]);
        expect(bare.series.linkMbps).toEqual({});
        expect(bare.series.controlPps).toEqual({});
      }),
      { numRuns: 25 },
    );
  });

  it('gives the same fingerprint when run in random runUntil chunks as in one run()', () => {
    fc.assert(
      fc.property(planArb, fc.array(fc.integer({ min: 1, max: 700_000 }), { minLength: 1, maxLength: 20 }), (p, chunks) => {
        const s = scenarioOf(p);
        const whole = new Simulation(s).run();
        const sim = new Simulation(s);
        let t = 0;
        for (const c of chunks) {
          t += c;
          sim.runUntil(t);
        }
        const chunked = sim.run();
        expect(chunked.summary.fingerprint).toBe(whole.summary.fingerprint);
        expect(chunked.summary).toEqual(whole.summary);
      }),
      { numRuns: 25 },
    );
  });

  it('gives the same fingerprint when stepped one event at a time', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const s = scenarioOf(p);
        const whole = new Simulation(s).run();
        const sim = new Simulation(s);
        let n = 0;
        while (sim.step()) n++;
        const stepped = sim.result();
        expect(n).toBe(whole.summary.events);
        expect(stepped.summary.fingerprint).toBe(whole.summary.fingerprint);
      }),
      { numRuns: 25 },
    );
  });

  it('replays live-injected faults from the fault log with the same fingerprint', () => {
    const liveFaultArb = fc.record({ afterUs: fc.integer({ min: 0, max: 1_500_000 }), kind: fc.constantFrom('session-loss', 'node-restart', 'link-down', 'scan'), pick: fc.nat() });
    fc.assert(
      fc.property(planArb, fc.array(liveFaultArb, { minLength: 1, maxLength: 4 }), fc.boolean(), (p, injections, roundMs) => {
        const s = scenarioOf(p);
        const routers = s.nodes.filter((n) => n.kind === 'spoke' || n.kind === 'hub').map((n) => n.id);
        const wans = s.links.filter((l) => routers.includes(l.a) && routers.includes(l.b)).map((l) => l.id);
        const live = new Simulation(s);
        let t = 0;
        for (const inj of injections) {
          // Whole milliseconds land on the 100 ms samples and other round-time events.
          t += roundMs ? Math.round(inj.afterUs / 100_000) * 100_000 : inj.afterUs;
          live.runUntil(t);
          const node = routers[inj.pick % routers.length]!;
          const link = wans[inj.pick % wans.length]!;
          const fault: Fault =
            inj.kind === 'session-loss'
              ? { atMs: 0, type: 'session-loss', node, fraction: 1 }
              : inj.kind === 'node-restart'
                ? { atMs: 0, type: 'node-restart', node, downtimeMs: 300 }
                : inj.kind === 'link-down'
                  ? { atMs: 0, type: 'link-down', link, durationMs: 400 }
                  : { atMs: 0, type: 'scan', target: node, ratePps: 100, durationMs: 300 };
          expect(live.inject(fault).ok).toBe(true);
        }
        const a = live.run();
        const log = a.faultLog.filter((e) => e.source === 'live').map((e) => ({ atMs: e.atMs, fault: e.fault as Fault }));
        const b = new Simulation(s, { liveFaults: log }).run();
        expect(b.summary.fingerprint).toBe(a.summary.fingerprint);
        expect(b.summary).toEqual(a.summary);
      }),
      { numRuns: 25 },
    );
  });
});
