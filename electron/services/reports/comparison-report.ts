/**
 * The comparison report: two or more runs side by side (e.g. packet-based against
 * inactivity-based 1 s and 5 s under the same faults), as one self-contained HTML file.
 */
import { type FaultLogEntry, compareRuns, type ComparableRun, type Comparison, RUN_DASHES, runColor } from '../../../engine/index.ts';
import { figure, startupClip, timeSeriesChart, trailingMean } from './charts.ts';
import { faultCaption, faultDetails, faultMarks, faultTarget, type FaultMark } from './faults.ts';
import { at, date, int } from './format.ts';
import { html, type Html } from './html.ts';
import { runNarrative } from './narrative.ts';
import { assumptionsSection, documentShell, footer, header, jsonDetails, section } from './page.ts';
import { divergenceHtml, kpiTableHtml, runKey, runsTable, settingsDiffTable, type RunMeta } from './comparison-tables.ts';

/** A run as the comparison report takes it: the comparable run plus what only the report shows. */
export type ComparisonReportRun = ComparableRun & RunMeta;

/** What a comparison report needs: plain data, no database. */
export interface ComparisonReportInput {
  /** Two or more runs; the first is the baseline. */
  runs: readonly ComparisonReportRun[];
  /** `compareRuns(runs)` with any divergence attached; computed here when absent. */
  comparison?: Comparison;
  /** When the report was made, shown in the header (default: now). */
  generatedAt?: string | Date;
}

/** A fault as the runs share it: its mark and the runs (indices) whose log holds it. */
interface SharedFault {
  entry: FaultLogEntry;
  mark: FaultMark;
  runs: number[];
}

/** Faults of every run, the same fault (time, type, target) once, tagged F1… in time order. */
function sharedFaults(runs: readonly ComparisonReportRun[]): SharedFault[] {
  const endMs = Math.max(...runs.map((r) => r.summary.durationMs));
  const out: SharedFault[] = [];
  runs.forEach((r, i) => {
    for (const e of r.faultLog) {
      const key = JSON.stringify([e.atMs, e.fault]);
      const hit = out.find((f) => JSON.stringify([f.entry.atMs, f.entry.fault]) === key);
      if (hit) hit.runs.push(i);
      else out.push({ entry: e, mark: faultMarks([e], endMs)[0]!, runs: [i] });
    }
  });
  out.sort((a, b) => a.entry.atMs - b.entry.atMs);
  out.forEach((f, i) => (f.mark = { ...f.mark, tag: `F${i + 1}` }));
  return out;
}

function faultsTable(faults: readonly SharedFault[], c: Comparison): Html {
  if (faults.length === 0) return html`<p class="note">No faults in any run.</p>`;
  const n = c.runs.length;
  const rows = faults.map(
    (f) => html`<tr><td><b>${f.mark.tag}</b></td><td class="n">${at(f.entry.atMs)}</td><td>${f.entry.fault.type}</td><td>${faultTarget(f.entry.fault)}</td><td>${faultDetails(f.entry.fault)}</td>
<td>${f.runs.length === n ? 'all runs' : f.runs.map((i) => c.runs[i]!.label).join(', ')}</td></tr>`,
  );
  return html`<table><thead><tr><th>mark</th><th class="n">at</th><th>fault</th><th>target</th><th>what happens</th><th>in</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Per-second rates alias at 100 ms sampling (see trailingMean); session counts are levels. */
const RATE = /Pps/;

function overlayFigures(c: Comparison, faults: readonly FaultMark[]): Html[] {
  const { tMs, metrics } = c.series;
  const drawn = metrics.filter((m) => m.values.some((line) => line.some((v) => v !== null && v !== 0)));
  const idle = metrics.filter((m) => !drawn.includes(m)).map((m) => m.label);
  const figs = drawn.map((m) => {
    const lines = m.values.map((values, i) => ({
      name: c.runs[i]!.label,
      color: runColor(i),
      dash: RUN_DASHES[i % RUN_DASHES.length]!,
      values: RATE.test(m.key) ? trailingMean(tMs, values) : values,
      width: i === 0 ? 2.2 : 1.8,
    }));
    const clip = m.key.startsWith('controlPps.')
      ? startupClip(
          tMs,
          lines.map((l) => l.values),
        )
      : null;
    const svg = timeSeriesChart({ tMs, yName: m.unit, faults, legend: true, height: 220, lines, ...(clip ? { yMax: clip.yMax } : {}) });
    const clipNote = clip ? ` The opening burst (up to ${Math.round(clip.peak)}/s) runs off the top.` : '';
    const caption = `${RATE.test(m.key) ? 'Mean over the last second. ' : ''}One line per run; where lines overlap, the runs agree.${clipNote}${faultCaption(faults)}`;
    return html`<h3>${m.label}</h3>${figure(svg, caption, m.label)}`;
  });
  if (idle.length) figs.push(html`<p class="note">Zero in every run, not drawn: ${idle.join(', ')}.</p>`);
  return figs;
}

/** The comparison report: one HTML document with inline CSS and SVG charts, no script, no external reference. */
export function renderComparisonReport(input: ComparisonReportInput): string {
  const runs = input.runs;
  const c = input.comparison ?? compareRuns(runs);
  const names = [...new Set(runs.map((r) => r.scenario.name))];
  const faults = sharedFaults(runs);
  const title = `${c.runs.map((r) => r.label).join(' vs ')}`;
  const top = header('Comparison report', title, [
    ['runs', String(runs.length)],
    ['scenario', names.length === 1 ? names[0]! : `${names.length} scenarios`],
    ['baseline', c.runs[0]!.label],
    // Made now unless the caller says otherwise (a report is always made at some time: never "—").
    ['made', date(input.generatedAt ?? new Date())],
  ]);
  const stories = html`<section id="summary"><h2>In short</h2>${c.runs.map(
    (r, i) => html`<p>${runKey(i)}<b>${r.label}</b>: ${runNarrative(runs[i]!.summary, runs[i]!.faultLog.length)}</p>`,
  )}</section>`;
  const main = c.kpis.filter((k) => !k.key.startsWith('counters.'));
  const counters = c.kpis.filter((k) => k.key.startsWith('counters.'));
  const deltasNote = html`<p class="note">Each run against the baseline (${c.runs[0]!.label}): ▲ higher, ▼ lower, with the difference and, when the baseline is not 0, the relative change. Better and worse say which way is good for that measure; measures with no good direction say only that they changed.</p>`;
  const body = html`${top}${stories}
${section('runs', 'The runs', [runsTable(c, runs), html`<h3>Settings that differ</h3>`, settingsDiffTable(c, c.settings), html`<h3>Faults</h3>`, faultsTable(faults, c)], false)}
${section('kpis', 'Results side by side', [deltasNote, kpiTableHtml(c, main)])}
${section(
  'overlay',
  'Over time',
  overlayFigures(
    c,
    faults.map((f) => f.mark),
  ),
)}
${divergenceHtml(c) ? section('divergence', 'Where the runs first differ', divergenceHtml(c), false) : ''}
${counters.length ? section('counters', 'Router counters side by side', [html`<p class="note">Counters that are non-zero in at least one run, by router, with the same deltas.</p>`, kpiTableHtml(c, counters)], false) : ''}
${assumptionsSection()}
${footer(
  c.runs.flatMap(
    (r) =>
      [
        [`${r.label}:`, r.id],
        ['seed', String(r.seed)],
        ['fingerprint', r.fingerprint],
      ] as [string, string][],
  ),
  [
    html`<div class="meta"><span>engine <b class="mono">${[...new Set(c.runs.map((r) => r.engineVersion))].join(', ')}</b></span><span>events <b class="mono">${runs.map((r) => int(r.summary.events)).join(' / ')}</b></span></div>`,
    runs.map((r) => jsonDetails(`Effective scenario of ${r.label} (${r.id})`, r.scenario)),
  ],
)}`;
  return documentShell(`Comparison — ${title}`, body);
}
