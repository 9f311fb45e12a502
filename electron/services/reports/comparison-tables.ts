/** The comparison report's tables: runs side by side, KPIs with deltas, settings diff, divergence. */
import { type Divergence, type Comparison, type KpiCell, type KpiRow, type SettingDiff, RUN_DASHES, runColor } from '../../../engine/index.ts';
import { html, type Html } from './html.ts';
import { at, date, dur, int, num, relPct, signed } from './format.ts';

/** Run metadata only the report shows. */
export interface RunMeta {
  createdAt?: string | Date;
  status?: string;
}

/** A run's colour swatch and line sample, as its line appears in the charts. */
export function runKey(i: number): Html {
  const dash = RUN_DASHES[i % RUN_DASHES.length]!;
  return html`<span class="runline" style="border-top-color:${runColor(i)};border-top-style:${dash}"></span>`;
}

function runHead(c: Comparison, i: number): Html {
  const r = c.runs[i]!;
  return html`<th class="run-col">${runKey(i)}${r.label}${i === 0 ? html`<div class="note">baseline</div>` : ''}</th>`;
}

/** The runs side by side: one column per run. */
export function runsTable(c: Comparison, meta: readonly RunMeta[]): Html {
  const row = (label: string, cells: (string | Html)[], mono = false) => html`<tr><th scope="row">${label}</th>${cells.map((x) => html`<td${mono ? html` class="mono"` : ''}>${x}</td>`)}</tr>`;
  const runs = c.runs;
  const heads = runs.map((r, i) => html`<th>${runKey(i)}${r.label}${i === 0 ? html` <span class="note">(baseline)</span>` : ''}</th>`);
  return html`<table class="runs"><thead><tr><th></th>${heads}</tr></thead><tbody>
${row(
  'run id',
  runs.map((r) => r.id),
  true,
)}
${row(
  'scenario',
  runs.map((r) => r.scenarioName),
)}
${row(
  'recovery detection',
  runs.map((r) => html`<b>${r.recovery}</b>`),
)}
${row(
  'seed',
  runs.map((r) => String(r.seed)),
)}
${row(
  'virtual time',
  runs.map((r) => dur(r.durationMs)),
)}
${row(
  'faults',
  runs.map((r) => `${r.faults}${r.liveFaults ? ` (${r.liveFaults} live)` : ''}`),
)}
${row(
  'date',
  meta.map((m) => date(m.createdAt)),
)}
${row(
  'status',
  meta.map((m) => m.status ?? 'finished'),
)}
${row(
  'fingerprint',
  runs.map((r) => r.fingerprint),
  true,
)}
</tbody></table>`;
}

function value(row: KpiRow, v: number | null): string {
  if (v === null) return '—';
  return row.unit === 'ms' ? dur(v) : int(v);
}

/** A delta in print-proof form: arrow, signed amount, signed percentage, and the verdict in words. */
function delta(row: KpiRow, c: KpiCell): Html {
  if (c.delta === null || c.verdict === null) return html``;
  if (c.verdict === 'same') return html`<span class="delta same">= same</span>`;
  const arrow = c.delta > 0 ? '▲' : '▼';
  const amount = row.unit === 'ms' ? dur(Math.abs(c.delta)) : num(Math.abs(c.delta), 3);
  const rel = c.relDelta === null ? '' : ` (${relPct(c.relDelta)})`;
  const word = c.verdict === 'changed' ? '' : c.verdict;
  return html`<span class="delta ${c.verdict}">${arrow} ${signed(amount, c.delta)}${rel}${word ? html`<span class="word">${word}</span>` : ''}</span>`;
}

function kpiRowHtml(row: KpiRow, label: string | Html = row.label): Html {
  return html`<tr><td>${label}</td>${row.cells.map((c) => html`<td class="n">${value(row, c.value)}${delta(row, c)}</td>`)}</tr>`;
}

/** Counter rows as `show stats` shows them: the branch once as a sub-heading, then its leaves. */
function counterRowsHtml(rows: readonly KpiRow[], width: number): Html[] {
  let branch: string | null = null;
  return rows.map((r) => {
    const cut = r.label.lastIndexOf('/');
    const b = cut < 0 ? '' : r.label.slice(0, cut);
    const head = b !== branch ? html`<tr class="branch"><td colspan="${width}">${b}</td></tr>` : '';
    branch = b;
    return html`${head}${kpiRowHtml(r, html`<span class="leaf">${r.label.slice(cut + 1)}</span>`)}`;
  });
}

/**
 * KPI rows grouped under their headings. Rows that are zero in every run are not drawn one by one
 * (a comparison of recovery modes would otherwise be half zeros); they are named under the group.
 */
export function kpiTableHtml(c: Comparison, rows: readonly KpiRow[]): Html {
  const groups: string[] = [];
  for (const r of rows) if (!groups.includes(r.group)) groups.push(r.group);
  const width = c.runs.length + 1;
  const body = groups.map((g) => {
    const inGroup = rows.filter((r) => r.group === g);
    const zero = inGroup.filter((r) => r.cells.every((x) => x.value === 0));
    const shown = inGroup.filter((r) => !zero.includes(r));
    const isCounters = shown.every((r) => r.key.startsWith('counters.'));
    const drawn = isCounters ? counterRowsHtml(shown, width) : shown.map((r) => kpiRowHtml(r));
    // One tbody per group, kept on one page in print, so a heading never ends a page alone.
    return html`<tbody class="grp"><tr class="group"><td colspan="${width}">${g}</td></tr>${drawn}${
      zero.length ? html`<tr><td colspan="${width}" class="note">Zero in every run: ${zero.map((r) => r.label).join(', ')}.</td></tr>` : ''
    }</tbody>`;
  });
  return html`<table class="kpi-table"><thead><tr><th>measure</th>${c.runs.map((_, i) => runHead(c, i))}</tr></thead>${body}</table>`;
}

function settingValue(v: unknown): Html {
  if (v === undefined) return html`<span class="note">(not set)</span>`;
  if (typeof v === 'object' && v !== null) return html`<code>${JSON.stringify(v)}</code>`;
  return html`<code>${String(v)}</code>`;
}

/** The settings that differ, one row per `--set` path, values that differ from the baseline's in bold. */
export function settingsDiffTable(c: Comparison, diff: readonly SettingDiff[]): Html {
  if (diff.length === 0) return html`<p>The runs have the same settings (names, descriptions and canvas positions aside).</p>`;
  const rows = diff.map((d) => {
    const base = JSON.stringify(d.values[0]);
    return html`<tr><td><code>${d.path}</code></td>${d.values.map((v, i) => html`<td class="n">${i > 0 && JSON.stringify(v) !== base ? html`<b>${settingValue(v)}</b>` : settingValue(v)}</td>`)}</tr>`;
  });
  return html`<table><thead><tr><th>setting (as <code>--set</code> path)</th>${c.runs.map((_, i) => runHead(c, i))}</tr></thead><tbody>${rows}</tbody></table>`;
}

function divergenceText(d: Divergence, baseline: string, other: string): Html {
  if (d.kind === 'identical') return html`<p>Identical to ${baseline}, event for event (${int(d.events)} events).</p>`;
  if (d.kind === 'different-topology') return html`<p>Not compared event by event: ${d.reason}.</p>`;
  const ev = (e: typeof d.a) => (e ? html`<b>${e.kind}</b> at <b>${e.node}</b>, ${at(e.tMs)}${e.action ? html`: ${e.action}` : ''}` : html`nothing (the run had ended)`);
  const common = d.lastCommonCheckpointMs < 0 ? 'from the first second' : `the last fingerprint checkpoint both share is at ${at(d.lastCommonCheckpointMs)}`;
  return html`<p>The runs are identical for their first ${int(d.eventIndex)} events and first differ at <b>${at(d.tMs)}</b> of virtual time; ${common}. The first event that differs:</p>
<table class="compact"><tbody><tr><td>${baseline}</td><td>${ev(d.a)}</td></tr><tr><td>${other}</td><td>${ev(d.b)}</td></tr></tbody></table>`;
}

/** The first divergence of the baseline and each other run, where the caller attached one. */
export function divergenceHtml(c: Comparison): Html | null {
  const found = c.runs.slice(1).filter((r) => c.divergence?.[r.id] !== undefined);
  if (found.length === 0) return null;
  const base = c.runs[0]!.label;
  return html`<p class="note">Where two runs first differ, found by re-running both and comparing event by event from the last per-second fingerprint they share. Settings that differ act only when the model reaches them, so this is where a setting first made a difference.</p>${found.map(
    (r) => html`<h3>${base} vs ${r.label}</h3>${divergenceText(c.divergence![r.id]!, base, r.label)}`,
  )}`;
}
