/**
 * The live run as its snapshots describe it. Snapshots arrive up to 20 times a second and carry
 * only what changed (counters), what is new (log entries, series points) and the current badges;
 * this slice folds a batch of them into the whole picture in one `set`, so a frame renders once.
 * The canvas reads `live.routers`, `live.links` and `live.packetsInFlight`; nothing here goes
 * into React Flow's node array.
 */
import type { Events, LiveSnapshot, TraceEvent, PacketDot } from '../../../engine/index.ts';
import type { Slice } from './index.ts';
import { appendSeries, emptySeries, type SeriesBuffer } from '../live/series-buffer.ts';

export type { SeriesBuffer } from '../live/series-buffer.ts';

/** A log entry with a sequence number (a stable key and selection id). */
export interface LogEntry extends TraceEvent {
  seq: number;
}

/** Log entries kept (oldest dropped first). */
export const LOG_CAP = 5000;

/** Whether a run is live (running or paused): the design is locked while it is. */
export function isRunLive(live: LiveSnapshot | null): boolean {
  return live !== null && (live.state === 'running' || live.state === 'paused');
}

/** Speeds the run controls offer. */
export const SPEEDS: readonly (number | 'max')[] = [0.1, 1, 10, 100, 1000, 'max'];

/** Sim slice. */
export interface SimSlice {
  /** The newest snapshot (its `counters` hold only that snapshot's changes; see liveCounters). */
  live: LiveSnapshot | null;
  /** Every router's counters so far: router → path → value. */
  liveCounters: Record<string, Record<string, number>>;
  /** When each counter last changed (performance.now() ms), to highlight it briefly. */
  counterChangedAt: Record<string, Record<string, number>>;
  liveSeries: SeriesBuffer;
  /** The newest {@link LOG_CAP} log entries, oldest first. */
  liveLog: LogEntry[];
  /** Entries the host or this ring dropped. */
  logDropped: number;
  lastEnded: Events['sim:ended'] | null;
  /**
   * The newest snapshot's packets in flight, grouped by link once per snapshot: each of the
   * canvas's edges reads its own group instead of filtering every packet on every update.
   */
  dotsByLink: Record<string, PacketDot[]>;
  /** The Seed field ('' = the scenario's own seed). */
  runSeed: string;
  runSpeed: number | 'max';
  /** A start/stop request is on its way (keeps the buttons from firing twice). */
  isBusy: boolean;
  /**
   * Who started the run shown: this window ('here'), another window or tab on the same host
   * ('elsewhere'; the run controls then act on that run), or nobody yet (null).
   */
  runOwner: 'here' | 'elsewhere' | null;
  /** This window asked for a run that has not sent its first snapshot yet. */
  isStartPending: boolean;
  /** Marks that this window is starting a run (its snapshots will be this window's). */
  setStartPending(isPending: boolean): void;
  /**
   * Joins a run already live: `full` is the host's whole picture of it (every counter and series
   * point, the log so far), `later` the snapshots that arrived while it was asked for.
   */
  joinLive(full: LiveSnapshot, later: readonly LiveSnapshot[], now?: number): void;
  applySnapshots(batch: readonly LiveSnapshot[], now?: number): void;
  /** Forgets the previous run's picture (a new run is starting). */
  resetLive(): void;
  /** Marks the state the host just confirmed (pause/resume answer before the next snapshot). */
  setLiveState(state: LiveSnapshot['state']): void;
  endLive(e: Events['sim:ended']): void;
  setRunSeed(seed: string): void;
  setRunSpeed(speed: number | 'max'): void;
  setBusy(isBusy: boolean): void;
}

type LiveParts = Pick<SimSlice, 'live' | 'liveCounters' | 'counterChangedAt' | 'liveSeries' | 'liveLog' | 'logDropped' | 'lastEnded' | 'dotsByLink'>;

function blank(): LiveParts {
  return { live: null, liveCounters: {}, counterChangedAt: {}, liveSeries: emptySeries(), liveLog: [], logDropped: 0, lastEnded: null, dotsByLink: {} };
}

/**
 * The snapshots that follow a full picture: older ones add nothing, and a newer one's log
 * entries up to the picture's time are already in its log (series points are skipped by time).
 */
export function afterFull(full: LiveSnapshot, later: readonly LiveSnapshot[]): LiveSnapshot[] {
  const untilUs = full.tMs * 1000;
  return later
    .filter((s) => s.runId === full.runId && s.events > full.events)
    .map((s) => ({ ...s, log: s.log.filter((e) => e.tUs > untilUs) }));
}

/**
 * Snapshots carry only the routers and links that changed (a full one, e.g. the answer to a
 * pause, carries all): fold them into the whole picture of the run.
 */
function merged(prev: LiveSnapshot | null, snap: LiveSnapshot): LiveSnapshot {
  if (!prev || prev.runId !== snap.runId) return snap;
  return { ...snap, routers: { ...prev.routers, ...snap.routers }, links: { ...prev.links, ...snap.links } };
}

function groupDots(dots: readonly PacketDot[]): Record<string, PacketDot[]> {
  const out: Record<string, PacketDot[]> = {};
  for (const d of dots) (out[d.link] ??= []).push(d);
  return out;
}

let nextSeq = 1;

/** Whether `b` is the very snapshot `a` was (a step answer that is also pushed as an event). */
function sameSnapshot(a: LiveSnapshot | null, b: LiveSnapshot): boolean {
  return a !== null && a.runId === b.runId && a.events === b.events && a.tMs === b.tMs && a.fingerprint === b.fingerprint && a.state === b.state;
}

/** Folds a batch of snapshots into the live parts (pure apart from the log sequence numbers). */
export function foldSnapshots(prev: LiveParts, batch: readonly LiveSnapshot[], now: number): LiveParts {
  let { live, liveCounters, counterChangedAt, liveSeries, logDropped } = prev;
  let lastEnded = prev.lastEnded;
  const newLog: LogEntry[] = [];
  let log = prev.liveLog;
  for (const snap of batch) {
    // Another run's snapshots (one started elsewhere, or after a reload): start afresh.
    if (live && snap.runId !== live.runId) {
      ({ liveCounters, counterChangedAt, liveSeries, logDropped } = blank());
      log = [];
      newLog.length = 0;
      lastEnded = null;
    }
    if (sameSnapshot(live, snap)) {
      live = merged(live, snap);
      continue;
    }
    liveCounters = { ...liveCounters };
    counterChangedAt = { ...counterChangedAt };
    for (const [router, changed] of Object.entries(snap.counters)) {
      const before = liveCounters[router];
      const at = { ...counterChangedAt[router] };
      // The first values a router reports are its starting point, not a change worth flashing.
      if (before) for (const [path, v] of Object.entries(changed)) if (before[path] !== undefined && before[path] !== v) at[path] = now;
      liveCounters[router] = { ...before, ...changed };
      counterChangedAt[router] = at;
    }
    for (const e of snap.log) newLog.push({ ...e, seq: nextSeq++ });
    logDropped += snap.logDropped;
    liveSeries = appendSeries(liveSeries, snap.series);
    live = merged(live, snap);
  }
  if (newLog.length > 0) {
    const all = log.concat(newLog);
    const over = all.length - LOG_CAP;
    log = over > 0 ? all.slice(over) : all;
    if (over > 0) logDropped += over;
  }
  const dotsByLink = live === prev.live ? prev.dotsByLink : groupDots(live?.packetsInFlight ?? []);
  return { live, liveCounters, counterChangedAt, liveSeries, liveLog: log, logDropped, lastEnded, dotsByLink };
}

/** Creates the sim slice. */
export const createSimSlice: Slice<SimSlice> = (set) => ({
  ...blank(),
  runSeed: '',
  runSpeed: 1,
  isBusy: false,
  runOwner: null,
  isStartPending: false,
  applySnapshots: (batch, now = performance.now()) => {
    if (batch.length === 0) return;
    set((s) => {
      const first = batch[0]!;
      const isNewRun = s.live === null || s.live.runId !== first.runId;
      // A run this window did not ask for is another window's (or tab's): say so.
      const owner = isNewRun ? { runOwner: s.isStartPending ? ('here' as const) : ('elsewhere' as const), isStartPending: false } : {};
      return { ...foldSnapshots(s, batch, now), ...owner };
    });
  },
  joinLive: (full, later, now = performance.now()) =>
    set((s) => ({ ...foldSnapshots(blank(), [full, ...afterFull(full, later)], now), runOwner: s.isStartPending ? 'here' : 'elsewhere', isStartPending: false })),
  setStartPending: (isStartPending) => set({ isStartPending }),
  resetLive: () => set({ ...blank(), runOwner: null }),
  setLiveState: (state) => set((s) => (s.live && s.live.state !== 'ended' ? { live: { ...s.live, state } } : {})),
  endLive: (e) => set((s) => ({ lastEnded: e, live: s.live ? { ...s.live, state: 'ended' } : null })),
  setRunSeed: (runSeed) => set({ runSeed }),
  setRunSpeed: (runSpeed) => set({ runSpeed }),
  setBusy: (isBusy) => set({ isBusy }),
});
