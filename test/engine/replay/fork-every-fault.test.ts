/**
 * Fork at the fault under every kind of fault, as an engineer's what-if sweep would mix them:
 * behind NAT, with both ends of a hop failing at once, on a dual-hub lab and a generated
 * multi-spoke lab, in both recovery modes. Each run forked from the shared prefix must give
 * exactly the run done whole: the same fingerprint and the same summary. The runs depart from
 * the prefix at different moments, so most faults are scheduled on a copy some time after it
 * was taken. A copy taken in the middle of each fault continues like the run it was taken from.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateLab, GENERATE_DEFAULTS, parseScenarioText, runForked, Simulation, type Fault, type Scenario, type ForkStats } from '../../../engine/index.ts';
import { parse, tableProblems } from '../helpers/build.ts';

const template = (f: string): Scenario => {
  const r = parseScenarioText(readFileSync(fileURLToPath(new URL(`../../../assets/scenarios/${f}`, import.meta.url)), 'utf8'));
  if (!r.ok) throw new Error(f);
  return r.scenario;
};

const LABS: Record<string, Scenario> = {
  'dual hub (09)': template('09-dual-hub-failover.srlab.json'),
  'a spoke behind NAT (10)': template('10-nat-spoke-rebinding.srlab.json'),
  'generated: 3 spokes, 2 hubs, spoke 2 behind NAT, bidirectional': parse(generateLab({ ...GENERATE_DEFAULTS, spokes: 3, hubs: 2, natEvery: 2, pattern: 'bidirectional', durationMs: 40_000 })),
};

/** One variant a kind of fault (two for a hop whose both ends fail), each departing at its own moment from 15 s on. */
function variants(lab: Scenario): { name: string; faults: Fault[] }[] {
  const spoke = lab.nodes.find((n) => n.kind === 'spoke')!.id;
  const hub = lab.nodes.find((n) => n.kind === 'hub')!.id;
  // The hop between them: its two ends are the spoke and the hub above.
  const wan = lab.links.find((l) => [l.a, l.b].includes(spoke) && [l.a, l.b].includes(hub))!.id;
  const natted = lab.links.find((l) => l.nat);
  let at = 15_000;
  const next = () => (at += 350);
  const list: { name: string; faults: Fault[] }[] = [
    { name: 'baseline', faults: [] },
    { name: `${spoke} restarts`, faults: [{ atMs: next(), type: 'node-restart', node: spoke, downtimeMs: 3000 }] },
    {
      name: `both ends of ${wan} restart at once`,
      faults: (() => {
        const t = next();
        return [
          { atMs: t, type: 'node-restart', node: spoke, downtimeMs: 2000 },
          { atMs: t, type: 'node-restart', node: hub, downtimeMs: 4000 },
        ];
      })(),
    },
    { name: `${hub} loses half its sessions`, faults: [{ atMs: next(), type: 'session-loss', node: hub, fraction: 0.5 }] },
    {
      name: `${spoke} and ${hub} lose their sessions one after the other`,
      faults: [
        { atMs: next(), type: 'session-loss', node: spoke, fraction: 1 },
        { atMs: at + 1500, type: 'session-loss', node: hub, fraction: 1 },
      ],
    },
    { name: `${wan} down 4 s`, faults: [{ atMs: next(), type: 'link-down', link: wan, durationMs: 4000 }] },
    {
      name: `${wan} down until brought up`,
      faults: [
        { atMs: next(), type: 'link-down', link: wan, durationMs: null },
        { atMs: at + 6000, type: 'link-up', link: wan },
      ],
    },
    { name: `${wan} impaired`, faults: [{ atMs: next(), type: 'link-impair', link: wan, direction: 'both', lossPct: 30, jitterMs: 5, bandwidthMbps: 1, durationMs: 5000 }] },
    { name: `${wan} flaps`, faults: [{ atMs: next(), type: 'link-flap', link: wan, downMs: 500, upMs: 1500, count: 4 }] },
    { name: `a scanner at ${hub}`, faults: [{ atMs: next(), type: 'scan', target: hub, ratePps: 200, durationMs: 5000 }] },
  ];
  if (natted) {
    list.push({ name: `NAT on ${natted.id} rebinds`, faults: [{ atMs: next(), type: 'nat-rebind', link: natted.id }] });
    list.push({
      name: `NAT on ${natted.id} rebinds while ${natted.id} flaps`,
      faults: [
        { atMs: next(), type: 'link-flap', link: natted.id, downMs: 300, upMs: 700, count: 3 },
        { atMs: at + 900, type: 'nat-rebind', link: natted.id },
      ],
    });
  }
  return list;
}

const inMode = (lab: Scenario, mode: 'packet-based' | 'inactivity-based'): Scenario => ({
  ...lab,
  authority: { ...lab.authority, sessionRecoveryDetection: { ...lab.authority.sessionRecoveryDetection, mode } },
});

describe('fork at the fault, under every kind of fault', () => {
  for (const [labName, lab] of Object.entries(LABS)) {
    for (const mode of ['packet-based', 'inactivity-based'] as const) {
      it(`gives each run the run done whole: ${labName}, ${mode}`, () => {
        const base = inMode({ ...lab, faults: [] }, mode);
        const runs = variants(lab).map((v) => ({ ...base, name: v.name, faults: v.faults }));
        const stats: ForkStats = { groups: 0, forked: 0, sharedMs: 0 };
        const forked = runForked(
          runs.map((scenario) => ({ scenario })),
          undefined,
          stats,
        );
        expect(stats.forked).toBe(runs.length);
        runs.forEach((r, i) => {
          const whole = new Simulation(r).run();
          expect(forked[i]!.summary, r.name).toEqual(whole.summary);
          expect(forked[i]!.sessions, r.name).toEqual(whole.sessions);
        });
        // The faults did something: not every run ends like the baseline.
        const prints = new Set(forked.map((f) => f.summary.fingerprint));
        expect(prints.size).toBe(runs.length);
      });
    }
  }
});

describe('a copy of the world taken while a fault is under way', () => {
  it('continues exactly like the uninterrupted run (every kind of fault, generated lab with NAT)', () => {
    const lab = inMode({ ...LABS['generated: 3 spokes, 2 hubs, spoke 2 behind NAT, bidirectional']!, faults: [] }, 'inactivity-based');
    for (const v of variants(lab).slice(1)) {
      const run = { ...lab, name: v.name, faults: v.faults };
      const whole = new Simulation(run).run();
      // In the middle of it: a restart's downtime, a flap's cycles, a scan, the NAT's new binding.
      const cutUs = (v.faults[0]!.atMs + 1200) * 1000;
      const sim = new Simulation(run);
      sim.runUntil(cutUs);
      const restored = sim.snapshot().restore();
      expect(tableProblems(restored), v.name).toEqual([]);
      const copy = restored.run();
      expect(copy.summary, v.name).toEqual(whole.summary);
      expect(copy.sessions, v.name).toEqual(whole.sessions);
      // The copy shares no session record with the original, which goes on as if never copied.
      expect(sim.run().summary, `${v.name}: the original after its copy ran`).toEqual(whole.summary);
    }
  });
});

describe('a long run, past 2^31 and 2^32 µs of virtual time (35.8 and 71.6 minutes)', () => {
  it('forks and copies exactly like the run done whole', () => {
    const lab = LABS['a spoke behind NAT (10)']!;
    const long: Scenario = {
      ...lab,
      durationMs: 80 * 60_000,
      // Fewer packets: two sessions of each kind, the voice and video ones at 5 pps.
      traffic: lab.traffic.map((t) => ({ ...t, sessions: 2, ratePps: Math.min(t.ratePps, 5) })),
      // Faults on both sides of the first boundary; the runs fork after the second.
      faults: [
        { atMs: 35 * 60_000, type: 'session-loss', node: 'hub1', fraction: 1 },
        { atMs: 36 * 60_000, type: 'nat-rebind', link: 'wan1' },
      ],
    };
    const variants: Scenario[] = [
      long,
      { ...long, faults: [...long.faults, { atMs: 72 * 60_000, type: 'node-restart', node: 'spoke1', downtimeMs: 3000 }] },
      { ...long, faults: [...long.faults, { atMs: 73 * 60_000, type: 'link-flap', link: 'wan1', downMs: 500, upMs: 1500, count: 3 }] },
    ];
    const forked = runForked(variants.map((scenario) => ({ scenario })));
    variants.forEach((v, i) => {
      const whole = new Simulation(v).run();
      expect(forked[i]!.summary).toEqual(whole.summary);
      if (i > 0) expect(forked[i]!.summary.fingerprint).not.toBe(forked[0]!.summary.fingerprint);
    });
    // A copy taken past 2^32 µs continues like the run.
    const sim = new Simulation(variants[1]!);
    sim.runUntil(72 * 60_000_000 + 500_000);
    expect(sim.snapshot().restore().run().summary).toEqual(new Simulation(variants[1]!).run().summary);
  });
});
