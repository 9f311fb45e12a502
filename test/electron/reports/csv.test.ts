import { describe, expect, it } from 'vitest';
import { COUNTER_PATHS } from '../../../engine/index.ts';
import { renderCsvCounters, renderCsvSeries, renderCsvSessions } from '../../../electron/services/reports/csv.ts';
import { SESSION_CSV_COLUMNS } from '../../../electron/services/reports/csv-format.ts';
import { scenarioFrom, templateJson, runAs, templateRun } from '../../engine/compare/template-runs.ts';

const a = templateRun('01', 'run-a', 'A');
// A name with a comma and quotes checks the quoting; a shorter run checks differing lengths.
const b = runAs(scenarioFrom(templateJson('02'), ['name=web, "voice" & co']), 'run-b', 'B', { durationMs: 30_000 });
const input = [a, b].map((r) => ({ runId: r.comparable.id, summary: r.result.summary, sessions: r.result.sessions, series: r.result.series }));

const lines = (csv: string) => csv.split('\r\n').filter((l) => l !== '');
const prefixA = `run-a,${a.result.summary.scenario.replace(/^(.*[,"].*)$/, (m) => `"${m.replace(/"/g, '""')}"`)},1,${a.result.summary.fingerprint},`;
const prefixB = `run-b,"web, ""voice"" & co",1,${b.result.summary.fingerprint},`;

/** Asserts every data row starts with its run's context, and returns how many rows each run has. */
function rowsPerRun(csv: string): [number, number] {
  const rows = lines(csv).slice(1);
  for (const r of rows) expect(r.startsWith(prefixA) || r.startsWith(prefixB)).toBe(true);
  return [rows.filter((r) => r.startsWith(prefixA)).length, rows.filter((r) => r.startsWith(prefixB)).length];
}

describe('renderCsvSessions', () => {
  const csv = renderCsvSessions(input);
  it('puts the run id and context on every row', () => {
    expect(rowsPerRun(csv)).toEqual([a.result.sessions.length, b.result.sessions.length]);
  });
  it('has the --sessions columns with runId in front', () => {
    expect(lines(csv)[0]).toBe(['runId', ...SESSION_CSV_COLUMNS].join(','));
  });
  it('takes a single run too', () => {
    expect(lines(renderCsvSessions(input[0]!))).toHaveLength(a.result.sessions.length + 1);
  });
});

describe('renderCsvCounters', () => {
  const csv = renderCsvCounters(input);
  it('writes every counter of every router, zeros included, each row with its run', () => {
    const routers = Object.keys(a.result.summary.counters).length;
    expect(rowsPerRun(csv)).toEqual([routers * COUNTER_PATHS.length, routers * COUNTER_PATHS.length]);
    expect(lines(csv)[0]).toBe('runId,scenario,seed,fingerprint,router,counter,value');
  });
});

describe('renderCsvSeries', () => {
  const csv = renderCsvSeries(input);
  it('writes one row per sample of each run, each with its run', () => {
    expect(rowsPerRun(csv)).toEqual([a.result.series.tMs.length, b.result.series.tMs.length]);
  });
  it('has a column per metric, control kind and link', () => {
    const head = lines(csv)[0]!.split(',');
    expect(head.slice(0, 9)).toEqual(['runId', 'scenario', 'seed', 'fingerprint', 'tMs', 'activeSessions', 'sessionsInOutage', 'deliveredPps', 'lostPps']);
    expect(head).toContain('controlPps.healthCheck');
    expect(head).toContain('linkMbps.wan1');
  });
});
