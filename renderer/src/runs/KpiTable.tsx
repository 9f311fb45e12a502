/**
 * The comparison's KPI table: each run's value, and for every run after the baseline the
 * absolute and relative delta with an arrow and a word (better / worse / changed / same), so the
 * verdict reads without colour.
 */
import type { ComparedRun, KpiCell, KpiRow } from '../../../engine/index.ts';
import { bytes, count, duration } from '../live/format.ts';

function value(v: number | null, unit: KpiRow['unit']): string {
  if (v === null) return '—';
  if (unit === 'ms') return duration(v);
  if (unit === 'bytes') return bytes(v);
  return count(v);
}

function signed(v: number, unit: KpiRow['unit']): string {
  const abs = value(Math.abs(v), unit);
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${abs}`;
}

/** The delta part of a cell, e.g. `▲ +3 (+25 %) worse`. */
export function deltaText(c: KpiCell, unit: KpiRow['unit']): string {
  if (c.delta === null || c.verdict === null) return '';
  if (c.verdict === 'same') return '= same';
  const arrow = c.delta > 0 ? '▲' : '▼';
  const rel = c.relDelta === null ? '' : ` (${c.relDelta > 0 ? '+' : '−'}${Math.abs(Math.round(c.relDelta * 1000) / 10)} %)`;
  return `${arrow} ${signed(c.delta, unit)}${rel} ${c.verdict}`;
}

/** Whether any run differs from the baseline on this row. */
export function rowDiffers(r: KpiRow): boolean {
  return r.cells.some((c) => c.verdict !== null && c.verdict !== 'same') || r.cells.some((c) => (c.value === null) !== (r.cells[0]?.value === null));
}

/** The table. */
export function KpiTable({ runs, rows }: { runs: ComparedRun[]; rows: KpiRow[] }) {
  const groups: { group: string; rows: KpiRow[] }[] = [];
  for (const r of rows) {
    const g = groups.at(-1);
    if (g && g.group === r.group) g.rows.push(r);
    else groups.push({ group: r.group, rows: [r] });
  }
  return (
    <table className="data-table kpi-table" aria-label="KPIs">
      <thead>
        <tr>
          <th scope="col">KPI</th>
          {runs.map((r, i) => (
            <th key={r.id} scope="col" className="num">
              {i === 0 ? 'baseline: ' : ''}
              {r.label}
            </th>
          ))}
        </tr>
      </thead>
      {groups.map((g) => (
        <tbody key={g.group}>
          <tr className="group-row">
            <th scope="rowgroup" colSpan={runs.length + 1}>
              {g.group}
            </th>
          </tr>
          {g.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" title={r.key}>
                {r.label}
                {r.better !== 'neutral' && <span className="muted small"> ({r.better} is better)</span>}
              </th>
              {r.cells.map((c, i) => (
                <td key={runs[i]?.id ?? i} className="num">
                  <div>{value(c.value, r.unit)}</div>
                  {c.verdict && c.verdict !== 'same' && <div className={`delta verdict-${c.verdict}`}>{deltaText(c, r.unit)}</div>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
