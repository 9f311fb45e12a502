/**
 * Reports of runs and comparisons: self-contained HTML (inline CSS, SVG charts, no script, no
 * external reference) and CSV exports. Node only (ECharts' server-side renderer); never imports
 * 'electron'. Functions take plain data, not the database, so the CLI, the app and tests share them.
 */
export { renderRunReport } from './run-report.ts';
export { renderComparisonReport } from './comparison-report.ts';
export { renderCsvCounters, renderCsvSeries, renderCsvSessions } from './csv.ts';
