/** Issue 10 §1: the run report lists faults in time order; the comparison report says when it was made. */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../engine/index.ts';
import { compareRuns } from '../../../engine/compare/compare.ts';
import { renderRunReport } from '../../../electron/services/reports/run-report.ts';
import { renderComparisonReport } from '../../../electron/services/reports/comparison-report.ts';
import { templateRun } from '../../engine/compare/template-runs.ts';

describe('the run report', () => {
  it('lists a fault injected live at 5 s before the one scheduled at 20 s, F1 first', () => {
    const t = templateRun('01', 'run-1', 'packet-based');
    const sim = new Simulation(t.scenario);
    sim.runUntil(5_000_000);
    expect(sim.inject({ atMs: 0, type: 'link-down', link: 'wan1', durationMs: 1000 }).ok).toBe(true);
    const result = sim.run();
    // The engine logs the live fault after the scheduled one …
    expect(result.faultLog.map((f) => f.source)).toEqual(['scheduled', 'live']);
    const html = renderRunReport({ runId: 'run-1', scenario: t.scenario, result });
    const f1 = html.indexOf('<td><b>F1</b></td>');
    const row1 = html.slice(f1, html.indexOf('</tr>', f1));
    // … the report reads by time.
    expect(row1).toContain('5.000 s');
    expect(row1).toContain('link-down');
  });
});

describe('the comparison report', () => {
  it('says when it was made even when the caller does not', () => {
    const runs = [templateRun('01', 'run-1', 'a'), templateRun('02', 'run-2', 'b')].map((r) => ({ ...r.comparable, createdAt: '2026-11-22T12:00:00Z', status: 'finished' }));
    const html = renderComparisonReport({ runs, comparison: compareRuns(runs) });
    const made = html.indexOf('made');
    expect(made).toBeGreaterThan(0);
    expect(html.slice(made, made + 80)).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });
});
