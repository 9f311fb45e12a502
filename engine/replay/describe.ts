/**
 * Time travel's words for one event: steps a run by exactly one event and says what it was —
 * which packet, from where to where over which link, what the node did with it, and which of
 * the model's rules fired. Data-plane events are included: the engine's trace tells only
 * control-plane events, so a packet arrival is read from the links before the step (the head
 * packet of the direction that delivers next), and what the node sent is read after it.
 */
import type { Simulation } from '../sim.ts';
import type { TraceEvent } from '../model/trace.ts';
import type { Packet } from '../model/packet.ts';
import type { World } from '../model/world.ts';
import type { LinkDir } from '../model/network.ts';
import { App, Ev, EVENT_KIND_NAMES, FWD, LOSS_CAUSES, Pk } from '../model/constants.ts';

/** What an event is about, for filtering a stepped view. */
export const EVENT_CATEGORIES = ['data', 'control', 'app', 'timer', 'fault', 'sample'] as const;
/**
 * An event's category: `data` a data packet (or a scanner's probe) arriving, `control` a
 * control packet arriving (BFD, enable-metadata, acknowledgement, disable-forward-metadata),
 * `app` an application's timer (start, send, retransmit, give up), `timer` a router's timer
 * (health-check deadline, session expiry, BFD), `fault` a fault, a link's fault timer or a
 * router coming back, `sample` the emulator's own time-series sample.
 */
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

/** A packet an event is about. */
export interface PacketInfo {
  /** In words: `data packet with session metadata`, `BFD packet`, … */
  kind: string;
  /** Emulator session id, -1 when none (BFD, scanners). */
  session: number;
  link: string;
  from: string;
  to: string;
  /** Inner tuple in the packet's direction, `addr:port > addr:port` (node ids as addresses). */
  inner: string | null;
  /** Outer tuple (waypoint:wayport) when the packet carries one. */
  outer: string | null;
}

/** One event of a run, described. */
export interface SteppedEvent {
  /** The event's number: events processed once it has run (1 is the run's first). */
  n: number;
  /** Virtual time, µs. */
  tUs: number;
  /** Engine event kind (`packet-arrival`, `bfd-tick`, …). */
  kind: string;
  category: EventCategory;
  /** Where it happened (`emulator` for the emulator's own events). */
  node: string;
  /** The event in one or two sentences. */
  text: string;
  /** The packet that arrived, for a packet arrival. */
  packet: PacketInfo | null;
  /** Packets the event put on links, in words (`data packet with session metadata to hub1 over wan1`). */
  sent: string[];
  /** The model's rules that fired (sections of the model), from the trace. */
  rules: string[];
  /** What the event wrote to the event log. */
  trace: TraceEvent[];
}

const KIND_WORDS: Record<number, string> = {
  [Ev.AppStart]: 'an application session starts',
  [Ev.AppTick]: 'an application timer fires (the host sends)',
  [Ev.ServerTick]: 'a server timer fires (the server sends)',
  [Ev.Retransmit]: 'a retransmission timer fires',
  [Ev.AppTimeout]: "an application's give-up timer fires",
  [Ev.HealthCheckDeadline]: 'a health-check deadline passes',
  [Ev.SessionExpiry]: 'idle sessions are checked for expiry',
  [Ev.BfdTick]: 'a BFD timer fires (sends BFD, checks its peers)',
  [Ev.Fault]: 'a fault is applied',
  [Ev.NodeUp]: 'a restarted router comes back up',
  [Ev.Sample]: 'the emulator samples its charts',
  [Ev.ScanTick]: 'the scanner sends its next probes',
  [Ev.LinkTimer]: "a link fault's timer fires",
};

const APP_ROLES: Record<number, string> = { [App.Request]: 'request', [App.Response]: 'response', [App.Data]: 'data', [App.Ack]: 'ack' };

/** A packet's kind in words. */
function packetWords(p: Packet): string {
  switch (p.kind) {
    case Pk.Bfd:
      return 'BFD packet';
    case Pk.EnableMetadata:
      return p.probe ? 'enable-metadata packet (answering a health check)' : 'enable-metadata packet';
    case Pk.HealthCheckAck:
      return 'health-check acknowledgement';
    case Pk.DisableForwardMetadata:
      return 'disable-forward-metadata packet';
    case Pk.Scan:
      return 'scanner probe';
    default: {
      const role = p.app !== null ? ` (${APP_ROLES[p.appKind] ?? 'data'})` : '';
      const extras = [p.md && 'session metadata', p.hc !== 0 && 'a health check'].filter(Boolean).join(' and ');
      return `data packet${role}${extras ? ` with ${extras}` : ''}`;
    }
  }
}

function addrName(w: World, addr: number): string {
  return w.nodeIds[addr - 1] ?? `nat-${addr}`;
}

function packetInfo(w: World, d: LinkDir, linkId: string, p: Packet): PacketInfo {
  const client = `${addrName(w, p.cAddr)}:${p.cPort}`;
  const server = `${addrName(w, p.sAddr)}:${p.sPort}`;
  const hasInner = p.cAddr !== 0 || p.sAddr !== 0;
  return {
    kind: packetWords(p),
    session: p.app?.id ?? -1,
    link: linkId,
    from: w.nodeIds[d.from] ?? '?',
    to: w.nodeIds[d.to] ?? '?',
    inner: hasInner ? (p.dir === FWD ? `${client} > ${server}` : `${server} > ${client}`) : null,
    outer: p.oSrcAddr !== 0 ? `${addrName(w, p.oSrcAddr)}:${p.oSrcPort} > ${addrName(w, p.oDstAddr)}:${p.oDstPort}` : null,
  };
}

/** The link direction whose head packet arrives first (the next packet-arrival event, if that comes next). */
function nextArrival(w: World): { d: LinkDir; link: string; p: Packet } | null {
  let best: { d: LinkDir; link: string; p: Packet } | null = null;
  for (const l of w.links) {
    for (const d of l.dirs) {
      const p = d.first;
      if (p !== null && (best === null || p.arrT < best.p.arrT || (p.arrT === best.p.arrT && p.arrSeq < best.p.arrSeq))) best = { d, link: l.id, p };
    }
  }
  return best;
}

/** Packets every direction holds, to tell what one event put on the links. */
function counts(w: World): Int32Array {
  const c = new Int32Array(w.links.length * 2);
  for (const l of w.links) {
    c[l.index * 2] = l.dirs[0].count;
    c[l.index * 2 + 1] = l.dirs[1].count;
  }
  return c;
}

function sentSince(w: World, before: Int32Array, arrived: LinkDir | null): string[] {
  const out: string[] = [];
  for (const l of w.links) {
    for (const d of l.dirs) {
      // The direction the packet arrived from lost its head: anything added is beyond that one.
      const added = d.count - before[d.index]! + (d === arrived ? 1 : 0);
      let k = 0;
      for (const p of d.queued()) {
        if (k++ < d.count - added) continue;
        out.push(`${packetWords(p)}${p.app ? ` of session ${p.app.id}` : ''} to ${w.nodeIds[d.to] ?? '?'} over ${l.id}`);
      }
    }
  }
  return out;
}

/** An event's category from its kind and, for a packet arrival, the packet's kind (-1: unknown). */
function categoryOf(kind: number, packetKind: number): EventCategory {
  switch (kind) {
    case Ev.LinkArrival:
      return packetKind === Pk.Data || packetKind === Pk.Scan || packetKind < 0 ? 'data' : 'control';
    case Ev.AppStart:
    case Ev.AppTick:
    case Ev.ServerTick:
    case Ev.Retransmit:
    case Ev.AppTimeout:
    case Ev.ScanTick:
      return 'app';
    case Ev.HealthCheckDeadline:
    case Ev.SessionExpiry:
    case Ev.BfdTick:
      return 'timer';
    case Ev.Sample:
      return 'sample';
    default:
      return 'fault';
  }
}

function traceWords(e: TraceEvent): string {
  const rule = e.detail['rule'];
  const extra = Object.entries(e.detail)
    .filter(([k]) => k !== 'rule')
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
  return `${e.node}: ${e.kind}${e.session >= 0 ? ` (session ${e.session})` : ''}${extra ? ` [${extra}]` : ''}${typeof rule === 'string' ? ` — rule ${rule}` : ''}`;
}

/** Plural `n` of `word`. */
function many(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Runs exactly one event of `sim` and describes it; null when the run has no event left.
 * The run goes on exactly as `sim.step()` would (the description only reads the world), and
 * the run's own trace listener, if any, still hears the event's trace.
 */
export function stepDescribed(sim: Simulation): SteppedEvent | null {
  const w = sim.w;
  const head = nextArrival(w);
  const info = head ? packetInfo(w, head.d, head.link, head.p) : null;
  // Read now: a packet dropped or consumed goes back to the pool and is cleared.
  const kindBefore = head?.p.kind ?? -1;
  const linkUp = head ? w.links[head.d.index >> 1]!.up : true;
  const before = counts(w);
  const lostBefore = Float64Array.from(w.metrics.lostBy);
  const deliveredBefore = w.metrics.delivered;
  const trace: TraceEvent[] = [];
  const listener = w.trace;
  w.trace = (e) => {
    trace.push(e);
    listener?.(e);
  };
  let ran: boolean;
  try {
    ran = sim.step();
  } finally {
    w.trace = listener;
  }
  if (!ran) return null;
  const last = sim.lastEvent;
  // Every non-empty direction has one arrival pending at its head's (time, seq): if a packet
  // arrival ran, it was the earliest head's.
  const arrived = head !== null && last.kind === Ev.LinkArrival ? head : null;
  const node = w.nodeIds[last.node] ?? 'emulator';
  const sent = sentSince(w, before, arrived?.d ?? null);
  const lost: string[] = [];
  LOSS_CAUSES.forEach((cause, i) => {
    const n = w.metrics.lostBy[i]! - lostBefore[i]!;
    if (n > 0) lost.push(`${many(n, 'data packet')} lost (${cause})`);
  });
  const delivered = w.metrics.delivered - deliveredBefore;
  const parts: string[] = [];
  let pkt: PacketInfo | null = null;
  if (arrived && info) {
    pkt = info;
    const about = info.session >= 0 ? ` of session ${info.session}` : '';
    const tuple = info.inner ? ` (${info.inner}${info.outer ? `, outer ${info.outer}` : ''})` : info.outer ? ` (outer ${info.outer})` : '';
    parts.push(`${info.kind[0]!.toUpperCase()}${info.kind.slice(1)}${about}${tuple} arrives at ${info.to} over ${info.link} from ${info.from}.`);
    if (!linkUp) parts.push(`The link is down: the packet is lost.`);
  } else {
    const words = KIND_WORDS[last.kind] ?? EVENT_KIND_NAMES[last.kind] ?? 'an event';
    parts.push(`${node === 'emulator' ? '' : `At ${node}, `}${node === 'emulator' ? `${words[0]!.toUpperCase()}${words.slice(1)}` : words}.`);
  }
  if (delivered > 0) parts.push(`${many(delivered, 'packet')} delivered to the application.`);
  if (sent.length > 0) parts.push(`${node} sends ${sent.length <= 3 ? sent.join('; ') : `${sent.slice(0, 3).join('; ')} and ${sent.length - 3} more`}.`);
  if (lost.length > 0) parts.push(`${lost.join('; ')}.`);
  for (const e of trace) parts.push(`${traceWords(e)}.`);
  const rules = [...new Set(trace.map((e) => e.detail['rule']).filter((r): r is string => typeof r === 'string'))];
  return {
    n: w.events,
    tUs: last.time,
    kind: EVENT_KIND_NAMES[last.kind] ?? String(last.kind),
    category: categoryOf(last.kind, arrived ? kindBefore : -1),
    node,
    text: parts.join(' '),
    packet: pkt,
    sent,
    rules,
    trace,
  };
}

/**
 * Runs exactly one event of `sim` and returns its category (cheaper than
 * {@link stepDescribed}: for looking for the next event of some categories); null when none is left.
 */
export function stepCategory(sim: Simulation): EventCategory | null {
  const head = nextArrival(sim.w);
  const kind = head?.p.kind ?? -1;
  if (!sim.step()) return null;
  const last = sim.lastEvent;
  return categoryOf(last.kind, head !== null && last.kind === Ev.LinkArrival ? kind : -1);
}
