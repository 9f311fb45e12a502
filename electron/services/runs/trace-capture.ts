/** Collects a run's trace events for storing, up to the per-run cap. */
import type { TraceEvent } from '../../../engine/index.ts';

/** Trace events kept per run; past this the log is marked truncated (the first ones are kept). */
export const EVENT_LOG_CAP = 200_000;

/**
 * Pass `capture.push` as the Simulation's `trace` option. Keeping the first events (not a
 * sample) keeps the log a faithful prefix: causes before effects, paging in time order.
 */
export class TraceCapture {
  readonly events: TraceEvent[] = [];
  /** Every event the run emitted, kept or not. */
  seen = 0;
  readonly cap: number;

  constructor(cap = EVENT_LOG_CAP) {
    this.cap = cap;
  }

  /** The trace callback. */
  readonly push = (e: TraceEvent): void => {
    this.seen++;
    if (this.events.length < this.cap) this.events.push(e);
  };

  /** A capture that goes on from where `before` stopped (a run forked from a copy of another). */
  static after(before: TraceCapture): TraceCapture {
    const c = new TraceCapture(before.cap);
    for (const e of before.events) c.events.push(e);
    c.seen = before.seen;
    return c;
  }

  get truncated(): boolean {
    return this.seen > this.events.length;
  }
}
