/**
 * The comparison's KPI table: one row per measured quantity (ssr-model.md §7, §8), each with
 * every run's value, its delta from the baseline (the first run) and a hint of which way is good.
 */
import { CONTROL_KINDS, LOSS_CAUSES, RECOVERY_KINDS, type ControlKind } from '../model/constants.ts';
import type { RunSummary } from '../metrics/summary.ts';

/** Which way a KPI is good: `neutral` rows are shown without a verdict. */
export type Better = 'lower' | 'higher' | 'neutral';

/** How a run's value compares with the baseline's, given the row's {@link Better}. */
export type Verdict = 'better' | 'worse' | 'same' | 'changed';

/** Unit of a KPI row's values. */
export type KpiUnit = 'sessions' | 'ms' | 'packets' | 'bytes' | 'count';

/** One run's cell of a KPI row. */
export interface KpiCell {
  /** The run's value; null when the run has no such quantity (a router it lacks). */
  value: number | null;
  /** `value − baseline`; null on the baseline itself or when either value is missing. */
  delta: number | null;
  /** `delta / baseline` as a fraction (0.25 = +25 %); null also when the baseline is 0. */
  relDelta: number | null;
  /** null on the baseline itself or when either value is missing. */
  verdict: Verdict | null;
}

/** One row of the KPI table. */
export interface KpiRow {
  /** Stable key, e.g. `sessions.failed`, `control.bfd.bytes`, `counters.hub1.emulator/exposure`. */
  key: string;
  /** Heading the row belongs under, e.g. `Sessions`, `Counters: hub1`. */
  group: string;
  /** Words for the row, e.g. `outage p95`, `lost: link-loss`. */
  label: string;
  unit: KpiUnit;
  better: Better;
  /** One cell per run, in the runs' order (the baseline first). */
  cells: KpiCell[];
}

/** Labels of the control kinds, the words users see in tables and legends. */
export const CONTROL_KIND_LABELS: Record<ControlKind, string> = {
  sessionMetadata: 'session metadata',
  healthCheck: 'session health check',
  ack: 'health-check acknowledgement',
  enableMetadata: 'enable-metadata',
  disableForwardMetadata: 'disable-forward-metadata',
  bfd: 'BFD',
};

type RowSpec = Omit<KpiRow, 'cells'> & { pick: (s: RunSummary) => number | undefined };

/**
 * Counters where a higher value means trouble: the real product's `failure/` branch, the stuck
 * pinhole count and the emulator's drop, exposure and allocation failures. Others are neutral:
 * more `added-session-health-check` is neither good nor bad on its own.
 */
export function counterBetter(path: string): Better {
  if (path.includes('/failure/')) return 'lower';
  if (/stuck-pinhole|dropped|exposure|buffer-allocation|flow-miss|exhausted|sessions-lost/.test(path)) return 'lower';
  return 'neutral';
}

function fixedRows(): RowSpec[] {
  const rows: RowSpec[] = [
    { key: 'sessions.total', group: 'Sessions', label: 'sessions total', unit: 'sessions', better: 'neutral', pick: (s) => s.sessions.total },
    { key: 'sessions.affected', group: 'Sessions', label: 'sessions affected', unit: 'sessions', better: 'neutral', pick: (s) => s.sessions.affected },
    { key: 'sessions.recovered', group: 'Sessions', label: 'sessions recovered', unit: 'sessions', better: 'higher', pick: (s) => s.sessions.recovered },
    { key: 'sessions.failed', group: 'Sessions', label: 'sessions failed', unit: 'sessions', better: 'lower', pick: (s) => s.sessions.failed },
  ];
  for (const p of ['p50', 'p95', 'p99', 'max'] as const) {
    rows.push({ key: `outageMs.${p}`, group: 'Outage', label: `outage ${p}`, unit: 'ms', better: 'lower', pick: (s) => s.sessions.outageMs[p] });
  }
  for (const k of RECOVERY_KINDS) {
    rows.push({ key: `recoveredBy.${k}`, group: 'Recovered by', label: `recovered by ${k}`, unit: 'sessions', better: 'neutral', pick: (s) => s.sessions.recoveredBy[k] });
  }
  rows.push(
    { key: 'packets.sent', group: 'Packets', label: 'packets sent', unit: 'packets', better: 'neutral', pick: (s) => s.packets.sent },
    { key: 'packets.delivered', group: 'Packets', label: 'packets delivered', unit: 'packets', better: 'higher', pick: (s) => s.packets.delivered },
    { key: 'packets.lost', group: 'Packets', label: 'packets lost', unit: 'packets', better: 'lower', pick: (s) => s.packets.lost },
  );
  for (const c of LOSS_CAUSES) {
    rows.push({ key: `packets.lostBy.${c}`, group: 'Packets', label: `lost: ${c}`, unit: 'packets', better: 'lower', pick: (s) => s.packets.lostBy[c] });
  }
  for (const k of CONTROL_KINDS) {
    const name = CONTROL_KIND_LABELS[k];
    rows.push(
      { key: `control.${k}.count`, group: 'Control overhead', label: `${name} (packets)`, unit: 'count', better: 'lower', pick: (s) => s.control[k].count },
      { key: `control.${k}.bytes`, group: 'Control overhead', label: `${name} (bytes)`, unit: 'bytes', better: 'lower', pick: (s) => s.control[k].bytes },
    );
  }
  const total = (s: RunSummary, f: 'count' | 'bytes') => CONTROL_KINDS.reduce((n, k) => n + s.control[k][f], 0);
  rows.push(
    { key: 'control.total.count', group: 'Control overhead', label: 'all control (packets)', unit: 'count', better: 'lower', pick: (s) => total(s, 'count') },
    { key: 'control.total.bytes', group: 'Control overhead', label: 'all control (bytes)', unit: 'bytes', better: 'lower', pick: (s) => total(s, 'bytes') },
    { key: 'exposure.total', group: 'Exposure', label: 'exposure (enable-metadata for no session)', unit: 'packets', better: 'lower', pick: (s) => s.exposure.total },
  );
  return rows;
}

/** Rows for every router's counters that are non-zero in at least one run (routers in first-seen order). */
function counterRows(summaries: readonly RunSummary[]): RowSpec[] {
  const routers: string[] = [];
  for (const s of summaries) for (const r of Object.keys(s.counters)) if (!routers.includes(r)) routers.push(r);
  const rows: RowSpec[] = [];
  for (const router of routers) {
    const paths: string[] = [];
    for (const s of summaries) {
      for (const [path, v] of Object.entries(s.counters[router] ?? {})) if (v !== 0 && !paths.includes(path)) paths.push(path);
    }
    for (const path of paths) {
      rows.push({
        key: `counters.${router}.${path}`,
        group: `Counters: ${router}`,
        label: path,
        unit: 'count',
        better: counterBetter(path),
        pick: (s) => s.counters[router]?.[path] ?? (s.counters[router] ? 0 : undefined),
      });
    }
  }
  return rows;
}

/** Rounds away float noise (outages carry 3 decimals; 1020.1 − 1000 must print as 20.1). */
function clean(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function verdict(delta: number, better: Better): Verdict {
  if (delta === 0) return 'same';
  if (better === 'neutral') return 'changed';
  return delta < 0 === (better === 'lower') ? 'better' : 'worse';
}

/** Cells of one row: values, then deltas against the first run's value. */
export function kpiCells(values: readonly (number | null)[], better: Better): KpiCell[] {
  const base = values[0] ?? null;
  return values.map((value, i) => {
    if (i === 0 || value === null || base === null) return { value, delta: null, relDelta: null, verdict: null };
    const delta = clean(value - base);
    return { value, delta, relDelta: base === 0 ? null : clean(delta / base), verdict: verdict(delta, better) };
  });
}

/** The whole KPI table for runs' summaries (the baseline first). */
export function kpiTable(summaries: readonly RunSummary[]): KpiRow[] {
  return [...fixedRows(), ...counterRows(summaries)].map(({ pick, ...row }) => ({
    ...row,
    cells: kpiCells(
      summaries.map((s) => pick(s) ?? null),
      row.better,
    ),
  }));
}
