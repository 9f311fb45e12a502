/**
 * §3 beyond one spoke–hub hop: the rules as a network engineer would try them — a router in the
 * middle losing state, both ends of a hop failing, peers re-opening at once, stale tuples, NAT
 * on both branches.
 */
import { describe, expect, it } from 'vitest';
import { parse, routerRt, wanSides, run, counter, spokeHub } from '../helpers/build.ts';
import { Simulation, type RunResult, type Scenario } from '../../../engine/index.ts';
import { WayportPool } from '../../../engine/model/network.ts';

const voice = (sessions: number) => ({ id: 'voice', from: 'client1', to: 'server1', protocol: 'udp', pattern: 'bidirectional', sessions, ratePps: 50, packetBytes: 200 });

/** client1 – sp1 – hub1 – hub2 – server1 (or branch to branch: client1 – sp1 – hub1 – sp2 – server1). */
function chain(faults: Record<string, unknown>[], o: { branch?: boolean; nat?: boolean; mode?: string; sessions?: number; extraClient?: boolean } = {}): Scenario {
  const far = o.branch ? 'sp2' : 'hub2';
  const nodes: Record<string, unknown>[] = [
    { id: 'client1', kind: 'client' },
    { id: 'sp1', kind: 'spoke' },
    { id: 'hub1', kind: 'hub' },
    { id: far, kind: o.branch ? 'spoke' : 'hub' },
    { id: 'server1', kind: 'server' },
  ];
  const links: Record<string, unknown>[] = [
    { id: 'lan1', a: 'client1', b: 'sp1', latencyMs: 0.5 },
    { id: 'wan1', a: 'sp1', b: 'hub1', latencyMs: 20, ...(o.nat ? { nat: { inside: 'sp1' } } : {}) },
    { id: 'wan2', a: far, b: 'hub1', latencyMs: 10, ...(o.nat && o.branch ? { nat: { inside: far } } : {}) },
    { id: 'lan2', a: far, b: 'server1', latencyMs: 0.5 },
  ];
  return parse({
    format: 'session-recovery-lab/scenario',
    formatVersion: 1,
    name: 'chain',
    durationMs: 40_000,
    authority: { sessionRecoveryDetection: { mode: o.mode ?? 'packet-based', inactivityTimeoutSec: 2 } },
    nodes,
    links,
    traffic: [voice(o.sessions ?? 5)],
    faults,
  });
}

const sum = (r: RunResult, path: string) => Object.values(r.summary.counters).reduce((n, c) => n + c[path]!, 0);

/** Metadata added in the last `ms` of a run (from the 100 ms series). */
function lateMetadata(r: RunResult, ms: number): number {
  const from = r.series.tMs.findIndex((t) => t > r.summary.durationMs - ms);
  return r.series.controlPps['sessionMetadata']!.slice(from).reduce((a, b) => a + b / 10, 0);
}

describe('§3 a router in the middle loses state', () => {
  for (const [name, fault] of [
    ['session-loss', { atMs: 10_000, type: 'session-loss', node: 'hub1' }],
    ['a 1 s restart', { atMs: 10_000, type: 'node-restart', node: 'hub1', downtimeMs: 1000 }],
  ] as const) {
    for (const branch of [false, true]) {
      it(`rebuilds each session once per hop after ${name} (${branch ? 'branch to branch' : 'spoke–hub–hub'}), then metadata stops`, () => {
        const { result, sim } = run(chain([fault], { branch }));
        const s = result.summary.sessions;
        expect(s.recovered).toBe(5);
        expect(s.failed).toBe(0);
        // hub1 built each session once before the fault and once after; nobody replaced anything.
        expect(counter(result, 'hub1', 'emulator/sessions-created')).toBe(10);
        expect(sum(result, 'emulator/session-replaced')).toBe(0);
        expect(lateMetadata(result, 20_000)).toBe(0);
        for (const r of sim.w.routerList) for (const ws of wanSides(sim, r.id)) expect(ws.sendMd).toBe(false);
        // Enable-metadata answered packets of live sessions: recovery, not exposure.
        expect(result.summary.exposure.total).toBe(0);
        expect(result.summary.packets.lostBy.misdelivered).toBe(0);
      });
    }
  }

  it('settles when both ends of one hop lose their sessions 30 ms apart', () => {
    const { result } = run(
      chain([
        { atMs: 10_000, type: 'session-loss', node: 'sp1' },
        { atMs: 10_030, type: 'session-loss', node: 'hub1' },
      ]),
    );
    expect(result.summary.sessions.recovered).toBe(5);
    // Each loss rebuilds each session at most once per hop.
    expect(counter(result, 'hub2', 'emulator/session-replaced')).toBeLessThanOrEqual(10);
    expect(lateMetadata(result, 20_000)).toBe(0);
    expect(result.summary.exposure.total).toBe(0);
  });

  it('settles on a single hop when spoke and hub lose state 30 ms apart', () => {
    const { result } = run(
      spokeHub({
        durationMs: 40_000,
        traffic: [{ protocol: 'udp', pattern: 'bidirectional', sessions: 5, ratePps: 50 }],
        faults: [
          { atMs: 10_000, type: 'session-loss', node: 'spoke1' },
          { atMs: 10_030, type: 'session-loss', node: 'hub1' },
        ],
      }),
    );
    expect(result.summary.sessions.recovered).toBe(5);
    expect(lateMetadata(result, 20_000)).toBe(0);
    expect(sum(result, 'emulator/session-replaced')).toBeLessThanOrEqual(5);
  });
});

describe('§2 routing in a chain', () => {
  it('never fails over onto a path that leads back through itself (loop-free next hops)', () => {
    const { result } = run(chain([{ atMs: 10_000, type: 'link-down', link: 'wan2', durationMs: 2000 }]));
    expect(counter(result, 'hub1', 'emulator/failover')).toBe(0);
    expect(result.summary.sessions.failed).toBe(0);
    expect(lateMetadata(result, 20_000)).toBe(0);
  });
});

describe('§3 handshake by direction', () => {
  it('completes after a restart that BFD sees, when both ends re-open at once', () => {
    const { result, sim } = run(chain([{ atMs: 10_000, type: 'node-restart', node: 'hub1', downtimeMs: 1500 }], { mode: 'inactivity-based' }));
    expect(counter(result, 'sp1', 'emulator/bfd-peer-restart-detected')).toBe(1);
    expect(lateMetadata(result, 15_000)).toBe(0);
    for (const r of sim.w.routerList) for (const ws of wanSides(sim, r.id)) expect(ws.sendMd).toBe(false);
  });

  for (const pattern of ['stream-up', 'stream-down'] as const) {
    it(`completes for one-way traffic (${pattern}) through two hops with disable-forward-metadata`, () => {
      const s = chain([{ atMs: 10_000, type: 'session-loss', node: 'hub1' }]);
      s.traffic = [{ ...s.traffic[0]!, pattern }];
      const { result } = run(s);
      expect(lateMetadata(result, 20_000)).toBe(0);
      expect(sum(result, 'packet-processing/action/success/metadata/sent-disable-forward-metadata')).toBeGreaterThan(0);
    });
  }
});

describe('§3 wayport pairs', () => {
  it('hands out never-used pairs first, then freed ones oldest first, never one in use', () => {
    const pool = new WayportPool();
    expect([pool.take(), pool.take(), pool.take()]).toEqual([0, 1, 2]);
    pool.give(1);
    pool.give(0);
    expect(pool.take()).toBe(3); // fresh pairs before freed ones
    expect(pool.claim(0)).toBe(true); // metadata named pair 0: now in use
    expect(pool.claim(0)).toBe(false);
    expect(pool.claim(2)).toBe(false); // still held by a live session
    expect(pool.claim(10)).toBe(true); // beyond the pairs handed out so far
    const seen = new Set<number>();
    for (let k = pool.take(); k >= 0; k = pool.take()) {
      expect(seen.has(k)).toBe(false);
      seen.add(k);
    }
    expect(seen.has(0) || seen.has(2) || seen.has(3) || seen.has(10)).toBe(false);
    expect(seen.has(1)).toBe(true); // freed and never claimed: handed out again at the end
  });

  it("takes the pair of a session rebuilt from the peer's metadata off the free list", () => {
    // The spoke loses state; the hub re-opens the downloads on the spoke's old wayports.
    const sim = new Simulation(
      spokeHub({
        durationMs: 20_000,
        traffic: [{ protocol: 'udp', pattern: 'stream-down', sessions: 4, ratePps: 20 }],
        faults: [{ atMs: 5000, type: 'session-loss', node: 'spoke1' }],
      }),
    );
    const result = sim.run();
    expect(result.summary.sessions.recovered).toBe(4);
    const spoke = routerRt(sim, 'spoke1');
    const hub = sim.w.nodeIds.indexOf('hub1');
    const sides = wanSides(sim, 'spoke1');
    expect(sides).toHaveLength(4);
    for (const ws of sides) {
      expect(ws.sess.learnedSide).toBe(1);
      expect(ws.ownsPorts).toBe(true);
      expect(spoke.pool(hub).claim((ws.localPort - 16384) / 2)).toBe(false);
    }
  });
});

describe('§3 delivery is end to end', () => {
  it('counts a packet carried into another session by a stale tuple as misdelivered, at the wrong host, and in outage', () => {
    // Two clients behind the spoke. The spoke loses state and its wayport allocator starts over
    // (as a restarted one would): new sessions get pairs the hub still holds for old ones.
    const s = parse({
      format: 'session-recovery-lab/scenario',
      formatVersion: 1,
      name: 'two clients',
      durationMs: 12_000,
      nodes: [
        { id: 'client1', kind: 'client' },
        { id: 'client2', kind: 'client' },
        { id: 'spoke1', kind: 'spoke' },
        { id: 'hub1', kind: 'hub' },
        { id: 'server1', kind: 'server' },
      ],
      links: [
        { id: 'lan1', a: 'client1', b: 'spoke1', latencyMs: 0.5 },
        { id: 'lan3', a: 'client2', b: 'spoke1', latencyMs: 0.5 },
        { id: 'wan1', a: 'spoke1', b: 'hub1', latencyMs: 20 },
        { id: 'lan2', a: 'hub1', b: 'server1', latencyMs: 0.5 },
      ],
      traffic: [
        { id: 'a', from: 'client1', to: 'server1', protocol: 'udp', pattern: 'stream-down', sessions: 3, ratePps: 20 },
        { id: 'b', from: 'client2', to: 'server1', protocol: 'udp', pattern: 'bidirectional', sessions: 3, ratePps: 20, startMs: 5000 },
      ],
      faults: [{ atMs: 4000, type: 'session-loss', node: 'spoke1' }],
    });
    const sim = new Simulation(s);
    sim.runUntil(4_500_000);
    const spoke = routerRt(sim, 'spoke1');
    spoke.pools.clear();
    const result = sim.run();
    const p = result.summary.packets;
    expect(p.lostBy.misdelivered).toBeGreaterThan(0);
    // client1's downloads were carried to client2 (the wrong host).
    expect(p.lostAt['client2']?.misdelivered).toBe(p.lostBy.misdelivered);
    expect(p.sent).toBe(p.delivered + p.lost + p.inFlight);
    const downloads = result.sessions.filter((x) => x.traffic === 'a');
    expect(downloads.every((x) => x.outages > 0)).toBe(true);
  });
});

describe('§4.5 NAT', () => {
  it('carries branch-to-branch traffic through the hub when both spokes sit behind NAT', () => {
    const { result } = run(chain([], { branch: true, nat: true }));
    const p = result.summary.packets;
    // Until sp2's first BFD packet opens its pinhole, the hub has no way there (first second only).
    expect(p.lost).toBeLessThan(150);
    expect(p.delivered).toBeGreaterThan(0.99 * p.sent);
    expect(result.summary.sessions.failed).toBe(0);
    expect(result.sessions.every((x) => x.outageList!.every((o) => o.endMs < 1500))).toBe(true);
  });

  it('recovers branch-to-branch sessions behind NAT when the hub loses state', () => {
    const { result } = run(chain([{ atMs: 10_000, type: 'session-loss', node: 'hub1' }], { branch: true, nat: true }));
    expect(result.summary.sessions.failed).toBe(0);
    expect(lateMetadata(result, 20_000)).toBe(0);
  });

  it('stops a scanner at the NAT in front of a spoke that has no public address: no exposure', () => {
    const { result } = run(spokeHub({ nat: true, durationMs: 5000, faults: [{ atMs: 1000, type: 'scan', target: 'spoke1', ratePps: 200, durationMs: 2000 }] }));
    expect(result.summary.exposure.total).toBe(0);
    expect(counter(result, 'spoke1', 'emulator/enable-metadata-sent')).toBe(0);
    expect(counter(result, 'spoke1', 'emulator/nat-dropped')).toBeGreaterThan(350);
  });

  it("gives NAT and scanner addresses of their own, never a node's", () => {
    const sim = new Simulation(spokeHub({ nat: true }));
    const nat = sim.w.links.find((l) => l.nat !== null)!.nat!;
    expect(nat.addr).toBeGreaterThan(sim.w.nodeIds.length);
    expect(sim.w.scannerBase).toBeGreaterThan(nat.addr);
  });
});

describe('§4.2 exposure', () => {
  it('splits exposure into scanner probes and packets of sessions nobody holds any more', () => {
    const { result } = run(
      spokeHub({
        durationMs: 6000,
        faults: [{ atMs: 1000, type: 'scan', target: 'hub1', ratePps: 100, durationMs: 1000 }],
      }),
    );
    const e = result.summary.exposure;
    expect(e.scanner).toBe(100);
    expect(e.lostSession).toBe(0);
    expect(e.total).toBe(100);
    expect(counter(result, 'hub1', 'emulator/enable-metadata-answering-scanner')).toBe(100);
  });
});
