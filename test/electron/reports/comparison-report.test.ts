import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, firstDivergence } from '../../../engine/index.ts';
import { compareRuns, type KpiRow } from '../../../engine/compare/compare.ts';
import { renderComparisonReport } from '../../../electron/services/reports/comparison-report.ts';
import { esc } from '../../../electron/services/reports/html.ts';
import { dur, num, relPct, signed } from '../../../electron/services/reports/format.ts';
import { runAs, scenarioFrom, templateJson, templateRun, type TemplateRun } from '../../engine/compare/template-runs.ts';
import { expectSelfContained, svgCount } from './self-contained.ts';

// The issue's comparison: packet-based against inactivity-based 1 s and 5 s under the same fault.
const packet = templateRun('01', 'run-1', 'packet-based');
const one = templateRun('02', 'run-2', 'inactivity-based, 1 s', ['authority.sessionRecoveryDetection.inactivityTimeoutSec=1']);
const five = templateRun('02', 'run-3', 'inactivity-based, 5 s', ['authority.sessionRecoveryDetection.inactivityTimeoutSec=5']);
const runs = [packet, one, five].map((r) => ({ ...r.comparable, createdAt: '2026-11-22T12:00:00Z', status: 'finished' }));
const comparison = compareRuns(runs);
const doc = renderComparisonReport({ runs, comparison, generatedAt: '2026-11-22T13:00:00Z' });

/** The `<tr>` of the KPI table whose first cell is `label`. */
function rowOf(html: string, label: string): string {
  const start = html.indexOf(`<tr><td>${esc(label)}</td>`);
  if (start < 0) throw new Error(`no row "${label}"`);
  return html.slice(start, html.indexOf('</tr>', start));
}

function deltaText(row: KpiRow, i: number): string {
  const c = row.cells[i]!;
  if (c.verdict === 'same') return '= same';
  const amount = row.unit === 'ms' ? dur(Math.abs(c.delta!)) : num(Math.abs(c.delta!), 3);
  return `${c.delta! > 0 ? '▲' : '▼'} ${signed(amount, c.delta!)}${c.relDelta === null ? '' : ` (${relPct(c.relDelta)})`}`;
}

describe('renderComparisonReport', () => {
  it('is one self-contained document', () => {
    expectSelfContained(doc);
  });

  it('shows the runs side by side with their labels, ids and effective recovery', () => {
    for (const r of comparison.runs) {
      expect(doc).toContain(esc(r.label));
      expect(doc).toContain(r.id);
      expect(doc).toContain(r.fingerprint);
    }
    expect(doc).toContain('<b>inactivity-based, 1 s</b>');
  });

  it("has a row per KPI that is not zero in every run, with each run's delta and verdict", () => {
    const main = comparison.kpis.filter((k) => !k.key.startsWith('counters.'));
    for (const k of main) {
      if (k.cells.every((c) => c.value === 0)) continue;
      const tr = rowOf(doc, k.label);
      for (let i = 1; i < k.cells.length; i++) {
        expect(tr).toContain(esc(deltaText(k, i)));
        const v = k.cells[i]!.verdict!;
        if (v === 'better' || v === 'worse') expect(tr).toContain(`<span class="word">${v}</span>`);
      }
    }
  });

  it('shows the outage deltas the engineer came for', () => {
    const p50 = comparison.kpis.find((k) => k.key === 'outageMs.p50')!;
    const tr = rowOf(doc, 'outage p50');
    expect(tr).toContain(`class="delta worse"`);
    expect(tr).toContain(signed(dur(p50.cells[2]!.delta!), 1));
  });

  it('names the KPIs that are zero in every run instead of drawing them', () => {
    expect(doc).toMatch(/Zero in every run: [^<]*recovered by bfd/);
    expect(() => rowOf(doc, 'recovered by bfd')).toThrow();
  });

  it('lists the settings that differ by their --set paths', () => {
    expect(doc).toContain('<code>authority.sessionRecoveryDetection.mode</code>');
    expect(doc).toContain('<code>authority.sessionRecoveryDetection.inactivityTimeoutSec</code>');
  });

  it('overlays the series, one chart per metric that moved', () => {
    const drawn = comparison.series.metrics.filter((m) => m.values.some((l) => l.some((v) => v !== null && v !== 0)));
    expect(svgCount(doc)).toBe(drawn.length);
    for (const m of drawn) expect(doc).toContain(`<h3>${esc(m.label)}</h3>`);
  });

  it('lists every model assumption by title', () => {
    for (const a of ASSUMPTIONS) expect(doc).toContain(esc(a.title));
  });

  it('shows the first divergence per run pair when the caller attached it', () => {
    expect(doc).not.toContain('Where the runs first differ');
    const ref = (r: TemplateRun) => ({ scenario: r.scenario, options: {}, checkpoints: r.result.checkpoints, fingerprint: r.result.summary.fingerprint });
    const d = firstDivergence(ref(packet), ref(five));
    const withD = renderComparisonReport({ runs, comparison: { ...comparison, divergence: { 'run-3': d } } });
    expect(d.kind).toBe('diverged');
    if (d.kind !== 'diverged') return;
    expect(withD).toContain('Where the runs first differ');
    expect(withD).toContain(`${(d.tMs / 1000).toFixed(3)} s`);
    expect(withD).toContain(`<b>${d.b!.kind}</b> at <b>${d.b!.node}</b>`);
  });

  it('computes the comparison itself when none is given', () => {
    expect(renderComparisonReport({ runs })).toContain(esc(comparison.runs[2]!.label));
  });

  it('escapes hostile labels and scenario names', () => {
    const bad = scenarioFrom(templateJson('02'), ['name=<script>x()</script>']);
    const r = runAs(bad, 'run-<x>', '<b onmouseover=alert(1)>');
    const out = renderComparisonReport({ runs: [runs[0]!, r.comparable] });
    expectSelfContained(out);
    expect(out).not.toContain('<b onmouseover');
    expect(out).not.toContain('<script>x()');
    expect(out).toContain('&lt;b onmouseover=alert(1)&gt;');
  });

  it('prints well: print rules and KPI groups kept on one page', () => {
    expect(doc).toContain('@media print');
    expect(doc).toMatch(/tbody\.grp \{ break-inside: avoid/);
  });
});
