/**
 * Time travel over a run: world copies taken as the run goes, so any moment can be shown again
 * by restoring the nearest earlier copy and running forward to it. Built on the deterministic
 * engine: a restored run continued to the end gives the fingerprint of the uninterrupted one.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../metrics/summary.ts';
import type { TraceEvent } from '../model/trace.ts';
import { Simulation, type SimSnapshot, type RunOptions } from '../sim.ts';

/** Options of a {@link Timeline}. */
export interface TimelineOptions {
  /** A copy every this many events (default 250 000: a seek then runs at most that many). */
  everyEvents?: number;
}

/** Copies of one run, oldest first; feed it while the run goes ({@link Timeline.record}). */
export class Timeline {
  private readonly snaps: SimSnapshot[] = [];
  private readonly everyEvents: number;
  private nextAt = 0;

  constructor(opts: TimelineOptions = {}) {
    this.everyEvents = Math.max(1000, opts.everyEvents ?? 250_000);
  }

  /**
   * Takes a copy of `sim` when it has gone far enough since the last one (call between slices).
   * `force`: take one now whatever the distance (after a live fault is injected: older copies
   * do not have it pending, so a seek past it must start from a copy that has).
   */
  record(sim: Simulation, force = false): void {
    if (!force && sim.w.events < this.nextAt) return;
    this.snaps.push(sim.snapshot());
    this.nextAt = sim.w.events + this.everyEvents;
  }

  /** Runs `scenario` to the end, recording as it goes; returns the result. */
  static build(scenario: Scenario, opts: RunOptions = {}, tl: TimelineOptions = {}): { timeline: Timeline; result: RunResult } {
    const timeline = new Timeline(tl);
    const sim = Simulation.forCopies(scenario, opts);
    timeline.record(sim);
    const step = Math.max(1, Math.floor(timeline.everyEvents / 4));
    while (!sim.done) {
      // Run in slices of virtual time until enough events passed, then record.
      const target = sim.w.events + step;
      while (!sim.done && sim.w.events < target) if (!sim.step()) break;
      timeline.record(sim);
    }
    return { timeline, result: sim.run() };
  }

  /** Events per µs of virtual time so far, as the newest copy has it (0 before any time passed). */
  eventsPerUs(): number {
    const last = this.snaps[this.snaps.length - 1];
    return last !== undefined && last.nowUs > 0 ? last.events / last.nowUs : 0;
  }

  /** Number of copies kept. */
  get size(): number {
    return this.snaps.length;
  }

  /** The run as it was after every event up to virtual time `tUs` (µs). */
  at(tUs: number, trace?: (e: TraceEvent) => void): Simulation {
    let best: SimSnapshot | undefined;
    for (const s of this.snaps) if (s.nowUs <= tUs) best = s;
    if (best === undefined) throw new Error('Timeline.at: nothing recorded yet');
    const sim = best.restore(trace ? { trace } : {});
    sim.runUntil(tUs);
    return sim;
  }

  /** The run as it was after exactly `events` events (0 = before the first). */
  atEvent(events: number, trace?: (e: TraceEvent) => void): Simulation {
    let best: SimSnapshot | undefined;
    for (const s of this.snaps) if (s.events <= events) best = s;
    if (best === undefined) throw new Error('Timeline.atEvent: nothing recorded yet');
    const sim = best.restore(trace ? { trace } : {});
    while (sim.w.events < events && sim.step()) {
      /* stepping */
    }
    return sim;
  }
}
