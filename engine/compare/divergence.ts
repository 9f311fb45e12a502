/**
 * The first divergence of two runs of the same topology: the virtual time and event at which
 * they first differ. The stored per-second fingerprint checkpoints narrow it to one second by
 * search; only that far are both runs re-run, then stepped side by side event by event.
 */
import type { Scenario } from '../scenario/schema.ts';
import { Simulation } from '../sim.ts';
import type { Checkpoint, WorldOptions } from '../model/world.ts';
import { EVENT_KIND_NAMES } from '../model/constants.ts';

/** One run as the divergence search needs it. */
export interface RunToCompare {
  scenario: Scenario;
  options: WorldOptions;
  checkpoints: readonly Checkpoint[];
  fingerprint: string;
}

/** An event as the search reports it. */
export interface EventRef {
  tMs: number;
  node: string;
  kind: string;
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
  // Run both up to just before the last shared checkpoint's time, then compare event by event.
  if (common) {
    sa.runUntil(common.tMs * 1000 - 1);
    sb.runUntil(common.tMs * 1000 - 1);
  }
  let index = sa.w.events;
  if (sb.w.events !== index) return diverged(sa, sb, index, common, false, false);
  for (;;) {
    const ra = sa.step();
    const rb = sb.step();
    if (!ra || !rb) {
      if (!ra && !rb) return { kind: 'identical', events: index };
      return diverged(sa, sb, index, common, ra, rb);
    }
    const ea = sa.lastEvent;
    const eb = sb.lastEvent;
    if (ea.time !== eb.time || ea.node !== eb.node || ea.kind !== eb.kind) return diverged(sa, sb, index, common, true, true);
    index++;
  }
}

function diverged(sa: Simulation, sb: Simulation, index: number, common: Checkpoint | null, hasA: boolean, hasB: boolean): Divergence {
  const ref = (s: Simulation): EventRef => ({ tMs: s.lastEvent.time / 1000, node: s.w.nodeIds[s.lastEvent.node] ?? '(lab)', kind: EVENT_KIND_NAMES[s.lastEvent.kind] ?? String(s.lastEvent.kind) });
  const a = hasA ? ref(sa) : null;
  const b = hasB ? ref(sb) : null;
  return { kind: 'diverged', tMs: Math.min(a?.tMs ?? Infinity, b?.tMs ?? Infinity), eventIndex: index, a, b, lastCommonCheckpointMs: common ? common.tMs : -1 };
}
