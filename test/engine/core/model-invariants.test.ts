import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation, type RunResult, type Scenario } from '../../../engine/index.ts';
import { planArb, scenarioOf } from '../helpers/random-scenario.ts';

const PP = 'packet-processing/action/';

/** Each router's effective recovery settings, from the scenario (ssr-model.md §4.4). */
function effective(s: Scenario): Map<string, { v61: boolean; inactivity: boolean }> {
  const out = new Map<string, { v61: boolean; inactivity: boolean }>();
  for (const n of s.nodes) {
    if (n.kind !== 'spoke' && n.kind !== 'hub') continue;
    const [maj = 0, min = 0] = n.softwareVersion.split('.').map(Number);
    const v61 = maj > 6 || (maj === 6 && min >= 1);
    const mode = n.sessionRecoveryDetection?.mode ?? s.authority.sessionRecoveryDetection.mode;
    out.set(n.id, { v61, inactivity: v61 && mode === 'inactivity-based' });
  }
  return out;
}

function runOnce(s: Scenario): RunResult {
  return new Simulation(s).run();
}

const total = (r: RunResult, path: string) => Object.values(r.summary.counters).reduce((a, c) => a + (c[path] ?? 0), 0);

describe('model invariants under random scenarios', () => {
  it('never has a packet-based or pre-6.1 router probe or drop silently (§4.2, §4.4)', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const s = scenarioOf(p);
        const r = runOnce(s);
        for (const [id, e] of effective(s)) {
          const c = r.summary.counters[id]!;
          if (!e.inactivity) {
            expect(c[`${PP}success/metadata/added-session-health-check`], id).toBe(0);
            expect(c['emulator/no-flow-dropped-silently'], id).toBe(0);
          }
          if (!e.v61) expect(c[`${PP}success/metadata/generated-session-health-check-acknowledgement`], id).toBe(0);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('never times out more checks than were added, nor counts more pinhole variants than timeouts (§4.4.5)', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const r = runOnce(scenarioOf(p));
        for (const c of Object.values(r.summary.counters)) {
          const timeouts = c[`${PP}failure/metadata/session-health-check-timeout`]!;
          expect(timeouts).toBeLessThanOrEqual(c[`${PP}success/metadata/added-session-health-check`]!);
          const pinhole = c[`${PP}failure/metadata/session-health-check-timeout-forward-pinhole-flow`]! + c[`${PP}failure/metadata/session-health-check-timeout-reverse-pinhole-flow`]!;
          expect(pinhole).toBeLessThanOrEqual(timeouts);
          expect(c['emulator/exposure']).toBeLessThanOrEqual(c['emulator/enable-metadata-sent']!);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('never receives more control packets than were sent (§4.3, §4.4.4, §3)', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const r = runOnce(scenarioOf(p));
        const acksIn = total(r, `${PP}success/metadata/received-session-health-check-acknowledgement`) + total(r, `${PP}success/metadata/received-stale-session-health-check-acknowledgement`);
        expect(acksIn).toBeLessThanOrEqual(total(r, `${PP}success/metadata/sent-session-health-check-acknowledgement`));
        const emIn = total(r, `${PP}success/metadata/received-enable-metadata`) + total(r, `${PP}failure/metadata/enable-metadata-flow-miss`);
        expect(emIn).toBeLessThanOrEqual(total(r, 'emulator/enable-metadata-sent'));
        expect(total(r, `${PP}success/metadata/received-disable-forward-metadata`)).toBeLessThanOrEqual(total(r, `${PP}success/metadata/sent-disable-forward-metadata`));
        expect(total(r, `${PP}success/metadata/removed`)).toBeLessThanOrEqual(total(r, `${PP}success/metadata/added`));
        expect(total(r, `${PP}success/metadata/invalidate-for-enable-metadata`)).toBe(total(r, `${PP}success/metadata/received-enable-metadata`));
      }),
      { numRuns: 40 },
    );
  });

  it("keeps the run's books balanced (§7)", () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const s = scenarioOf(p);
        const r = runOnce(s);
        const { sent, delivered, lost, lostBy } = r.summary.packets;
        expect(sent - delivered - lost).toBeGreaterThanOrEqual(0);
        expect(Object.values(lostBy).reduce((a, b) => a + b, 0)).toBe(lost);
        const ss = r.summary.sessions;
        expect(ss.recovered + ss.failed).toBe(ss.affected);
        expect(Object.values(ss.recoveredBy).reduce((a, b) => a + b, 0)).toBe(ss.affected);
        const o = ss.outageMs;
        expect(o.p50 <= o.p95 && o.p95 <= o.p99 && o.p99 <= o.max).toBe(true);
        expect(r.series.tMs).toHaveLength(Math.floor(s.durationMs / 100));
        expect(r.summary.control.healthCheck.count).toBe(total(r, `${PP}success/metadata/added-session-health-check`));
      }),
      { numRuns: 40 },
    );
  });
});
