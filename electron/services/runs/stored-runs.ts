/**
 * Stored runs as the contract shows them: a row for lists, a run in full, and the comparison of
 * several (first = baseline) with each one's first divergence from it. Shared by the API's
 * runs:* methods, the export and `srlab compare`.
 */
import { compareRuns, firstDivergence, parseScenario, type ComparableRun, type Comparison, type Divergence, type RunDetail, type RunRow } from '../../../engine/index.ts';
import { getCheckpoints, getFaultLog, getRun, getSeries, type RunDatabase, type RunListItem, type RunRecord } from '../db/index.ts';

/** Headline numbers of a run (null until it has results). */
interface Headline {
  total: number | null;
  affected: number | null;
  failed: number | null;
  outageP95Ms: number | null;
}

/** A run's row as the contract's RunRow. */
function toRunRow(r: RunRecord, h: Headline): RunRow {
  const { total, affected, failed } = h;
  return {
    id: r.id,
    scenarioName: r.scenarioName,
    seed: r.seed,
    durationMs: r.durationMs,
    status: r.status,
    startedAt: new Date(r.startedAt).toISOString(),
    wallMs: r.wallMs,
    fingerprint: r.fingerprint,
    source: r.source,
    label: r.label,
    sessions: total === null || affected === null || failed === null ? null : { total, affected, recovered: affected - failed, failed },
    outageP95Ms: h.outageP95Ms,
  };
}

/** A listed run (its headline numbers come from the list query). */
export function listedRow(r: RunListItem): RunRow {
  const row = toRunRow(r, { total: r.sessionsTotal, affected: r.sessionsAffected, failed: r.sessionsFailed, outageP95Ms: r.outageP95Ms });
  return r.damaged ? { ...row, damaged: true } : row;
}

/** One stored run in full, or undefined. */
export function loadRunDetail(db: RunDatabase, id: string): RunDetail | undefined {
  const r = getRun(db, id);
  if (!r) return undefined;
  const parsed = parseScenario(r.scenario);
  if (r.damaged) throw new Error(`stored run ${id} is damaged: its stored scenario or summary is not readable`);
  if (!parsed.ok) throw new Error(`stored run ${id} has a scenario this version cannot read (${parsed.problems[0]?.message ?? 'invalid'})`);
  return {
    ...toRunRow(r, {
      total: r.summary?.sessions.total ?? null,
      affected: r.summary?.sessions.affected ?? null,
      failed: r.summary?.sessions.failed ?? null,
      outageP95Ms: r.summary?.sessions.outageMs.p95 ?? null,
    }),
    scenario: parsed.scenario,
    summary: r.summary,
    series: getSeries(db, id) ?? null,
    faultLog: getFaultLog(db, id),
    checkpoints: getCheckpoints(db, id),
    engineVersion: r.engineVersion,
  };
}

/** The stored runs `ids` in full, or the first id that has no run. */
export function loadDetails(db: RunDatabase, ids: readonly string[]): RunDetail[] | string {
  const details: RunDetail[] = [];
  for (const id of ids) {
    const d = loadRunDetail(db, id);
    if (!d) return id;
    details.push(d);
  }
  return details;
}

/** A stored run as a comparable one, or why it is not (no results yet). */
export function comparableRun(d: RunDetail): ComparableRun | string {
  if (!d.summary || !d.series) return `run ${d.id} has no results (status ${d.status})`;
  return {
    id: d.id,
    label: d.label ?? `${d.scenarioName} (seed ${d.seed})`,
    scenario: d.scenario,
    seed: d.seed,
    summary: d.summary,
    series: d.series,
    checkpoints: d.checkpoints,
    faultLog: d.faultLog,
  };
}

/** Compares stored runs (first = baseline) with the first divergence of each against it; a string says why not. */
export function compareStored(details: readonly RunDetail[]): Comparison | string {
  const runs: ComparableRun[] = [];
  for (const d of details) {
    const c = comparableRun(d);
    if (typeof c === 'string') return c;
    runs.push(c);
  }
  const comparison = compareRuns(runs);
  const base = details[0]!;
  const divergence: Record<string, Divergence> = {};
  for (const d of details.slice(1)) divergence[d.id] = firstDivergence(toCompare(base), toCompare(d));
  return { ...comparison, divergence };
}

function toCompare(d: RunDetail) {
  const live = d.faultLog.filter((f) => f.source === 'live').map((f) => ({ atMs: f.atMs, fault: f.fault }));
  return {
    scenario: d.scenario,
    options: { seed: d.seed, durationMs: d.durationMs, liveFaults: live },
    checkpoints: d.checkpoints,
    fingerprint: d.fingerprint ?? '',
    ...(d.status === 'stopped' && d.summary ? { stoppedAtEvents: d.summary.events } : {}),
  };
}
