/**
 * The first divergence of two runs of the same topology: the virtual time and event at which
 * they first differ. The stored per-second fingerprint checkpoints narrow it to one second by
 * search; only that far are both runs re-run, then stepped side by side event by event.
 */
import type { Scenario } from '../scenario/schema.ts';
import { Simulation } from '../sim.ts';
import type { Checkpoint, WorldOptions } from '../model/world.ts';
import { Act, EVENT_KIND_NAMES, LOSS_CAUSES } from '../model/constants.ts';
import { COUNTER_PATHS } from '../metrics/counters.ts';

/** One run as the divergence search needs it. */
export interface RunToCompare {
  scenario: Scenario;
  options: WorldOptions;
  checkpoints: readonly Checkpoint[];
  fingerprint: string;
  /** The events a stopped run ran: it has none past them (absent: it ran to its end). */
  stoppedAtEvents?: number;
}

/** An event as the search reports it. */
export interface EventRef {
  tMs: number;
  node: string;
  kind: string;
  /**
   * The first thing this run did in that event that the other did not (a packet sent, lost or
   * delivered, a counter moved), in words; absent when the events themselves differ.
   */
  action?: string;
}

/** Where two runs first differ. */
export type Divergence =
  | { kind: 'identical'; events: number }
  | { kind: 'different-topology'; reason: string }
  | {
      kind: 'diverged';
      /** Virtual time of the first differing event, ms. */
      tMs: number;
      /** Index of that event (events before it are the same in both runs). */
      eventIndex: number;
      a: EventRef | null;
      b: EventRef | null;
      /** Last checkpoint both runs share, ms (-1 when they differ from the first second). */
      lastCommonCheckpointMs: number;
    };

/** Whether two scenarios have the same nodes and links (ids, kinds, endpoints). */
export function sameTopology(a: Scenario, b: Scenario): string | null {
  const nodes = (s: Scenario) => s.nodes.map((n) => `${n.id}:${n.kind}`).join(',');
  const links = (s: Scenario) => s.links.map((l) => `${l.id}:${l.a}-${l.b}`).join(',');
  if (nodes(a) !== nodes(b)) return 'the runs have different nodes';
  if (links(a) !== links(b)) return 'the runs have different links';
  return null;
}

/** Finds the first event at which two runs differ (a pure search; re-runs only as far as needed). */
export function firstDivergence(a: RunToCompare, b: RunToCompare): Divergence {
  const topo = sameTopology(a.scenario, b.scenario);
  if (topo) return { kind: 'different-topology', reason: topo };
  const n = Math.min(a.checkpoints.length, b.checkpoints.length);
  let i = 0;
  while (i < n && a.checkpoints[i]!.fingerprint === b.checkpoints[i]!.fingerprint && a.checkpoints[i]!.events === b.checkpoints[i]!.events) i++;
  if (i === n && a.fingerprint === b.fingerprint && a.checkpoints.length === b.checkpoints.length) {
    return { kind: 'identical', events: a.checkpoints[n - 1]?.events ?? 0 };
  }
  const common = i > 0 ? a.checkpoints[i - 1]! : null;
  const sa = new Simulation(a.scenario, a.options);
  const sb = new Simulation(b.scenario, b.options);
  // One more event of a run, unless it has none (a stopped run ran exactly its stored count).
  const stepOf = (s: Simulation, r: RunToCompare) => (r.stoppedAtEvents === undefined || s.w.events < r.stoppedAtEvents) && s.step();
  // Run both up to just before the last shared checkpoint's time, then compare event by event.
  if (common) {
    sa.runUntil(common.tMs * 1000 - 1);
    sb.runUntil(common.tMs * 1000 - 1);
  }
  let index = sa.w.events;
  if (sb.w.events !== index) return diverged(sa, sb, index, common, false, false);
  // Fingerprints fold every action too: compare them after each event, keeping that event's actions.
  const logA: number[] = (sa.w.fp.log = []);
  const logB: number[] = (sb.w.fp.log = []);
  for (;;) {
    logA.length = 0;
    logB.length = 0;
    const ra = stepOf(sa, a);
    const rb = stepOf(sb, b);
    if (!ra || !rb) {
      if (!ra && !rb) return { kind: 'identical', events: index };
      return diverged(sa, sb, index, common, ra, rb);
    }
    if (!sa.w.fp.same(sb.w.fp)) return diverged(sa, sb, index, common, true, true);
    index++;
  }
}

function diverged(sa: Simulation, sb: Simulation, index: number, common: Checkpoint | null, hasA: boolean, hasB: boolean): Divergence {
  const ea = sa.lastEvent;
  const eb = sb.lastEvent;
  const sameEvent = hasA && hasB && ea.time === eb.time && ea.node === eb.node && ea.kind === eb.kind;
  const first = sameEvent ? firstDifference(sa.w.fp.log ?? [], sb.w.fp.log ?? []) : -1;
  const ref = (s: Simulation): EventRef => {
    const r: EventRef = { tMs: s.lastEvent.time / 1000, node: s.w.nodeIds[s.lastEvent.node] ?? '(lab)', kind: EVENT_KIND_NAMES[s.lastEvent.kind] ?? String(s.lastEvent.kind) };
    if (first >= 0) r.action = describeAction(s, s.w.fp.log ?? [], first);
    return r;
  };
  const a = hasA ? ref(sa) : null;
  const b = hasB ? ref(sb) : null;
  return { kind: 'diverged', tMs: Math.min(a?.tMs ?? Infinity, b?.tMs ?? Infinity), eventIndex: index, a, b, lastCommonCheckpointMs: common ? common.tMs : -1 };
}

/** Index (in pairs) of the first action that differs between two logs of (x, y) pairs. */
function firstDifference(a: readonly number[], b: readonly number[]): number {
  const n = Math.max(a.length, b.length) / 2;
  for (let i = 0; i < n; i++) if (a[2 * i] !== b[2 * i] || a[2 * i + 1] !== b[2 * i + 1]) return i;
  return -1;
}

const PACKET_KINDS = ['data', 'BFD', 'enable-metadata', 'health-check acknowledgement', 'disable-forward-metadata', 'scanner probe'];

/** Action `i` of a log in words ("nothing" when this run did no more). */
function describeAction(s: Simulation, log: readonly number[], i: number): string {
  if (2 * i >= log.length) return 'nothing more in this event';
  const w = s.w;
  const x = log[2 * i]!;
  const y = log[2 * i + 1]!;
  const where = (at: number) => (at >= 0 ? `link ${w.links[at]?.id ?? at}` : (w.nodeIds[-1 - at] ?? '?'));
  switch (y & 0xf00000) {
    case Act.Send: {
      const l = w.links[x >> 1];
      const from = l ? w.nodeIds[x & 1 ? l.b : l.a] : '?';
      const extras = [(y & 1) !== 0 ? 'with session metadata' : '', (y & 2) !== 0 ? 'with a health check' : ''].filter(Boolean).join(', ');
      return `sent a ${PACKET_KINDS[(y >> 2) & 7] ?? 'packet'} packet from ${from} on link ${l?.id ?? '?'}${extras ? ` (${extras})` : ''}`;
    }
    case Act.Drop:
      return `lost a ${PACKET_KINDS[y & 15] ?? 'packet'} packet at ${where(x)} (${LOSS_CAUSES[(y >> 4) & 15] ?? 'unknown cause'})`;
    case Act.Deliver:
      return (y & 1) !== 0 ? `carried a packet of session ${x} into another session (misdelivered)` : `delivered a packet of session ${x}`;
    case Act.Counter:
      return `counted ${COUNTER_PATHS[y & 0xfffff] ?? 'a counter'} on ${w.nodeIds[x] ?? '?'}`;
    default:
      return 'an unknown action';
  }
}
