/**
 * Time series of several runs on one time axis, one line per run per metric. Runs may last
 * different times (a `durationMs` override), so the axis is the union of every run's sample
 * times and a run with no sample at a time gets `null` there (a gap, not a zero).
 */
import { CONTROL_KINDS } from '../model/constants.ts';
import type { TimeSeries } from '../metrics/run-metrics.ts';
import { CONTROL_KIND_LABELS } from './kpi.ts';

/** One metric of the overlay: a line per run. */
export interface OverlaidMetric {
  /** `sessionsInOutage`, `activeSessions`, `deliveredPps`, `lostPps` or `controlPps.<kind>`. */
  key: string;
  label: string;
  /** Unit of the values: `sessions` or `packets/s`. */
  unit: string;
  /** One array per run (runs' order), aligned with {@link OverlaidSeries.tMs}; null where the run has no sample. */
  values: (number | null)[][];
}

/** Every run's series on a common time axis. */
export interface OverlaidSeries {
  /** Sample times, ms, ascending: every time at least one run sampled. */
  tMs: number[];
  metrics: OverlaidMetric[];
}

interface MetricSpec {
  key: string;
  label: string;
  unit: string;
  pick: (s: TimeSeries) => readonly number[] | undefined;
}

function metricSpecs(series: readonly TimeSeries[]): MetricSpec[] {
  const specs: MetricSpec[] = [
    { key: 'sessionsInOutage', label: 'sessions in outage', unit: 'sessions', pick: (s) => s.sessionsInOutage },
    { key: 'activeSessions', label: 'active sessions', unit: 'sessions', pick: (s) => s.activeSessions },
    { key: 'deliveredPps', label: 'delivered packets/s', unit: 'packets/s', pick: (s) => s.deliveredPps },
    { key: 'lostPps', label: 'lost packets/s', unit: 'packets/s', pick: (s) => s.lostPps },
  ];
  // The model's kinds first, in their order, then any kind a run has that this code does not know.
  const kinds: string[] = [...CONTROL_KINDS];
  for (const s of series) for (const k of Object.keys(s.controlPps)) if (!kinds.includes(k)) kinds.push(k);
  for (const k of kinds) {
    const label = (CONTROL_KIND_LABELS as Record<string, string>)[k] ?? k;
    specs.push({ key: `controlPps.${k}`, label: `${label} packets/s`, unit: 'packets/s', pick: (s) => s.controlPps[k] });
  }
  return specs;
}

/** Aligns runs' time series (one per run, runs' order) on the union of their sample times. */
export function overlaySeries(series: readonly TimeSeries[]): OverlaidSeries {
  const times = new Set<number>();
  for (const s of series) for (const t of s.tMs) times.add(t);
  const tMs = [...times].sort((a, b) => a - b);
  const slot = new Map(tMs.map((t, i) => [t, i]));
  const metrics = metricSpecs(series).map(({ key, label, unit, pick }) => ({
    key,
    label,
    unit,
    values: series.map((s) => {
      const line: (number | null)[] = new Array<number | null>(tMs.length).fill(null);
      const v = pick(s);
      if (v) s.tMs.forEach((t, i) => (line[slot.get(t)!] = v[i] ?? null));
      return line;
    }),
  }));
  return { tMs, metrics };
}
