/**
 * Terse scenario builders and a runner for the model tests. Everything goes through the public
 * loader (`parseScenario`), so tests exercise exactly what a scenario file would.
 */
import { COUNTER_PATHS, parseScenario, Simulation, type RunResult, type Scenario, type TraceEvent } from '../../../engine/index.ts';
import type { RouterRt } from '../../../engine/model/network.ts';
import { NIL, sideInfo, type SideInfo } from '../../../engine/model/session-store.ts';

/** Recovery detection mode. */
export type Mode = 'packet-based' | 'inactivity-based';

/** A router's per-router recovery override, or just a mode. */
export type RouterOverride = Mode | { mode?: Mode; inactivityTimeoutSec?: number };

/** Settings shared by every builder. Anything omitted takes the file format's default. */
export interface CommonOptions {
  name?: string;
  seed?: number;
  durationMs?: number;
  /** Authority-wide recovery mode. */
  mode?: Mode;
  /** Authority-wide inactivity timeout, whole seconds. */
  timeoutSec?: number;
  healthCheckAckTimeoutMs?: number;
  controlPacketsPerSec?: number;
  sessionTimeouts?: { tcpMs?: number; tcpInitialMs?: number; udpMs?: number };
  bfd?: { txIntervalMs?: number; multiplier?: number; holdDownMs?: number };
  /** Traffic definitions; `id`, `from` and `to` are filled in when missing. */
  traffic?: Record<string, unknown>[];
  faults?: Record<string, unknown>[];
  /** Last word on the raw file before parsing (add nodes, links…). */
  edit?: (raw: RawScenario) => void;
}

/** Options of {@link spokeHub}. */
export interface SpokeHubOptions extends CommonOptions {
  spokeMode?: RouterOverride;
  hubMode?: RouterOverride;
  spokeVersion?: string;
  hubVersion?: string;
  /** NAT on wan1 with the spoke inside: `true` for the default binding timeout. */
  nat?: boolean | { bindingTimeoutMs: number };
  wanLatencyMs?: number;
  jitterMs?: number;
  lossPct?: number;
}

/** Options of {@link dualHub}. */
export interface DualHubOptions extends CommonOptions {
  spokeMode?: RouterOverride;
  hub1Mode?: RouterOverride;
  hub2Mode?: RouterOverride;
  /** One-way latency of wan1 (spoke1–hub1), default 20 ms. */
  wan1LatencyMs?: number;
  /** One-way latency of wan2 (spoke1–hub2), default 30 ms. */
  wan2LatencyMs?: number;
  /** NAT on both WAN links with the spoke inside. */
  nat?: boolean;
}

/** A raw (unparsed) scenario file, mutable. */
export interface RawScenario {
  format: string;
  formatVersion: number;
  name: string;
  seed?: number;
  durationMs: number;
  authority: Record<string, unknown>;
  nodes: Record<string, unknown>[];
  links: Record<string, unknown>[];
  traffic: Record<string, unknown>[];
  faults: Record<string, unknown>[];
}

function override(o: RouterOverride | undefined): Record<string, unknown> | undefined {
  if (o === undefined) return undefined;
  return typeof o === 'string' ? { mode: o } : { ...o };
}

function router(id: string, kind: 'spoke' | 'hub', version?: string, mode?: RouterOverride): Record<string, unknown> {
  const n: Record<string, unknown> = { id, kind };
  if (version !== undefined) n['softwareVersion'] = version;
  const srd = override(mode);
  if (srd !== undefined) n['sessionRecoveryDetection'] = srd;
  return n;
}

function authority(o: CommonOptions): Record<string, unknown> {
  const a: Record<string, unknown> = {};
  const srd: Record<string, unknown> = {};
  if (o.mode !== undefined) srd['mode'] = o.mode;
  if (o.timeoutSec !== undefined) srd['inactivityTimeoutSec'] = o.timeoutSec;
  a['sessionRecoveryDetection'] = srd;
  if (o.healthCheckAckTimeoutMs !== undefined) a['healthCheckAckTimeoutMs'] = o.healthCheckAckTimeoutMs;
  if (o.controlPacketsPerSec !== undefined) a['controlPacketsPerSec'] = o.controlPacketsPerSec;
  if (o.sessionTimeouts !== undefined) a['sessionTimeouts'] = { ...o.sessionTimeouts };
  if (o.bfd !== undefined) a['bfd'] = { ...o.bfd };
  return a;
}

function trafficDefs(defs: Record<string, unknown>[] | undefined, from: string): Record<string, unknown>[] {
  return (defs ?? []).map((t, i) => ({ id: `t${i + 1}`, from, to: 'server1', ...t }));
}

/** Parses a raw scenario, throwing with every problem when the loader refuses it. */
export function parse(raw: RawScenario | Record<string, unknown>): Scenario {
  const r = parseScenario(raw);
  if (!r.ok) throw new Error(`scenario refused:\n${r.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return r.scenario;
}

function finish(raw: RawScenario, o: CommonOptions): Scenario {
  o.edit?.(raw);
  return parse(raw);
}

function base(o: CommonOptions, name: string): RawScenario {
  const raw: RawScenario = {
    format: 'session-recovery-lab/scenario',
    formatVersion: 1,
    name: o.name ?? name,
    durationMs: o.durationMs ?? 20_000,
    authority: authority(o),
    nodes: [],
    links: [],
    traffic: [],
    faults: [...(o.faults ?? [])],
  };
  if (o.seed !== undefined) raw.seed = o.seed;
  return raw;
}

/**
 * client1 – spoke1 – wan1 – hub1 – server1. LAN links 0.5 ms, wan1 20 ms by default; with `nat`
 * the spoke is the inside of a NAT on wan1.
 */
export function spokeHub(o: SpokeHubOptions = {}): Scenario {
  const raw = base(o, 'spoke and hub');
  raw.nodes = [{ id: 'client1', kind: 'client' }, router('spoke1', 'spoke', o.spokeVersion, o.spokeMode), router('hub1', 'hub', o.hubVersion, o.hubMode), { id: 'server1', kind: 'server' }];
  const wan: Record<string, unknown> = { id: 'wan1', a: 'spoke1', b: 'hub1', latencyMs: o.wanLatencyMs ?? 20 };
  if (o.jitterMs !== undefined) wan['jitterMs'] = o.jitterMs;
  if (o.lossPct !== undefined) wan['lossPct'] = o.lossPct;
  if (o.nat) wan['nat'] = o.nat === true ? { inside: 'spoke1' } : { inside: 'spoke1', ...o.nat };
  raw.links = [{ id: 'lan1', a: 'client1', b: 'spoke1', latencyMs: 0.5 }, wan, { id: 'lan2', a: 'hub1', b: 'server1', latencyMs: 0.5 }];
  raw.traffic = trafficDefs(o.traffic, 'client1');
  return finish(raw, o);
}

/**
 * client1 – spoke1 with two WAN paths: wan1 to hub1 (20 ms) and wan2 to hub2 (30 ms); both hubs
 * are linked to server1 (lan2, lan3).
 */
export function dualHub(o: DualHubOptions = {}): Scenario {
  const raw = base(o, 'dual hub');
  raw.nodes = [
    { id: 'client1', kind: 'client' },
    router('spoke1', 'spoke', undefined, o.spokeMode),
    router('hub1', 'hub', undefined, o.hub1Mode),
    router('hub2', 'hub', undefined, o.hub2Mode),
    { id: 'server1', kind: 'server' },
  ];
  const nat = o.nat ? { nat: { inside: 'spoke1' } } : {};
  raw.links = [
    { id: 'lan1', a: 'client1', b: 'spoke1', latencyMs: 0.5 },
    { id: 'wan1', a: 'spoke1', b: 'hub1', latencyMs: o.wan1LatencyMs ?? 20, ...nat },
    { id: 'wan2', a: 'spoke1', b: 'hub2', latencyMs: o.wan2LatencyMs ?? 30, ...nat },
    { id: 'lan2', a: 'hub1', b: 'server1', latencyMs: 0.5 },
    { id: 'lan3', a: 'hub2', b: 'server1', latencyMs: 0.5 },
  ];
  raw.traffic = trafficDefs(o.traffic, 'client1');
  return finish(raw, o);
}

/** What {@link run} returns. */
export interface Run {
  result: RunResult;
  trace: TraceEvent[];
  sim: Simulation;
}

/** Options of {@link run}. */
export interface RunOpts {
  seed?: number;
  durationMs?: number;
  /** Collect trace events (default true). */
  trace?: boolean;
}

/** Runs a scenario to the end, collecting its trace. */
export function run(scenario: Scenario, opts: RunOpts = {}): Run {
  const trace: TraceEvent[] = [];
  const o: ConstructorParameters<typeof Simulation>[1] = {};
  if (opts.seed !== undefined) o.seed = opts.seed;
  if (opts.durationMs !== undefined) o.durationMs = opts.durationMs;
  if (opts.trace !== false) o.trace = (e) => trace.push(e);
  const sim = new Simulation(scenario, o);
  const result = sim.run();
  return { result, trace, sim };
}

/**
 * A router's counter by the last segment(s) of its path, e.g. `counter(r, 'hub1', 'added')` or
 * `counter(r, 'spoke1', 'emulator/sessions-created')`. Throws unless exactly one path matches.
 */
export function counter(result: RunResult, routerId: string, name: string): number {
  const all = result.summary.counters[routerId];
  if (all === undefined) throw new Error(`no counters for router "${routerId}"`);
  const hits = Object.keys(all).filter((p) => p === name || p.endsWith(`/${name}`));
  if (hits.length !== 1) throw new Error(`counter "${name}" matches ${hits.length} paths: ${hits.join(', ')}`);
  return all[hits[0]!]!;
}

/** Trace events of one kind (optionally at one node). */
export function events(trace: readonly TraceEvent[], kind: string, node?: string): TraceEvent[] {
  return trace.filter((e) => e.kind === kind && (node === undefined || e.node === node));
}

/** A router's run-time state (white-box reads only). */
export function routerRt(sim: Simulation, id: string): RouterRt {
  const r = sim.w.routers[sim.w.nodeIds.indexOf(id)];
  if (!r) throw new Error(`"${id}" is not a router`);
  return r;
}

/** A router's WAN sides (every outer tuple it answers to, in table order), read at once (white-box). */
export function wanSides(sim: Simulation, id: string): SideInfo[] {
  return [...routerRt(sim, id).wan.values()].map((ws) => sideInfo(sim.w.sessions, ws));
}

/**
 * The routers' tables and the session store agree, and nothing leaks: every inner tuple names a
 * live session of that router, every outer tuple a side of one (the side its session holds),
 * and the ids in use are exactly those of the sessions in the tables and of their sides.
 * Returns what is wrong, or an empty list.
 */
export function tableProblems(sim: Simulation): string[] {
  const w = sim.w;
  const st = w.sessions;
  const out: string[] = [];
  let sessions = 0;
  const sides = new Set<number>();
  for (const r of w.routerList) {
    let n = 0;
    for (const s of r.lan.values()) {
      n++;
      if (!st.alive(s) || st.router(s) !== r.node) out.push(`${r.id}: inner tuple names session ${s}, not a live session of ${r.id}`);
      for (const side of [0, 1] as const) if (st.wan(s, side) !== NIL) sides.add(st.wan(s, side));
    }
    if (n !== r.sessions) out.push(`${r.id}: ${n} sessions in its table, counts ${r.sessions}`);
    sessions += n;
    for (const ws of r.wan.values()) {
      const s = st.sess(ws);
      if (!st.alive(s) || st.router(s) !== r.node) out.push(`${r.id}: outer tuple names side ${ws} of session ${s}, not a live session of ${r.id}`);
      else if (st.wan(s, st.side(ws)) !== ws) out.push(`${r.id}: outer tuple names side ${ws}, which session ${s} no longer holds`);
    }
  }
  if (st.sessionsInUse !== sessions) out.push(`${st.sessionsInUse} session ids in use for ${sessions} sessions in tables`);
  if (st.sidesInUse !== sides.size) out.push(`${st.sidesInUse} side ids in use for ${sides.size} sides of sessions in tables`);
  return out;
}

/** A router's counter as it stands now in a running simulation (same naming as {@link counter}). */
export function liveCounter(sim: Simulation, routerId: string, name: string): number {
  const hits = COUNTER_PATHS.map((p, i) => [p, i] as const).filter(([p]) => p === name || p.endsWith(`/${name}`));
  if (hits.length !== 1) throw new Error(`counter "${name}" matches ${hits.length} paths`);
  return routerRt(sim, routerId).counters[hits[0]![1]]!;
}

/**
 * Steps through a run event by event and returns the virtual times (µs) at which `probe()`
 * changed value. For a few-second run with one or two sessions this stays fast.
 */
export function timesOfChange(sim: Simulation, probe: () => number): number[] {
  const times: number[] = [];
  let last = probe();
  while (sim.step()) {
    const v = probe();
    if (v !== last) {
      times.push(sim.nowUs);
      last = v;
    }
  }
  return times;
}
