/**
 * `srlab compare <runId> <runId>… [--db FILE] [--json] [--report FILE.html]`: the KPI table
 * with absolute and relative deltas against the first run, the settings that differ, and the
 * first divergence of each run from the first; optionally the comparison report.
 */
import type { Comparison, Divergence, KpiCell, KpiRow } from '../../../engine/index.ts';
import { compareStored, exportRuns, loadDetails } from '../../services/runs/index.ts';
import { BadInput, CliFailure, EXIT_OK } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { renderTable } from '../format/table.ts';
import { dbFileFor, openForReading } from './db-access.ts';

/** Flags of `srlab compare`. */
export interface CompareFlags {
  db?: string;
  json?: boolean;
  report?: string;
}

function num(v: number | null, unit: string): string {
  if (v === null) return '–';
  const r = Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2).replace(/\.?0+$/, '') : v.toFixed(3).replace(/\.?0+$/, '');
  return unit === 'ms' ? `${r} ms` : r;
}

function delta(c: KpiCell, unit: string): string {
  if (c.delta === null) return '';
  if (c.delta === 0) return '=';
  const sign = c.delta > 0 ? '+' : '−';
  const rel = c.relDelta === null ? '' : ` (${sign}${Math.abs(c.relDelta * 100).toFixed(1)} %)`;
  const verdict = c.verdict === 'better' ? ' better' : c.verdict === 'worse' ? ' worse' : '';
  return `${sign}${num(Math.abs(c.delta), unit)}${rel}${verdict}`;
}

function describeDivergence(d: Divergence | undefined): string {
  if (!d) return 'not computed';
  if (d.kind === 'identical') return `identical (${d.events} events)`;
  if (d.kind === 'different-topology') return `not comparable event by event: ${d.reason}`;
  const side = (e: typeof d.a) => (e ? `${e.kind} at ${e.node}${e.action ? `, which ${e.action}` : ''}` : 'nothing (run ended)');
  return `at ${(d.tMs / 1000).toFixed(6)} s, event #${d.eventIndex}: ${side(d.a)} vs ${side(d.b)} (last common checkpoint ${d.lastCommonCheckpointMs < 0 ? 'none' : `${d.lastCommonCheckpointMs / 1000} s`})`;
}

/** Compares stored runs; returns the exit code. */
export function compareCommand(ids: string[], flags: CompareFlags, io: CliIo): number {
  if (ids.length < 2) throw new BadInput(['srlab compare: give at least two run ids (see srlab runs)']);
  const file = dbFileFor(flags.db);
  const db = openForReading(file);
  if (db === null) throw new BadInput([`there is no run database at ${file}`]);
  try {
    const details = loadDetails(db, ids);
    if (typeof details === 'string') throw new BadInput([`there is no run ${details} in ${file}`]);
    const c = compareStored(details);
    if (typeof c === 'string') throw new BadInput([c]);
    if (flags.report) {
      const r = exportRuns(db, details, 'html');
      if (!r.ok) throw new CliFailure(r.error.message);
      const tmp = `${flags.report}.tmp-${io.pid}`;
      io.writeFile(tmp, r.value.content);
      io.rename(tmp, flags.report);
    }
    if (flags.json) io.stdout(`${JSON.stringify(c)}\n`);
    else io.stdout(render(c, flags.report));
    return EXIT_OK;
  } finally {
    db.close();
  }
}

function render(c: Comparison, report: string | undefined): string {
  const out: string[] = [`Comparison of ${c.runs.length} runs (baseline: ${c.runs[0]!.id})`, ''];
  out.push(
    ...renderTable(
      [{ header: 'run' }, { header: 'recovery' }, { header: 'seed', align: 'right' }, { header: 'fingerprint' }],
      c.runs.map((r) => [r.id, r.recovery, String(r.seed), r.fingerprint]),
    ),
  );
  out.push('', 'Settings that differ');
  if (c.settings.length === 0) out.push('  (none: the runs used the same settings)');
  else
    out.push(
      ...renderTable(
        [{ header: 'setting' }, ...c.runs.map((r) => ({ header: r.id }))],
        c.settings.map((s) => [s.path, ...s.values.map((v) => (v === undefined ? '–' : JSON.stringify(v)))]),
      ),
    );
  let group = '';
  const rows: string[][] = [];
  for (const k of c.kpis as KpiRow[]) {
    if (k.cells.every((x) => x.value === 0 || x.value === null)) continue;
    if (k.group !== group) {
      group = k.group;
      rows.push([group, ...c.runs.map(() => '')]);
    }
    rows.push([`  ${k.label}`, ...k.cells.map((cell, i) => (i === 0 ? num(cell.value, k.unit) : `${num(cell.value, k.unit)} ${delta(cell, k.unit)}`.trim()))]);
  }
  out.push('', 'Key figures (rows that are zero everywhere are left out)');
  out.push(...renderTable([{ header: '' }, ...c.runs.map((r) => ({ header: r.id }))], rows));
  out.push('', 'First divergence from the baseline');
  for (const r of c.runs.slice(1)) out.push(`  ${r.id}: ${describeDivergence(c.divergence?.[r.id])}`);
  if (report) out.push('', `Report written to ${report}`);
  return `${out.join('\n')}\n`;
}
