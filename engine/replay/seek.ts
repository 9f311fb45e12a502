/**
 * Time travel over a {@link Timeline}: positions a copy of the run at a target (a time, an
 * event number, a fault, one step forward or back through chosen kinds of events), describes
 * the event just processed, and builds the picture the live views draw (badges, links,
 * packets in flight, counters, series, sessions tables, the event log up to then).
 */
import type { Simulation, SimSnapshot } from '../sim.ts';
import type { Timeline } from './timeline.ts';
import type { TraceEvent } from '../model/trace.ts';
import type { LiveSnapshot } from '../contract/snapshot.ts';
import type { SeekFault, SeekTarget, SeekView } from '../contract/seek.ts';
import type { FlowRow } from '../live/sessions-table.ts';
import { sessionTable } from '../live/sessions-table.ts';
import { SnapshotBuilder } from '../live/snapshot.ts';
import { stepCategory, stepDescribed, EVENT_CATEGORIES, type EventCategory, type SteppedEvent } from './describe.ts';
import { Ev } from '../model/constants.ts';
import type { Scenario } from '../scenario/schema.ts';
import { estimateWork } from '../scenario/estimate.ts';

/** Log entries a seek returns at most (the newest up to the moment). */
export const SEEK_LOG = 500;
/** Session rows a seek returns at most, over every router (about 300 KB; one router asked for by name gets its `limit`). */
export const SEEK_ROWS = 1200;
/** Events a filtered step looks through at most before saying there is none. */
export const STEP_SCAN_MAX = 2_000_000;

/**
 * The event log of a run with each entry's event number (the event that wrote it), kept as
 * the run goes; the first `cap` entries are kept and the rest counted.
 */
export class NumberedLog {
  readonly events: TraceEvent[] = [];
  readonly nums: number[] = [];
  /** Entries written, kept or not. */
  seen = 0;

  constructor(readonly cap = 200_000) {}

  /** Records entry `e`, written by event number `n`. */
  push(e: TraceEvent, n: number): void {
    this.seen++;
    if (this.events.length >= this.cap) return;
    this.events.push(e);
    this.nums.push(n);
  }

  /** The newest `max` entries written by events 1…`n`, and how many earlier ones are left out. */
  upTo(n: number, max = SEEK_LOG): { log: TraceEvent[]; dropped: number } {
    // First index whose event number is past n.
    let lo = 0;
    let hi = this.nums.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.nums[mid]! <= n) lo = mid + 1;
      else hi = mid;
    }
    const from = Math.max(0, lo - max);
    return { log: this.events.slice(from, lo), dropped: from };
  }
}

/** What positions a copy of the run: a {@link Timeline}, or a {@link TimelineCursor} over one. */
export interface Positioner {
  /** A copy of the run after exactly `events` events. */
  atEvent(events: number): Simulation;
  /** A copy of the run after every event up to `tUs`. */
  at(tUs: number): Simulation;
}

/** Copies a {@link TimelineCursor} keeps near where it stepped back. */
const NEAR_COPIES = 4;

/**
 * A {@link Timeline} that also remembers the copy it showed last and goes on from it when the
 * next moment is a little later (a Step, a scrub forward): no world copy to restore, no events
 * run twice. A moment earlier, or further than `reach` events on, restores the nearest copy.
 * Going back by event (Step back) on a timeline whose copies are far apart, it also keeps a few
 * copies of its own just behind where it went, so the next steps back run a few thousand
 * events instead of up to `reach`.
 */
export class TimelineCursor implements Positioner {
  private cursor: Simulation | null = null;
  /** Copies taken just behind where a step back went (newest last). */
  private readonly near: SimSnapshot[] = [];

  constructor(
    readonly timeline: Timeline,
    /** Events the cursor may run on rather than restore a copy (the timeline's copy interval). */
    private readonly reach: number,
  ) {}

  /** Remembers `sim`, the copy just shown, to go on from next time (it must not be used elsewhere). */
  keep(sim: Simulation): void {
    this.cursor = sim;
  }

  /** Forgets the copies kept (the run's past changed: a live fault was injected). */
  forget(): void {
    this.cursor = null;
    this.near.length = 0;
  }

  atEvent(events: number): Simulation {
    const back = this.cursor !== null && events < this.cursor.w.events;
    const c = this.take((x) => x.w.events <= events && events - x.w.events <= this.reach) ?? this.restore(events, back);
    while (c.w.events < events && c.step()) {
      /* stepping */
    }
    return c;
  }

  /** A copy at or before `events`: one kept near here, else the timeline's (keeping one near here when going back). */
  private restore(events: number, back: boolean): Simulation {
    const span = Math.max(2000, Math.ceil(this.reach / 64));
    let best: SimSnapshot | undefined;
    for (const s of this.near) if (s.events <= events && events - s.events <= span && (!best || s.events > best.events)) best = s;
    if (best) return best.restore();
    if (!back || this.reach < span * 4) return this.timeline.atEvent(events);
    const sim = this.timeline.atEvent(Math.max(0, events - span));
    this.near.push(sim.snapshot());
    if (this.near.length > NEAR_COPIES) this.near.shift();
    return sim;
  }

  at(tUs: number): Simulation {
    // Events over that time, as the run's average rate puts it: the higher of the kept copy's
    // own and the timeline's (a copy kept at 0 s has seen no events, so alone it would let a
    // seek from the start run the whole way instead of restoring a copy near the target).
    const rate = (x: Simulation) => Math.max(x.w.events / Math.max(1, x.nowUs), this.timeline.eventsPerUs());
    const c = this.take((x) => x.nowUs <= tUs && (tUs - x.nowUs) * rate(x) <= this.reach);
    if (!c) return this.timeline.at(tUs);
    c.runUntil(tUs);
    return c;
  }

  /** The kept copy if it fits, handed over (it moves on from here). */
  private take(fits: (c: Simulation) => boolean): Simulation | null {
    const c = this.cursor;
    if (c === null || !fits(c)) return null;
    this.cursor = null;
    return c;
  }
}

/** How far a run may be travelled. */
export interface SeekExtent {
  endUs: number;
  endEvents: number;
}

/** Where a seek landed: the run there, the event just processed, and why it is not where asked. */
export interface SeekPosition {
  sim: Simulation;
  event: SteppedEvent | null;
  note?: string;
}

/** The run after exactly `n` events, with event `n` described. */
function atEventDescribed(tl: Positioner, n: number): SeekPosition {
  if (n <= 0) return { sim: tl.atEvent(0), event: null };
  const sim = tl.atEvent(n - 1);
  return { sim, event: stepDescribed(sim) };
}

/** Whether every category is asked for (no filtering). */
function allOf(categories: readonly EventCategory[] | undefined): boolean {
  return categories === undefined || EVENT_CATEGORIES.every((c) => categories.includes(c));
}

/** The number of the next event after `from` of one of `cats` (at most `endEvents`), or null. */
function nextMatching(tl: Positioner, from: number, cats: ReadonlySet<EventCategory>, endEvents: number): number | null {
  const sim = tl.atEvent(from);
  const last = Math.min(endEvents, from + STEP_SCAN_MAX);
  for (let m = from + 1; m <= last; m++) {
    const c = stepCategory(sim);
    if (c === null) return null;
    if (cats.has(c)) return m;
  }
  return null;
}

/** The number of the last event before `from` of one of `cats`, or null: windows growing backwards. */
function previousMatching(tl: Positioner, from: number, cats: ReadonlySet<EventCategory>): number | null {
  let hi = from - 1;
  let width = 4096;
  let scanned = 0;
  while (hi >= 1 && scanned < STEP_SCAN_MAX) {
    const lo = Math.max(0, hi - width);
    const sim = tl.atEvent(lo);
    let found: number | null = null;
    for (let m = lo + 1; m <= hi; m++) {
      const c = stepCategory(sim);
      if (c === null) break;
      if (cats.has(c)) found = m;
    }
    if (found !== null) return found;
    scanned += hi - lo;
    hi = lo;
    width *= 4;
  }
  return null;
}

/** The k-th fault event at `atUs` (k counts the faults of the log applied at that time before fault `index`). */
function atFault(tl: Positioner, faults: readonly SeekFault[], index: number): SeekPosition | null {
  const f = faults.find((x) => x.index === index);
  if (!f) return null;
  const atUs = Math.round(f.atMs * 1000);
  // Scheduled faults run first at their time, in log order; live ones after every other event then.
  const order = (x: SeekFault) => (x.source === 'scheduled' ? 0 : 1);
  const k = faults.filter((x) => Math.round(x.atMs * 1000) === atUs && (order(x) < order(f) || (order(x) === order(f) && x.index < f.index))).length;
  const sim = atUs > 0 ? tl.at(atUs - 1) : tl.atEvent(0);
  let seen = 0;
  for (;;) {
    const e = stepDescribed(sim);
    if (e === null || e.tUs > atUs) return null;
    if (sim.lastEvent.kind === Ev.Fault && e.tUs === atUs && seen++ === k) return { sim, event: e };
  }
}

/** Events the last stretch before a time is expected to hold, run one by one to describe the last. */
const DESCRIBED_TAIL = 64;

/**
 * The run at `tUs` (the clock at tUs: packets in flight placed then), with its last event
 * described. The copy runs fast to a little before tUs, then event by event (describing each)
 * up to it; when that stretch holds no event, the last one is described from a second copy.
 */
function atTime(tl: Positioner, tUs: number, extent: SeekExtent): SeekPosition {
  const perUs = extent.endEvents / Math.max(1, extent.endUs);
  const tail = Math.max(1, Math.ceil(DESCRIBED_TAIL / Math.max(perUs, 1e-9)));
  const sim = tl.at(Math.max(0, tUs - tail));
  let event: SteppedEvent | null = null;
  while (sim.peekUs() <= tUs && sim.w.events < extent.endEvents) {
    const e = stepDescribed(sim);
    if (e === null) break;
    event = e;
  }
  const described = sim.w.events;
  // Moves the clock to tUs (and applies a live fault due by then, if one is pending).
  sim.runUntil(tUs);
  const n = Math.min(sim.w.events, extent.endEvents);
  if (n < sim.w.events) return atEventDescribed(tl, n);
  if (n === 0) return { sim, event: null };
  if (event === null || described !== n) event = atEventDescribed(tl, n).event;
  return { sim, event };
}

/** Positions a copy of the run at `target`, within `extent`. */
export function seekTimeline(tl: Positioner, target: SeekTarget, extent: SeekExtent, faults: readonly SeekFault[] = []): SeekPosition {
  if ('event' in target) return atEventDescribed(tl, Math.min(Math.max(0, Math.floor(target.event)), extent.endEvents));
  if ('tUs' in target) return atTime(tl, Math.min(Math.max(0, target.tUs), extent.endUs), extent);
  if ('fault' in target) {
    const pos = atFault(tl, faults, target.fault);
    if (pos && pos.sim.w.events <= extent.endEvents) return pos;
    return { ...atEventDescribed(tl, extent.endEvents), note: `fault ${target.fault} is not in this part of the run` };
  }
  const from = Math.min(Math.max(0, Math.floor(target.from)), extent.endEvents);
  if (allOf(target.categories)) {
    const n = target.step === 'forward' ? from + 1 : from - 1;
    if (n < 0) return { ...atEventDescribed(tl, 0), note: 'this is the start of the run' };
    if (n > extent.endEvents) return { ...atEventDescribed(tl, extent.endEvents), note: 'this is as far as the run has gone' };
    return atEventDescribed(tl, n);
  }
  const cats = new Set(target.categories);
  const m = target.step === 'forward' ? nextMatching(tl, from, cats, extent.endEvents) : previousMatching(tl, from, cats);
  if (m === null) {
    const which = [...cats].join(', ');
    return { ...atEventDescribed(tl, from), note: target.step === 'forward' ? `no later event of the kinds shown (${which})` : `no earlier event of the kinds shown (${which})` };
  }
  return atEventDescribed(tl, m);
}

/** What {@link seekView} needs besides the position. */
export interface SeekViewOptions {
  runId: string | null;
  state: LiveSnapshot['state'];
  speed: number | 'max';
  extent: SeekExtent;
  faults: readonly SeekFault[];
  log: NumberedLog;
  /** Only this router's sessions table (default: every router's, bounded). */
  router?: string;
  /** Sessions per router table at most. */
  limit: number;
}

/** The run's faults from its fault log, in time order. */
export function runFaults(sim: Simulation): SeekFault[] {
  return sim.w.faultLog.map((e, index) => ({ index, atMs: e.atMs, source: e.source, fault: e.fault })).sort((a, b) => a.atMs - b.atMs || a.index - b.index);
}

/** The lab at a seek's position, in the shape the live views draw (wall time left to the host). */
export function seekView(pos: SeekPosition, o: SeekViewOptions): Omit<SeekView, 'wallMs'> {
  const sim = pos.sim;
  const snap = new SnapshotBuilder(sim).build(o.runId, o.state, o.speed, 0, true);
  const { log, dropped } = o.log.upTo(sim.w.events);
  const routers = o.router !== undefined ? [o.router] : sim.w.routerList.map((r) => r.id);
  const per = Math.max(1, Math.min(o.limit, Math.floor(SEEK_ROWS / 2 / Math.max(1, routers.length))));
  const sessions: Record<string, FlowRow[]> = {};
  for (const r of routers) sessions[r] = sessionTable(sim, r, o.router !== undefined ? o.limit : per);
  return {
    snapshot: { ...snap, log, logDropped: dropped },
    sessions,
    event: pos.event,
    faults: [...o.faults],
    extent: { endMs: o.extent.endUs / 1000, endEvents: o.extent.endEvents },
    ...(pos.note ? { note: pos.note } : {}),
  };
}

/**
 * Events between two world copies of a {@link Timeline} for `scenario`: at most about
 * `budgetBytes` of copies (each the size of the run's world, as the work estimate puts it) and
 * at most 200 of them, never closer than 5 000 events. A seek then runs at most that many
 * events from the nearest copy.
 */
export function timelineEvery(scenario: Scenario, budgetBytes = 384_000_000): number {
  const e = estimateWork(scenario);
  const worldBytes = Math.max(
    256_000,
    e.parts.reduce((a, p) => a + p.memoryBytes, 0),
  );
  const copies = Math.max(4, Math.min(200, Math.floor(budgetBytes / worldBytes)));
  return Math.max(5000, Math.ceil(e.events / copies));
}
