/** A sweep's tables: one row per run, one per combination over its seeds, and the --fail-each ranking. */
import { rankSorted, type WhatIfRank } from '../../../engine/index.ts';
import type { SweepOutcome } from './run-sweep.ts';

/** One run's row. */
export interface SweepRow {
  runId: string | null;
  label: string;
  seed: number;
  fingerprint: string | null;
  sessions: number;
  affected: number;
  recovered: number;
  failed: number;
  outageP95Ms: number;
  outageMaxMs: number;
  exposure: number;
  lost: number;
  error: string | null;
}

/** One combination over its seeds. */
export interface SweepAggregate {
  label: string;
  runs: number;
  affectedMean: number;
  failedMean: number;
  failedMax: number;
  outageP95Mean: number;
  outageMaxMax: number;
  exposureMean: number;
}

/** An element of a --fail-each sweep, ranked by how much its failure hurts (the API's WhatIfRank). */
export type FailRank = WhatIfRank;

/** The row of every run. */
export function sweepRows(outcomes: readonly SweepOutcome[]): SweepRow[] {
  return outcomes.map((o) => {
    const s = o.result?.summary;
    return {
      runId: o.runId,
      label: o.job.label,
      seed: o.job.seed,
      fingerprint: s?.fingerprint ?? null,
      sessions: s?.sessions.total ?? 0,
      affected: s?.sessions.affected ?? 0,
      recovered: s?.sessions.recovered ?? 0,
      failed: s?.sessions.failed ?? 0,
      outageP95Ms: s?.sessions.outageMs.p95 ?? 0,
      outageMaxMs: s?.sessions.outageMs.max ?? 0,
      exposure: s?.exposure.total ?? 0,
      lost: s?.packets.lost ?? 0,
      error: o.error,
    };
  });
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Rows grouped by label (the varied values), averaged over seeds. */
export function aggregate(rows: readonly SweepRow[]): SweepAggregate[] {
  const groups = new Map<string, SweepRow[]>();
  for (const r of rows) groups.set(r.label, [...(groups.get(r.label) ?? []), r]);
  return [...groups].map(([label, rs]) => ({
    label,
    runs: rs.length,
    affectedMean: mean(rs.map((r) => r.affected)),
    failedMean: mean(rs.map((r) => r.failed)),
    failedMax: Math.max(...rs.map((r) => r.failed)),
    outageP95Mean: mean(rs.map((r) => r.outageP95Ms)),
    outageMaxMax: Math.max(...rs.map((r) => r.outageMaxMs)),
    exposureMean: mean(rs.map((r) => r.exposure)),
  }));
}

/**
 * Ranks the failed elements: most sessions lost (beyond the baseline) first, then most sessions hit
 * by an outage, then worst outage; elements with the same harm share a rank (listed by id).
 */
export function rankFailures(outcomes: readonly SweepOutcome[]): FailRank[] {
  const baseRuns = outcomes.filter((o) => o.job.failed === null);
  const base = mean(baseRuns.map((o) => o.result?.summary.sessions.failed ?? 0));
  const baseAffected = mean(baseRuns.map((o) => o.result?.summary.sessions.affected ?? 0));
  const byElement = new Map<string, { failed: NonNullable<SweepOutcome['job']['failed']>; os: SweepOutcome[] }>();
  for (const o of outcomes) {
    if (!o.job.failed) continue;
    const key = `${o.job.failed.kind} ${o.job.failed.id}`;
    const group = byElement.get(key) ?? { failed: o.job.failed, os: [] };
    group.os.push(o);
    byElement.set(key, group);
  }
  const ranked = [...byElement.values()].map(({ failed, os }) => ({
    kind: failed.kind,
    element: failed.id,
    sessionsLost: Math.max(0, mean(os.map((o) => o.result?.summary.sessions.failed ?? 0)) - base),
    sessionsAffected: Math.max(0, mean(os.map((o) => o.result?.summary.sessions.affected ?? 0)) - baseAffected),
    worstOutageMs: Math.max(...os.map((o) => o.result?.summary.sessions.outageMs.max ?? 0)),
    runIds: os.flatMap((o) => (o.runId ? [o.runId] : [])),
  }));
  ranked.sort((a, b) => b.sessionsLost - a.sessionsLost || b.sessionsAffected - a.sessionsAffected || b.worstOutageMs - a.worstOutageMs || a.element.localeCompare(b.element, 'en', { numeric: true }));
  return rankSorted(ranked);
}
