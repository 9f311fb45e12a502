/**
 * Random small valid scenarios for property tests: 1–3 spokes, 1–2 hubs (every spoke peers with
 * every hub, some paths behind NAT), one server behind all hubs, random versions, modes,
 * timeouts, traffic of every pattern and protocol, and faults of every type.
 */
import fc from 'fast-check';
import type { Scenario } from '../../../engine/index.ts';
import { parse } from './build.ts';

const MODES = ['packet-based', 'inactivity-based'] as const;
const VERSIONS = ['5.4.0', '6.0.5', '6.1.0', '6.2.1'] as const;
const PATTERNS = ['request-response', 'stream-up', 'stream-down', 'bidirectional'] as const;
const FAULT_TYPES = ['node-restart', 'session-loss', 'link-down', 'link-up', 'link-impair', 'link-flap', 'nat-rebind', 'scan'] as const;

const routerArb = fc.record({
  version: fc.constantFrom(...VERSIONS),
  override: fc.option(fc.record({ mode: fc.constantFrom(...MODES), inactivityTimeoutSec: fc.integer({ min: 1, max: 4 }) }), { nil: undefined }),
});

const wanArb = fc.record({
  latencyMs: fc.integer({ min: 1, max: 40 }),
  jitterMs: fc.integer({ min: 0, max: 5 }),
  lossPct: fc.constantFrom(0, 0, 1, 5),
  nat: fc.boolean(),
});

const trafficArb = fc.record({
  client: fc.nat(),
  protocol: fc.constantFrom('tcp', 'udp'),
  pattern: fc.constantFrom(...PATTERNS),
  sessions: fc.integer({ min: 1, max: 3 }),
  ratePps: fc.integer({ min: 2, max: 40 }),
  intervalMs: fc.integer({ min: 100, max: 1000 }),
  startMs: fc.integer({ min: 0, max: 1000 }),
  appTimeoutMs: fc.integer({ min: 1000, max: 5000 }),
  burst: fc.option(fc.record({ activeMs: fc.integer({ min: 200, max: 1500 }), idleMs: fc.integer({ min: 200, max: 2500 }) }), { nil: null }),
});

const faultArb = fc.record({
  type: fc.constantFrom(...FAULT_TYPES),
  at: fc.double({ min: 0, max: 0.9, noNaN: true }),
  pick: fc.nat(),
  span: fc.integer({ min: 100, max: 2500 }),
  fraction: fc.constantFrom(0, 0.5, 1),
});

/** A random scenario plan (turn it into a scenario with {@link scenarioOf}). */
export const planArb = fc.record({
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  durationMs: fc.integer({ min: 1500, max: 5000 }),
  mode: fc.constantFrom(...MODES),
  timeoutSec: fc.integer({ min: 1, max: 4 }),
  ackMs: fc.constantFrom(50, 300, 1000),
  ctlPps: fc.constantFrom(0, 50, 10_000),
  spokes: fc.array(routerArb, { minLength: 1, maxLength: 3 }),
  hubs: fc.array(routerArb, { minLength: 1, maxLength: 2 }),
  wans: fc.array(wanArb, { minLength: 6, maxLength: 6 }),
  traffic: fc.array(trafficArb, { minLength: 1, maxLength: 3 }),
  faults: fc.array(faultArb, { maxLength: 4 }),
});

/** What {@link planArb} generates. */
export type Plan = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

/** Builds a valid scenario from a random plan: every spoke peers with every hub; server1 sits behind all hubs. */
export function scenarioOf(p: Plan): Scenario {
  const router = (id: string, kind: 'spoke' | 'hub', r: Plan['spokes'][number]) => ({
    id,
    kind,
    softwareVersion: r.version,
    ...(r.override ? { sessionRecoveryDetection: r.override } : {}),
  });
  const nodes: Record<string, unknown>[] = [{ id: 'server1', kind: 'server' }];
  const links: Record<string, unknown>[] = [];
  p.hubs.forEach((h, j) => {
    nodes.push(router(`hub${j + 1}`, 'hub', h));
    links.push({ id: `dc${j + 1}`, a: `hub${j + 1}`, b: 'server1', latencyMs: 0.5 });
  });
  const wanIds: string[] = [];
  const natIds: string[] = [];
  p.spokes.forEach((s, i) => {
    nodes.push(router(`spoke${i + 1}`, 'spoke', s), { id: `client${i + 1}`, kind: 'client' });
    links.push({ id: `lan${i + 1}`, a: `client${i + 1}`, b: `spoke${i + 1}`, latencyMs: 0.5 });
    p.hubs.forEach((_, j) => {
      const w = p.wans[i * 2 + j]!;
      const id = `wan${i + 1}-${j + 1}`;
      wanIds.push(id);
      if (w.nat) natIds.push(id);
      links.push({
        id,
        a: `spoke${i + 1}`,
        b: `hub${j + 1}`,
        latencyMs: w.latencyMs,
        jitterMs: w.jitterMs,
        lossPct: w.lossPct,
        ...(w.nat ? { nat: { inside: `spoke${i + 1}`, bindingTimeoutMs: 2000 } } : {}),
      });
    });
  });
  const routers = [...p.spokes.map((_, i) => `spoke${i + 1}`), ...p.hubs.map((_, j) => `hub${j + 1}`)];
  const pick = <T>(xs: readonly T[], k: number) => xs[k % xs.length]!;
  const faults = p.faults.map((f) => {
    const atMs = Math.round(f.at * p.durationMs);
    const link = pick(wanIds, f.pick);
    switch (f.type) {
      case 'node-restart':
        return { atMs, type: f.type, node: pick(routers, f.pick), downtimeMs: f.span };
      case 'session-loss':
        return { atMs, type: f.type, node: pick(routers, f.pick), fraction: f.fraction };
      case 'link-down':
        return { atMs, type: f.type, link, durationMs: f.pick % 3 === 0 ? null : f.span };
      case 'link-up':
        return { atMs, type: f.type, link };
      case 'link-impair':
        return { atMs, type: f.type, link, direction: pick(['both', 'a-to-b', 'b-to-a'] as const, f.pick), lossPct: 20, latencyMs: 50, durationMs: f.span };
      case 'link-flap':
        return { atMs, type: f.type, link, downMs: f.span / 5, upMs: f.span / 3, count: 1 + (f.pick % 3) };
      case 'nat-rebind':
        return natIds.length > 0 ? { atMs, type: f.type, link: pick(natIds, f.pick) } : { atMs, type: 'link-up', link };
      case 'scan':
        return { atMs, type: f.type, target: pick(routers, f.pick), ratePps: 200, durationMs: f.span };
    }
  });
  return parse({
    format: 'session-recovery-lab/scenario',
    formatVersion: 1,
    name: 'random',
    seed: p.seed,
    durationMs: p.durationMs,
    authority: {
      sessionRecoveryDetection: { mode: p.mode, inactivityTimeoutSec: p.timeoutSec },
      healthCheckAckTimeoutMs: p.ackMs,
      controlPacketsPerSec: p.ctlPps,
      sessionTimeouts: { udpMs: 2000, tcpInitialMs: 3000 },
    },
    nodes,
    links,
    traffic: p.traffic.map((t, k) => ({
      id: `t${k + 1}`,
      from: `client${(t.client % p.spokes.length) + 1}`,
      to: 'server1',
      protocol: t.protocol,
      pattern: t.pattern,
      sessions: t.sessions,
      ratePps: t.ratePps,
      intervalMs: t.intervalMs,
      startMs: Math.min(t.startMs, p.durationMs - 1),
      appTimeoutMs: t.appTimeoutMs,
      burst: t.burst,
    })),
    faults,
  });
}
