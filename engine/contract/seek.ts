/**
 * What a time-travel seek answers (`sim:seek` for the live run, `runs:seek` for a stored one):
 * the lab as it was at one moment of a run, in the shape the live views already draw.
 */
import type { Fault } from '../scenario/schema.ts';
import type { FlowRow } from '../live/sessions-table.ts';
import type { LiveSnapshot } from './snapshot.ts';
import type { EventCategory, SteppedEvent } from '../replay/describe.ts';

export type { EventCategory, PacketInfo, SteppedEvent } from '../replay/describe.ts';

/**
 * Where to go: a virtual time (after every event up to it), an event number (after exactly
 * that many events), a fault of the run's fault log (just after it is applied), or one step
 * from event `from` to the next (or previous) event of the given categories (every event when
 * none are given).
 */
export type SeekTarget = { tUs: number } | { event: number } | { fault: number } | { step: 'forward' | 'back'; from: number; categories?: readonly EventCategory[] };

/** A fault of the run, for the timeline's markers. */
export interface SeekFault {
  /** Index in the run's fault log. */
  index: number;
  atMs: number;
  source: 'scheduled' | 'live';
  fault: Fault;
}

/** The lab at one moment of a run. */
export interface SeekView {
  /**
   * The whole picture (every router, link, counter and series point up to the moment, the
   * packets in flight then); `log` holds the event log's newest entries up to the moment
   * (`logDropped` the older ones left out). `events` is the event number shown.
   */
  snapshot: LiveSnapshot;
  /** Router sessions tables at the moment (`show sessions`), by router id (bounded per router). */
  sessions: Record<string, FlowRow[]>;
  /** The event just processed, in words (null before the first event). */
  event: SteppedEvent | null;
  /** The run's faults, in time order. */
  faults: SeekFault[];
  /** How far the run can be travelled: its end, or for a paused live run where it stands. */
  extent: { endMs: number; endEvents: number };
  /** Why the view is not where asked (e.g. no earlier event of the chosen kinds). */
  note?: string;
  /** Wall time the host spent on the seek, ms (what a person waits, less the transport). */
  wallMs: number;
}
