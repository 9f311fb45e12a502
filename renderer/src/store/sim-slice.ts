/**
 * The live run as its snapshots describe it. Snapshots arrive up to 20 times a second and carry
 * only what changed (counters), what is new (log entries, series points) and the current badges;
 * this slice folds a batch of them into the whole picture in one `set`, so a frame renders once.
 * The canvas reads `live.routers`, `live.links` and `live.packetsInFlight`; nothing here goes
 * into React Flow's node array.
 */
import type { LiveSnapshot, PacketDot } from '../../../engine/index.ts';
import type { LogEntry, SimSlice, Slice } from './types.ts';
import { appendSeries, emptySeries } from '../live/series-buffer.ts';

/** Log entries kept (oldest dropped first). */
export const LOG_CAP = 5000;

/** Whether a run is live (running or paused): the design is locked while it is. */
export function isRunLive(live: LiveSnapshot | null): boolean {
  return live !== null && (live.state === 'running' || live.state === 'paused');
}

/** Speeds the run controls offer. */
export const SPEEDS: readonly (number | 'max')[] = [0.1, 1, 10, 100, 1000, 'max'];

type LiveParts = Pick<SimSlice, 'live' | 'liveCounters' | 'counterChangedAt' | 'liveSeries' | 'liveLog' | 'logDropped' | 'liveInjected' | 'lastEnded' | 'dotsByLink' | 'logSeq'>;

/** A run's picture before its first snapshot (the log's sequence numbers carry on across runs). */
function blank(): Omit<LiveParts, 'logSeq'> {
  return { live: null, liveCounters: {}, counterChangedAt: {}, liveSeries: emptySeries(), liveLog: [], logDropped: 0, liveInjected: [], lastEnded: null, dotsByLink: {} };
}

/**
 * The snapshots that follow a full picture: older ones add nothing, and a newer one's log
 * entries up to the picture's time are already in its log (series points are skipped by time).
 */
export function afterFull(full: LiveSnapshot, later: readonly LiveSnapshot[]): LiveSnapshot[] {
  const untilUs = full.tMs * 1000;
  return later.filter((s) => s.runId === full.runId && s.events > full.events).map((s) => ({ ...s, log: s.log.filter((e) => e.tUs > untilUs) }));
}

/**
 * Snapshots carry only the routers and links that changed (a full one, e.g. the answer to a
 * pause, carries all): fold them into the whole picture of the run.
 */
function merged(prev: LiveSnapshot | null, snap: LiveSnapshot): LiveSnapshot {
  if (!prev || prev.runId !== snap.runId) return snap;
  // Entries a snapshot does not carry keep their identity (the canvas wakes an element only when
  // its entry is a new object), and a part with no changes is not copied at all: copying a big
  // lab's 3 000 links costs about a millisecond.
  return { ...snap, routers: withChanges(prev.routers, snap.routers), links: withChanges(prev.links, snap.links) };
}

function withChanges<T>(all: Record<string, T>, changed: Record<string, T>): Record<string, T> {
  return Object.keys(changed).length === 0 ? all : { ...all, ...changed };
}

function groupDots(dots: readonly PacketDot[]): Record<string, PacketDot[]> {
  const out: Record<string, PacketDot[]> = {};
  for (const d of dots) (out[d.link] ??= []).push(d);
  return out;
}

/** Whether `b` is the very snapshot `a` was (a step answer that is also pushed as an event). */
function sameSnapshot(a: LiveSnapshot | null, b: LiveSnapshot): boolean {
  return a !== null && a.runId === b.runId && a.events === b.events && a.tMs === b.tMs && a.fingerprint === b.fingerprint && a.state === b.state;
}

/** Folds a batch of snapshots into the live parts (pure: log sequence numbers continue from `prev.logSeq`). */
export function foldSnapshots(prev: LiveParts, batch: readonly LiveSnapshot[], now: number): LiveParts {
  let { live, liveCounters, counterChangedAt, liveSeries, logDropped, liveInjected } = prev;
  let lastEnded = prev.lastEnded;
  let logSeq = prev.logSeq;
  const newLog: LogEntry[] = [];
  let log = prev.liveLog;
  for (const snap of batch) {
    // Another run's snapshots (one started elsewhere, or after a reload): start afresh.
    if (live && snap.runId !== live.runId) {
      ({ liveCounters, counterChangedAt, liveSeries, logDropped, liveInjected } = blank());
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
    for (const e of snap.log) newLog.push({ ...e, seq: logSeq++ });
    logDropped += snap.logDropped;
    // A full snapshot repeats the faults a window already has: each is taken once, by its place in the fault log.
    const known = liveInjected.length > 0 ? liveInjected[liveInjected.length - 1]!.index : -1;
    const fresh = snap.injected.filter((f) => f.index > known);
    if (fresh.length > 0) liveInjected = liveInjected.concat(fresh);
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
  return { live, liveCounters, counterChangedAt, liveSeries, liveLog: log, logDropped, liveInjected, lastEnded, dotsByLink, logSeq };
}

/** Creates the sim slice. */
export const createSimSlice: Slice<SimSlice> = (set) => ({
  ...blank(),
  logSeq: 1,
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
    set((s) => ({ ...foldSnapshots({ ...blank(), logSeq: s.logSeq }, [full, ...afterFull(full, later)], now), runOwner: s.isStartPending ? 'here' : 'elsewhere', isStartPending: false })),
  setStartPending: (isStartPending) => set({ isStartPending }),
  resetLive: () => set({ ...blank(), runOwner: null }),
  setLiveState: (state) => set((s) => (s.live && s.live.state !== 'ended' ? { live: { ...s.live, state } } : {})),
  endLive: (e) => set((s) => ({ lastEnded: e, live: s.live ? { ...s.live, state: 'ended' } : null })),
  setRunSeed: (runSeed) => set({ runSeed }),
  setRunSpeed: (runSpeed) => set({ runSpeed }),
  setBusy: (isBusy) => set({ isBusy }),
});
