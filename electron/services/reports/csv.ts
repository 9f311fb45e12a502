/**
 * CSV exports of runs: sessions, counters and time series. Every row carries the run id and its
 * context (scenario, seed, fingerprint), so files from several runs can be concatenated or loaded
 * into one sheet and still say where each row came from. Quoting is csv-format.ts's (`csvField`), shared with the CLI.
 */
import type { RunSummary, SessionOutcome, TimeSeries } from '../../../engine/index.ts';
import { csvField, SESSION_CSV_COLUMNS } from './csv-format.ts';

/** What identifies a run on every row. */
export interface CsvRun {
  runId: string;
  summary: Pick<RunSummary, 'scenario' | 'seed' | 'fingerprint'>;
}

/** Columns every export starts with. */
export const CSV_CONTEXT_COLUMNS: readonly string[] = ['runId', 'scenario', 'seed', 'fingerprint'];

function context(r: CsvRun): unknown[] {
  return [r.runId, r.summary.scenario, r.summary.seed, r.summary.fingerprint];
}

/** Header plus rows, CRLF line ends as RFC 4180 asks (the same as `--sessions`). */
function file(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function list<T>(x: T | readonly T[]): readonly T[] {
  return Array.isArray(x) ? x : [x as T];
}

/** One row per session of every run: the `--sessions` columns with the run id in front. */
export function renderCsvSessions(runs: (CsvRun & { sessions: readonly SessionOutcome[] }) | readonly (CsvRun & { sessions: readonly SessionOutcome[] })[]): string {
  // The `--sessions` file starts with scenario, seed, fingerprint; the session fields follow.
  const fields = SESSION_CSV_COLUMNS.slice(3);
  const rows: unknown[][] = [];
  for (const r of list(runs)) {
    for (const s of r.sessions) {
      const rec: Record<string, unknown> = { ...s };
      rows.push([...context(r), ...fields.map((f) => rec[f])]);
    }
  }
  return file([...CSV_CONTEXT_COLUMNS, ...fields], rows);
}

/** One row per router counter of every run, zeros included (long format: router, counter, value). */
export function renderCsvCounters(runs: (CsvRun & { summary: Pick<RunSummary, 'counters'> }) | readonly (CsvRun & { summary: Pick<RunSummary, 'counters'> })[]): string {
  const rows: unknown[][] = [];
  for (const r of list(runs)) {
    for (const [router, values] of Object.entries(r.summary.counters)) {
      for (const [path, v] of Object.entries(values)) rows.push([...context(r), router, path, v]);
    }
  }
  return file([...CSV_CONTEXT_COLUMNS, 'router', 'counter', 'value'], rows);
}

type SeriesRun = CsvRun & { series: TimeSeries };

/** The series columns over all runs: fixed metrics, then control kinds and links in first-seen order. */
function seriesColumns(runs: readonly SeriesRun[]): { name: string; pick: (s: TimeSeries) => readonly number[] | undefined }[] {
  const cols: { name: string; pick: (s: TimeSeries) => readonly number[] | undefined }[] = [
    { name: 'activeSessions', pick: (s) => s.activeSessions },
    { name: 'sessionsInOutage', pick: (s) => s.sessionsInOutage },
    { name: 'deliveredPps', pick: (s) => s.deliveredPps },
    { name: 'lostPps', pick: (s) => s.lostPps },
  ];
  const add = (prefix: string, key: 'controlPps' | 'linkMbps' | 'linkUtilPct') => {
    const seen: string[] = [];
    for (const r of runs) for (const k of Object.keys(r.series[key])) if (!seen.includes(k)) seen.push(k);
    for (const k of seen) cols.push({ name: `${prefix}.${k}`, pick: (s) => s[key][k] });
  };
  add('controlPps', 'controlPps');
  add('linkMbps', 'linkMbps');
  add('linkUtilPct', 'linkUtilPct');
  return cols;
}

/** One row per 100 ms sample of every run (wide: one column per metric; empty where a run lacks it). */
export function renderCsvSeries(runs: SeriesRun | readonly SeriesRun[]): string {
  const all = list(runs);
  const cols = seriesColumns(all);
  const rows: unknown[][] = [];
  for (const r of all) {
    const picked = cols.map((c) => c.pick(r.series));
    r.series.tMs.forEach((t, i) => rows.push([...context(r), t, ...picked.map((v) => v?.[i])]));
  }
  return file([...CSV_CONTEXT_COLUMNS, 'tMs', ...cols.map((c) => c.name)], rows);
}
