/**
 * A run's time series as stored: one row per metric, its samples as a BLOB of little-endian
 * Float64. Why not a row per sample: a one-hour run has 36 000 samples for each of a dozen to
 * hundreds of metrics, millions of rows that are only ever read whole (a chart, a report) and
 * never filtered in SQL. As BLOBs a metric is 8 bytes a sample, one read, and exact (JSON would
 * be 2–3× larger and slower to parse). The time axis is not stored: samples are every 100 ms
 * from 100 ms on, so `tMs` is rebuilt from the count — unless a result breaks that rule, in
 * which case `tMs` is stored like any other metric.
 */
import { endianness } from 'node:os';
import type { TimeSeries } from '../../../engine/index.ts';

/** Sample spacing, ms of virtual time (the engine's SAMPLE_US). */
export const SERIES_STEP_MS = 100;

/** Metric groups keyed by a name (per control kind, per link). */
const GROUPS = ['controlPps', 'linkMbps', 'linkUtilPct'] as const;
/** Plain metrics. */
const PLAIN = ['activeSessions', 'sessionsInOutage', 'deliveredPps', 'lostPps'] as const;

/** One stored metric: `activeSessions`, `controlPps/bfd`, `linkMbps/wan1`… */
export interface SeriesEntry {
  name: string;
  values: number[];
}

/** Every platform Node and Electron ship for is little-endian; the slow path keeps the format exact anyway. */
const NATIVE_LE = endianness() === 'LE';

/** Samples → bytes. */
export function encodeSamples(values: readonly number[]): Buffer {
  if (NATIVE_LE) return Buffer.from(Float64Array.from(values).buffer);
  const buf = Buffer.allocUnsafe(values.length * 8);
  for (let i = 0; i < values.length; i++) buf.writeDoubleLE(values[i]!, i * 8);
  return buf;
}

/** Bytes → samples. */
export function decodeSamples(data: Uint8Array): number[] {
  const n = data.byteLength >> 3;
  if (NATIVE_LE) {
    // A Float64Array needs 8-byte alignment; the driver's Buffer may not have it, so copy once.
    const aligned = new Float64Array(n);
    new Uint8Array(aligned.buffer).set(data.subarray(0, n * 8));
    return Array.from(aligned);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}

/** Whether `tMs` is the implied axis 100, 200, 300 … */
function impliedAxis(tMs: readonly number[]): boolean {
  for (let i = 0; i < tMs.length; i++) if (tMs[i] !== (i + 1) * SERIES_STEP_MS) return false;
  return true;
}

/** Flattens a TimeSeries into named metrics, in a stable order. */
export function flattenSeries(ts: TimeSeries): SeriesEntry[] {
  const out: SeriesEntry[] = [];
  if (!impliedAxis(ts.tMs)) out.push({ name: 'tMs', values: ts.tMs });
  for (const name of PLAIN) out.push({ name, values: ts[name] });
  for (const group of GROUPS) for (const [key, values] of Object.entries(ts[group])) out.push({ name: `${group}/${key}`, values });
  return out;
}

/** Rebuilds a TimeSeries from metrics in their stored order (it takes ownership of the arrays). */
export function unflattenSeries(entries: readonly SeriesEntry[]): TimeSeries {
  const ts: TimeSeries = { tMs: [], activeSessions: [], sessionsInOutage: [], deliveredPps: [], lostPps: [], controlPps: {}, linkMbps: {}, linkUtilPct: {} };
  let storedAxis = false;
  for (const { name, values } of entries) {
    const slash = name.indexOf('/');
    if (slash < 0) {
      if (name === 'tMs') storedAxis = true;
      if (name === 'tMs' || (PLAIN as readonly string[]).includes(name)) ts[name as 'tMs' | (typeof PLAIN)[number]] = values;
      continue;
    }
    const group = name.slice(0, slash);
    if ((GROUPS as readonly string[]).includes(group)) ts[group as (typeof GROUPS)[number]][name.slice(slash + 1)] = values;
  }
  if (!storedAxis) ts.tMs = ts.activeSessions.map((_, i) => (i + 1) * SERIES_STEP_MS);
  return ts;
}
