/**
 * Random labs as a network engineer would draw them, each with one fault, for the "the network
 * settles" property: chains of 2–4 routers, stars, dual hubs, spoke–hub–spoke, NAT on some
 * paths, mixed recovery modes and software versions, traffic of every pattern.
 */
import fc from 'fast-check';
import type { Scenario } from '../../../engine/index.ts';
import { parse } from './build.ts';

/** Shapes of lab the generator draws. */
export const SHAPES = ['chain', 'star', 'dual-hub', 'spoke-hub-spoke'] as const;
const MODES = ['packet-based', 'inactivity-based'] as const;
const FAULTS = ['session-loss', 'half-session-loss', 'node-restart', 'link-down', 'link-flap', 'link-impair', 'nat-rebind', 'both-ends-loss'] as const;

/** When the fault strikes, and how long the runs are (ms). */
export const FAULT_AT_MS = 10_000;
export const DURATION_MS = 40_000;
/** From here on every effect of the fault is over: the network must look like the fault-free one. */
export const SETTLED_FROM_MS = 30_000;

const routerArb = fc.record({
  mode: fc.option(fc.constantFrom(...MODES), { nil: undefined, freq: 3 }),
  version: fc.constantFrom('6.1.0', '6.1.0', '6.2.1', '6.0.5'),
});

/** A random lab plan. */
export const labArb = fc.record({
  shape: fc.constantFrom(...SHAPES),
  routers: fc.integer({ min: 2, max: 4 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  mode: fc.constantFrom(...MODES),
  timeoutSec: fc.integer({ min: 1, max: 4 }),
  natMask: fc.integer({ min: 0, max: 15 }),
  latency: fc.array(fc.integer({ min: 2, max: 30 }), { minLength: 6, maxLength: 6 }),
  router: fc.array(routerArb, { minLength: 4, maxLength: 4 }),
  voice: fc.integer({ min: 0, max: 3 }),
  web: fc.integer({ min: 0, max: 3 }),
  oneWay: fc.constantFrom('none', 'stream-up', 'stream-down'),
  fault: fc.constantFrom(...FAULTS),
  pick: fc.nat(),
  spanMs: fc.integer({ min: 300, max: 2500 }),
});

/** A lab plan. */
export type LabPlan = typeof labArb extends fc.Arbitrary<infer T> ? T : never;

interface Drawn {
  nodes: Record<string, unknown>[];
  links: Record<string, unknown>[];
  routers: string[];
  wans: string[];
  /** NAT links (the inside router is the client-side end). */
  nats: string[];
  clients: string[];
  server: string;
}

function draw(plan: LabPlan): Drawn {
  const nodes: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  const routers: string[] = [];
  const wans: string[] = [];
  const nats: string[] = [];
  let li = 0;
  const router = (id: string, kind: 'spoke' | 'hub') => {
    const r = plan.router[routers.length % plan.router.length]!;
    const n: Record<string, unknown> = { id, kind, softwareVersion: r.version };
    if (r.mode !== undefined) n['sessionRecoveryDetection'] = { mode: r.mode };
    nodes.push(n);
    routers.push(id);
  };
  const wan = (a: string, b: string, natInside: string | null) => {
    const id = `wan${wans.length + 1}`;
    const l: Record<string, unknown> = { id, a, b, latencyMs: plan.latency[li++ % plan.latency.length]! };
    if (natInside !== null && (plan.natMask >> wans.length) % 2 === 1) {
      l['nat'] = { inside: natInside };
      nats.push(id);
    }
    links.push(l);
    wans.push(id);
  };
  const lan = (host: string, r: string) => links.push({ id: `lan-${host}-${r}`, a: host, b: r, latencyMs: 0.5 });
  const clients: string[] = [];
  const client = (id: string, r: string) => {
    nodes.push({ id, kind: 'client' });
    lan(id, r);
    clients.push(id);
  };
  const server = 'server1';
  switch (plan.shape) {
    case 'chain': {
      // client – spoke1 – hub1 – … – hubK – server (NAT only on the first hop, spoke inside).
      router('spoke1', 'spoke');
      for (let i = 1; i < plan.routers; i++) router(`hub${i}`, 'hub');
      for (let i = 0; i + 1 < routers.length; i++) wan(routers[i]!, routers[i + 1]!, i === 0 ? 'spoke1' : null);
      client('client1', 'spoke1');
      nodes.push({ id: server, kind: 'server' });
      lan(server, routers[routers.length - 1]!);
      break;
    }
    case 'star': {
      router('hub1', 'hub');
      for (let i = 1; i < plan.routers; i++) {
        router(`spoke${i}`, 'spoke');
        wan(`spoke${i}`, 'hub1', `spoke${i}`);
        client(`client${i}`, `spoke${i}`);
      }
      nodes.push({ id: server, kind: 'server' });
      lan(server, 'hub1');
      break;
    }
    case 'dual-hub': {
      router('spoke1', 'spoke');
      router('hub1', 'hub');
      router('hub2', 'hub');
      wan('spoke1', 'hub1', 'spoke1');
      wan('spoke1', 'hub2', 'spoke1');
      client('client1', 'spoke1');
      nodes.push({ id: server, kind: 'server' });
      lan(server, 'hub1');
      lan(server, 'hub2');
      break;
    }
    case 'spoke-hub-spoke': {
      // Branch to branch through the hub; both branches may sit behind NAT.
      router('spoke1', 'spoke');
      router('hub1', 'hub');
      router('spoke2', 'spoke');
      wan('spoke1', 'hub1', 'spoke1');
      wan('spoke2', 'hub1', 'spoke2');
      client('client1', 'spoke1');
      nodes.push({ id: server, kind: 'server' });
      lan(server, 'spoke2');
      break;
    }
  }
  return { nodes: [...nodes], links, routers, wans, nats, clients, server };
}

function trafficOf(plan: LabPlan, d: Drawn): Record<string, unknown>[] {
  const t: Record<string, unknown>[] = [];
  d.clients.forEach((c, i) => {
    if (plan.voice > 0) t.push({ id: `voice-${i}`, from: c, to: d.server, protocol: 'udp', pattern: 'bidirectional', sessions: plan.voice, ratePps: 20 });
    if (plan.web > 0) t.push({ id: `web-${i}`, from: c, to: d.server, protocol: 'tcp', pattern: 'request-response', sessions: plan.web, intervalMs: 500, appTimeoutMs: 4000 });
    if (plan.oneWay !== 'none') t.push({ id: `oneway-${i}`, from: c, to: d.server, protocol: 'udp', pattern: plan.oneWay, sessions: 1, ratePps: 10 });
  });
  if (t.length === 0) t.push({ id: 'voice', from: d.clients[0]!, to: d.server, protocol: 'udp', pattern: 'bidirectional', sessions: 1, ratePps: 20 });
  return t;
}

function faultOf(plan: LabPlan, d: Drawn): Record<string, unknown>[] {
  const at = FAULT_AT_MS;
  const r = d.routers[plan.pick % d.routers.length]!;
  const link = d.wans[plan.pick % d.wans.length]!;
  switch (plan.fault) {
    case 'session-loss':
      return [{ atMs: at, type: 'session-loss', node: r, fraction: 1 }];
    case 'half-session-loss':
      return [{ atMs: at, type: 'session-loss', node: r, fraction: 0.5 }];
    case 'node-restart':
      return [{ atMs: at, type: 'node-restart', node: r, downtimeMs: plan.spanMs }];
    case 'link-down':
      return [{ atMs: at, type: 'link-down', link, durationMs: plan.spanMs }];
    case 'link-flap':
      return [{ atMs: at, type: 'link-flap', link, downMs: 200, upMs: 300, count: 3 }];
    case 'link-impair':
      return [{ atMs: at, type: 'link-impair', link, lossPct: 40, durationMs: plan.spanMs }];
    case 'nat-rebind':
      return d.nats.length > 0 ? [{ atMs: at, type: 'nat-rebind', link: d.nats[plan.pick % d.nats.length]! }] : [{ atMs: at, type: 'session-loss', node: r }];
    case 'both-ends-loss': {
      // Both ends of one hop lose their sessions 30 ms apart.
      const l = d.links.find((x) => x['id'] === link)!;
      return [
        { atMs: at, type: 'session-loss', node: l['a'] },
        { atMs: at + 30, type: 'session-loss', node: l['b'] },
      ];
    }
  }
}

/** The lab of `plan` with its fault, and the same lab without any fault. */
export function labsOf(plan: LabPlan): { faulty: Scenario; clean: Scenario; description: string } {
  const d = draw(plan);
  const raw = (faults: Record<string, unknown>[]) => ({
    format: 'session-recovery-lab/scenario',
    formatVersion: 1,
    name: `${plan.shape} ${plan.fault}`,
    seed: plan.seed,
    durationMs: DURATION_MS,
    authority: { sessionRecoveryDetection: { mode: plan.mode, inactivityTimeoutSec: plan.timeoutSec }, bfd: { holdDownMs: 3000 } },
    nodes: d.nodes,
    links: d.links,
    traffic: trafficOf(plan, d),
    faults,
  });
  const faults = faultOf(plan, d);
  return { faulty: parse(raw(faults)), clean: parse(raw([])), description: `${plan.shape} (${d.routers.join('–')}, NAT on ${d.nats.join(',') || 'none'}), fault ${JSON.stringify(faults)}` };
}
