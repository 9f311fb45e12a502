/**
 * The export of stored runs (runs:export, `srlab compare --report`): one self-contained HTML report (one run, or a comparison of several) or a CSV
 * of sessions, counters or series, built from stored runs. The caller saves or downloads it.
 */
import type { ApiResult, ComparableRun, ExportFormat, RunDetail, RunResult, Results } from '../../../engine/index.ts';
import { getSessions, type RunDatabase } from '../db/index.ts';
import { renderComparisonReport, renderCsvCounters, renderCsvSeries, renderCsvSessions, renderRunReport } from '../reports/index.ts';
import { comparableRun, compareStored } from './stored-runs.ts';

function slug(s: string): string {
  return (
    s
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'run'
  );
}

function resultOf(db: RunDatabase, d: RunDetail): RunResult | string {
  if (!d.summary || !d.series) return `run ${d.id} has no results (status ${d.status})`;
  return { summary: d.summary, sessions: getSessions(db, d.id, { limit: 1_000_000 }), series: d.series, faultLog: d.faultLog, checkpoints: d.checkpoints };
}

/** Renders the export of one or more stored runs. */
export function exportRuns(db: RunDatabase, runs: readonly RunDetail[], format: ExportFormat): ApiResult<Results['runs:export']> {
  const results: { d: RunDetail; r: RunResult }[] = [];
  for (const d of runs) {
    const r = resultOf(db, d);
    if (typeof r === 'string') return { ok: false, error: { code: 'conflict', message: r } };
    results.push({ d, r });
  }
  const first = results[0]!;
  const base = results.length === 1 ? `${slug(first.d.scenarioName)}-${first.d.id}` : `comparison-${results.map((x) => x.d.id).join('-')}`;
  const csvRuns = results.map(({ d, r }) => ({ runId: d.id, summary: r.summary, sessions: r.sessions, series: r.series }));
  switch (format) {
    case 'html': {
      if (results.length === 1) {
        const html = renderRunReport({
          runId: first.d.id,
          scenario: first.d.scenario,
          result: first.r,
          createdAt: first.d.startedAt,
          status: first.d.status,
          ...(first.d.label ? { label: first.d.label } : {}),
        });
        return { ok: true, value: { filename: `${base}.html`, mime: 'text/html', content: html } };
      }
      const comparison = compareStored(runs);
      if (typeof comparison === 'string') return { ok: false, error: { code: 'conflict', message: comparison } };
      // compareStored succeeded, so every run is comparable.
      const reportRuns = runs.map((d) => ({ ...(comparableRun(d) as ComparableRun), createdAt: d.startedAt, status: d.status }));
      return { ok: true, value: { filename: `${base}.html`, mime: 'text/html', content: renderComparisonReport({ runs: reportRuns, comparison }) } };
    }
    case 'csv-sessions':
      return { ok: true, value: { filename: `${base}-sessions.csv`, mime: 'text/csv', content: renderCsvSessions(csvRuns) } };
    case 'csv-counters':
      return { ok: true, value: { filename: `${base}-counters.csv`, mime: 'text/csv', content: renderCsvCounters(csvRuns) } };
    case 'csv-series':
      return { ok: true, value: { filename: `${base}-series.csv`, mime: 'text/csv', content: renderCsvSeries(csvRuns) } };
  }
}
