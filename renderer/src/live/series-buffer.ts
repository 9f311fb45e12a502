/**
 * The live run's time series, bounded. A run may last a day of virtual time (864 000 samples at
 * 100 ms); rather than keep only the newest minutes, the buffer thins itself by two whenever it
 * fills, so the chart always shows the whole run (the outage at 20 s stays visible in a long
 * run) at the finest resolution that fits.
 */
import type { LiveSnapshot } from '../../../engine/index.ts';

/** Points kept per series before thinning. */
export const SERIES_CAP = 6000;

/** The live series (same fields as a snapshot's `series`). */
export interface SeriesBuffer {
  tMs: number[];
  sessionsInOutage: number[];
  activeSessions: number[];
  deliveredPps: number[];
  lostPps: number[];
  controlPps: Record<string, number[]>;
  /** Keep one sample in `stride` (grows 1, 2, 4… as the buffer thins). */
  stride: number;
  /** Samples seen so far (decides which ones the stride keeps). */
  seen: number;
  /** Time of the newest sample seen, kept or not (-1: none). */
  lastT: number;
}

type Points = LiveSnapshot['series'];
const FIELDS = ['tMs', 'sessionsInOutage', 'activeSessions', 'deliveredPps', 'lostPps'] as const;

/** An empty buffer. */
export function emptySeries(): SeriesBuffer {
  return { tMs: [], sessionsInOutage: [], activeSessions: [], deliveredPps: [], lostPps: [], controlPps: {}, stride: 1, seen: 0, lastT: -1 };
}

function everyOther(a: number[]): number[] {
  return a.filter((_, i) => i % 2 === 0);
}

/**
 * Appends a snapshot's new points (a new buffer; the old one is left as it was). Points not
 * newer than the newest seen are skipped: the host answers pause/resume/step with a full
 * snapshot that repeats the whole series.
 */
export function appendSeries(buf: SeriesBuffer, pts: Points): SeriesBuffer {
  let first = 0;
  while (first < pts.tMs.length && pts.tMs[first]! <= buf.lastT) first++;
  const n = pts.tMs.length - first;
  if (n <= 0) return buf;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if ((buf.seen + i) % buf.stride === 0) keep.push(first + i);
  const pick = (src: readonly number[] | undefined) => keep.map((i) => src?.[i] ?? 0);
  let next: SeriesBuffer = {
    ...buf,
    seen: buf.seen + n,
    lastT: pts.tMs[pts.tMs.length - 1]!,
    tMs: buf.tMs.concat(pick(pts.tMs)),
    sessionsInOutage: buf.sessionsInOutage.concat(pick(pts.sessionsInOutage)),
    activeSessions: buf.activeSessions.concat(pick(pts.activeSessions)),
    deliveredPps: buf.deliveredPps.concat(pick(pts.deliveredPps)),
    lostPps: buf.lostPps.concat(pick(pts.lostPps)),
    controlPps: { ...buf.controlPps },
  };
  for (const [kind, values] of Object.entries(pts.controlPps)) {
    // A kind first seen now is zero before (every sample carries every kind, but stay safe).
    const before = next.controlPps[kind] ?? new Array<number>(buf.tMs.length).fill(0);
    next.controlPps[kind] = before.concat(pick(values));
  }
  if (next.tMs.length > SERIES_CAP) {
    next = { ...next, stride: next.stride * 2 };
    for (const f of FIELDS) next[f] = everyOther(next[f]);
    for (const k of Object.keys(next.controlPps)) next.controlPps[k] = everyOther(next.controlPps[k]!);
  }
  return next;
}
