/**
 * How much work and memory a scenario asks for, before running it. A file can be valid and
 * still impossible: 100 000 sessions at 10⁶ packets a second for 24 hours, or 1 000 link flaps of
 * 100 000 flaps each. The estimate follows the model's own rules (hosts.ts for what each traffic
 * pattern sends, faults.ts for what a flap or a scan schedules, routing along the shortest path)
 * closely enough to tell "seconds" from "days" and "megabytes" from "more than this machine has";
 * it is an order of magnitude, not a promise. Pure: no clock, no I/O.
 */
import type { Fault, Scenario, TrafficDef } from './schema.ts';

/** One contributor to the estimate, named by its JSON path. */
export interface EstimatePart {
  /** Where it comes from: `traffic[0]`, `faults[3]`, `authority.bfd`, `(series)`. */
  path: string;
  packets: number;
  events: number;
  memoryBytes: number;
  /** What to change to make it smaller, as JSON paths in backquotes. */
  lower: string;
}

/** The whole estimate. */
export interface WorkEstimate {
  /** Packets sent by hosts, routers (BFD) and scanners. */
  packets: number;
  /** Engine events (each packet is one event per link it crosses, plus timers). */
  events: number;
  /** Application sessions opened (reconnects not counted). */
  sessions: number;
  /** Peak memory of the run and its result, bytes. */
  memoryBytes: number;
  parts: EstimatePart[];
}

/** Limits of the check: a soft one `--force` may pass, a hard one nothing passes. */
export interface WorkLimits {
  softEvents: number;
  hardEvents: number;
  softMemoryBytes: number;
  hardMemoryBytes: number;
}

/**
 * Default limits. Measured on a laptop core the engine runs about 2–5 million events a second,
 * so the soft limit is a few minutes of work, the hard one most of a day. The memory limits
 * sit under V8's default heap (about 4 GB on 64-bit machines): past it the process dies.
 */
export const DEFAULT_WORK_LIMITS: WorkLimits = {
  softEvents: 5e8,
  hardEvents: 2e11,
  softMemoryBytes: 1.5 * 2 ** 30,
  hardMemoryBytes: 3.5 * 2 ** 30,
};

/** The outcome of {@link checkWork}: fine, over the soft limit, or over the hard one. */
export type WorkCheck = { level: 'ok'; estimate: WorkEstimate } | { level: 'soft' | 'hard'; estimate: WorkEstimate; message: string };

// Bytes per thing, measured with process.memoryUsage on the templates (rounded up).
const SESSION_BYTES = 700;
const ROUTER_SESSION_BYTES = 250;
const QUEUED_EVENT_BYTES = 48;
const PACKET_BYTES = 200;
const SAMPLE_BYTES = 9;
const CHECKPOINT_BYTES = 120;
const TRACE_CAP_BYTES = 200_000 * 250;
const SAMPLE_MS = 100;
const CONTROL_SERIES = 6;
const MAX_LINK_SERIES = 256;

/** Estimates the work and memory of a parsed scenario. */
export function estimateWork(s: Scenario): WorkEstimate {
  const steady = steadyParts(s);
  const parts: EstimatePart[] = [...steady.traffic];
  s.faults.forEach((f, i) => {
    const p = faultPart(s, f, i);
    if (p) parts.push(p);
  });
  parts.push(...steady.rest);
  let packets = 0;
  let events = 0;
  let memoryBytes = TRACE_CAP_BYTES;
  for (const p of parts) {
    packets += p.packets;
    events += p.events;
    memoryBytes += p.memoryBytes;
  }
  return { packets, events, sessions: steady.sessions, memoryBytes, parts };
}

/** What a scenario's estimate has apart from its faults (see {@link steadyParts}). */
interface SteadyParts {
  /** The scenario they were estimated for. */
  from: Scenario;
  /** One part per traffic definition. */
  traffic: EstimatePart[];
  /** BFD's part and the series'. */
  rest: EstimatePart[];
  sessions: number;
}

/**
 * Parts apart from faults, by the scenario's traffic list: a sweep estimates a hundred variants
 * of one lab that share every list but the faults (estimating each anew took a tenth of a second
 * before a 100-spoke N-1 sweep could start).
 */
const steady = new WeakMap<object, SteadyParts>();

function steadyParts(s: Scenario): SteadyParts {
  const known = steady.get(s.traffic);
  if (known !== undefined) {
    const f = known.from;
    if (f.nodes === s.nodes && f.links === s.links && f.authority === s.authority && f.durationMs === s.durationMs) return known;
  }
  const graph = topology(s);
  const out: SteadyParts = {
    from: s,
    traffic: s.traffic.map((t, i) => trafficPart(s, t, i, graph)),
    rest: [bfdPart(s, graph), seriesPart(s)],
    sessions: s.traffic.reduce((n, t) => n + t.sessions, 0),
  };
  steady.set(s.traffic, out);
  return out;
}

/** Checks a scenario against `limits`; over a limit, a message naming the path and the figures. */
export function checkWork(s: Scenario, limits: WorkLimits = DEFAULT_WORK_LIMITS): WorkCheck {
  const e = estimateWork(s);
  const hard = e.memoryBytes > limits.hardMemoryBytes || e.events > limits.hardEvents;
  const soft = e.memoryBytes > limits.softMemoryBytes || e.events > limits.softEvents;
  if (!hard && !soft) return { level: 'ok', estimate: e };
  const level = hard ? 'hard' : 'soft';
  const eventLimit = hard ? limits.hardEvents : limits.softEvents;
  const memoryLimit = hard ? limits.hardMemoryBytes : limits.softMemoryBytes;
  const overEvents = e.events > eventLimit;
  const overMemory = e.memoryBytes > memoryLimit;
  const figures: string[] = [];
  const limitsSaid: string[] = [];
  if (overEvents) {
    figures.push(`about ${sci(e.packets)} packets (${sci(e.events)} engine events)`);
    limitsSaid.push(`${sci(eventLimit)} events`);
  }
  if (overMemory) {
    figures.push(`about ${bytes(e.memoryBytes)} of memory for ${sci(e.sessions)} sessions`);
    limitsSaid.push(bytes(memoryLimit));
  }
  // Memory is the one that ends the process: blame its biggest source when it is over.
  const by = overMemory ? (p: EstimatePart) => p.memoryBytes : (p: EstimatePart) => p.events;
  const { top, source } = biggest(e.parts, by);
  return {
    level,
    estimate: e,
    message: `this scenario asks for ${figures.join(' and ')}; the limit${limitsSaid.length > 1 ? 's are' : ' is'} ${limitsSaid.join(' and ')}${source}: lower ${top.lower}`,
  };
}

/**
 * The biggest contributor: by group (`traffic`, `faults`, …) first, since 200 similar traffic
 * definitions matter together, then the biggest member of that group.
 */
function biggest(parts: readonly EstimatePart[], by: (p: EstimatePart) => number): { top: EstimatePart; source: string } {
  const groups = new Map<string, EstimatePart[]>();
  for (const p of parts) {
    const key = p.path.replace(/\[\d+\]$/, '');
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  let best: EstimatePart[] = [];
  let bestSum = -1;
  for (const members of groups.values()) {
    const sum = members.reduce((a, p) => a + by(p), 0);
    if (sum > bestSum) {
      best = members;
      bestSum = sum;
    }
  }
  const top = [...best].sort((a, b) => by(b) - by(a))[0]!;
  if (top.path.startsWith('(')) return { top, source: '' };
  if (best.length === 1) return { top, source: `; most of it comes from \`${top.path}\`` };
  const group = top.path.replace(/\[\d+\]$/, '');
  return { top, source: `; most of it comes from the ${best.length} entries of \`${group}\` (the biggest is \`${top.path}\`)` };
}

// ---- parts ---------------------------------------------------------------------------------

/** Links crossed along a path and their one-way latency. */
interface Route {
  hops: number;
  latencyMs: number;
  routers: number;
}

interface Graph {
  index: Map<string, number>;
  routers: boolean[];
  adj: { to: number; latencyMs: number }[][];
  /** Paths already found, by "from\0to". */
  routes: Map<string, Route>;
}

/**
 * Graphs already built, by the scenario's node and link lists: a sweep estimates a hundred
 * variants of one lab that share those lists (only their faults differ).
 */
const graphs = new WeakMap<object, { nodes: object; graph: Graph }>();

function topology(s: Scenario): Graph {
  const known = graphs.get(s.links);
  if (known !== undefined && known.nodes === s.nodes) return known.graph;
  const graph = buildTopology(s);
  graphs.set(s.links, { nodes: s.nodes, graph });
  return graph;
}

function buildTopology(s: Scenario): Graph {
  const index = new Map<string, number>();
  s.nodes.forEach((n, i) => index.set(n.id, i));
  const routers = s.nodes.map((n) => n.kind === 'spoke' || n.kind === 'hub');
  const adj: { to: number; latencyMs: number }[][] = s.nodes.map(() => []);
  for (const l of s.links) {
    const a = index.get(l.a);
    const b = index.get(l.b);
    if (a === undefined || b === undefined) continue;
    adj[a]!.push({ to: b, latencyMs: l.latencyMs + l.jitterMs });
    adj[b]!.push({ to: a, latencyMs: l.latencyMs + l.jitterMs });
  }
  return { index, routers, adj, routes: new Map() };
}

/** Links crossed from `from` to `to` (fewest hops) and their one-way latency, ms. */
function path(g: Graph, from: string, to: string): Route {
  const key = `${from}\u0000${to}`;
  let r = g.routes.get(key);
  if (r === undefined) g.routes.set(key, (r = shortestPath(g, from, to)));
  return r;
}

function shortestPath(g: Graph, from: string, to: string): Route {
  const a = g.index.get(from);
  const b = g.index.get(to);
  if (a === undefined || b === undefined) return { hops: 1, latencyMs: 0, routers: 0 };
  const prev = new Map<number, { node: number; latencyMs: number }>([[a, { node: -1, latencyMs: 0 }]]);
  const queue = [a];
  for (let k = 0; k < queue.length && !prev.has(b); k++) {
    const n = queue[k]!;
    for (const e of g.adj[n]!) {
      if (prev.has(e.to)) continue;
      prev.set(e.to, { node: n, latencyMs: e.latencyMs });
      queue.push(e.to);
    }
  }
  if (!prev.has(b)) return { hops: 1, latencyMs: 0, routers: 0 };
  let hops = 0;
  let latencyMs = 0;
  let routers = 0;
  for (let n = b; n !== a;) {
    const p = prev.get(n)!;
    hops++;
    latencyMs += p.latencyMs;
    if (g.routers[n]) routers++;
    n = p.node;
  }
  return { hops, latencyMs, routers };
}

/** Sends a second as the engine schedules them (its timers are whole µs, at least 1). */
function perSecond(everyUs: number): number {
  return 1_000_000 / Math.max(1, Math.round(everyUs));
}

function trafficPart(s: Scenario, t: TrafficDef, i: number, g: Graph): EstimatePart {
  const at = `traffic[${i}]`;
  const route = path(g, t.from, t.to);
  const stopMs = t.stopMs === null ? s.durationMs : Math.min(s.durationMs, t.stopMs);
  const seconds = Math.max(0, stopMs - t.startMs) / 1000;
  const active = t.burst ? t.burst.activeMs / (t.burst.activeMs + t.burst.idleMs) : 1;
  const tcp = t.protocol === 'tcp';
  const rate = perSecond(1_000_000 / t.ratePps);
  let perSession: number;
  let lower: string;
  switch (t.pattern) {
    case 'request-response': {
      // Over TCP the next request waits for the answer: at most one per round trip.
      const rttUs = 2 * route.latencyMs * 1000;
      const intervalUs = Math.max(1, Math.round(t.intervalMs * 1000));
      const everyUs = tcp && rttUs > intervalUs ? Math.ceil(rttUs / intervalUs) * intervalUs : intervalUs;
      perSession = perSecond(everyUs) * (1 + t.responsePackets);
      lower = `\`${at}.sessions\`, \`${at}.responsePackets\` or \`durationMs\`, or raise \`${at}.intervalMs\``;
      break;
    }
    case 'stream-up':
    case 'stream-down':
      perSession = rate * (tcp ? 1.5 : 1);
      lower = `\`${at}.ratePps\`, \`${at}.sessions\` or \`durationMs\``;
      break;
    default:
      perSession = rate * 2;
      lower = `\`${at}.ratePps\`, \`${at}.sessions\` or \`durationMs\``;
  }
  const packets = t.sessions * perSession * seconds * active;
  const events = packets * (route.hops + 1) + t.sessions;
  const inFlight = Math.min(packets, t.sessions * perSession * active * (route.latencyMs / 1000 + 0.001)) * PACKET_BYTES;
  const memoryBytes = t.sessions * (SESSION_BYTES + ROUTER_SESSION_BYTES * Math.max(1, route.routers)) + t.sessions * QUEUED_EVENT_BYTES * 2 + inFlight;
  return { path: at, packets, events, memoryBytes, lower };
}

function faultPart(s: Scenario, f: Fault, i: number): EstimatePart | null {
  const at = `faults[${i}]`;
  switch (f.type) {
    case 'link-flap': {
      // Every down and up of the flap is queued at once when the fault happens.
      const events = 2 * f.count;
      return { path: at, packets: 0, events: events * 2, memoryBytes: events * (QUEUED_EVENT_BYTES + 16), lower: `\`${at}.count\`` };
    }
    case 'scan': {
      const seconds = Math.min(f.durationMs, Math.max(0, s.durationMs - f.atMs)) / 1000;
      const packets = perSecond(1_000_000 / f.ratePps) * seconds;
      return { path: at, packets, events: packets * 2, memoryBytes: 0, lower: `\`${at}.ratePps\` or \`${at}.durationMs\`` };
    }
    default:
      return null;
  }
}

function bfdPart(s: Scenario, g: Graph): EstimatePart {
  // Each router probes every router it has a link to, both ways, each tx interval.
  let packets = 0;
  const seconds = s.durationMs / 1000;
  s.nodes.forEach((n, i) => {
    if (!g.routers[i]) return;
    const tx = (n.kind === 'spoke' || n.kind === 'hub' ? n.bfd?.txIntervalMs : undefined) ?? s.authority.bfd.txIntervalMs;
    const peers = g.adj[i]!.filter((e) => g.routers[e.to]).length;
    packets += peers * perSecond(tx * 1000) * seconds;
  });
  return { path: 'authority.bfd', packets, events: packets * 2, memoryBytes: 0, lower: '`durationMs`, or raise `authority.bfd.txIntervalMs`' };
}

function seriesPart(s: Scenario): EstimatePart {
  const samples = s.durationMs / SAMPLE_MS;
  const columns = 5 + CONTROL_SERIES + 2 * Math.min(s.links.length, MAX_LINK_SERIES);
  const memoryBytes = samples * columns * SAMPLE_BYTES + (s.durationMs / 1000) * CHECKPOINT_BYTES;
  return { path: '(series)', packets: 0, events: samples, memoryBytes, lower: '`durationMs`' };
}

// ---- words ---------------------------------------------------------------------------------

/** 8.6e12 style, or a plain whole number under 100 000. */
function sci(n: number): string {
  if (n < 100_000) return String(Math.round(n));
  return n.toExponential(1).replace('e+', 'e');
}

function bytes(n: number): string {
  if (n >= 2 ** 40) return `${(n / 2 ** 40).toFixed(1)} TB`;
  if (n >= 2 ** 30) return `${(n / 2 ** 30).toFixed(1)} GB`;
  return `${Math.round(n / 2 ** 20)} MB`;
}
