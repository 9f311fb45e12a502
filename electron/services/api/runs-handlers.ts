/** Stored runs (runs:*) over the database: list, open, sessions, events, delete, compare, export. */
import { compareRuns, firstDivergence, parseScenario, type ApiResult, type ComparableRun, type Comparison, type Divergence, type RunDetail as ContractDetail, type RunRow } from '../../../engine/index.ts';
import { deleteRun, getCheckpoints, getEvents, getFaultLog, getRun, getSeries, getSessions, listRuns, type RunDatabase, type RunListItem, type RunRecord, type RunStatus } from '../db/index.ts';
import { exportRuns } from './export.ts';

const noDb: ApiResult<never> = { ok: false, error: { code: 'database', message: 'no run database is open' } };
const notFound = (id: string): ApiResult<never> => ({ ok: false, error: { code: 'not-found', message: `no stored run "${id}"` } });

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
function listedRow(r: RunListItem): RunRow {
  return toRunRow(r, { total: r.sessionsTotal, affected: r.sessionsAffected, failed: r.sessionsFailed, outageP95Ms: r.outageP95Ms });
}

/** One stored run in full, or undefined. */
export function loadRunDetail(db: RunDatabase, id: string): ContractDetail | undefined {
  const r = getRun(db, id);
  if (!r) return undefined;
  const parsed = parseScenario(r.scenario);
  if (!parsed.ok) throw new Error(`stored run ${id} has a scenario this version cannot read (${parsed.problems[0]?.message ?? 'invalid'})`);
  return {
    ...toRunRow(r, { total: r.summary?.sessions.total ?? null, affected: r.summary?.sessions.affected ?? null, failed: r.summary?.sessions.failed ?? null, outageP95Ms: r.summary?.sessions.outageMs.p95 ?? null }),
    scenario: parsed.scenario,
    summary: r.summary,
    series: getSeries(db, id) ?? null,
    faultLog: getFaultLog(db, id),
    checkpoints: getCheckpoints(db, id),
    engineVersion: r.engineVersion,
  };
}

function comparable(d: ContractDetail): ComparableRun | string {
  if (!d.summary || !d.series) return `run ${d.id} has no results (status ${d.status})`;
  return { id: d.id, label: d.label ?? `${d.scenarioName} (seed ${d.seed})`, scenario: d.scenario, seed: d.seed, summary: d.summary, series: d.series, checkpoints: d.checkpoints, faultLog: d.faultLog };
}

/** The runs:* methods. */
export function runsHandlers(db: RunDatabase | null) {
  return {
    'runs:list': (p: { scenario?: string; status?: string; limit: number; offset: number }) =>
      db ? { ok: true as const, value: listRuns(db, { ...(p.scenario ? { scenario: p.scenario } : {}), ...(p.status ? { status: p.status as RunStatus } : {}), limit: p.limit, offset: p.offset }).map(listedRow) } : noDb,
    'runs:get': (p: { id: string }) => {
      if (!db) return noDb;
      const d = loadRunDetail(db, p.id);
      return d ? { ok: true as const, value: d } : notFound(p.id);
    },
    'runs:sessions': (p: { id: string; limit: number }) => (db ? (getRun(db, p.id) ? { ok: true as const, value: getSessions(db, p.id, { limit: p.limit }) } : notFound(p.id)) : noDb),
    'runs:events': (p: { id: string; kind?: string; node?: string; fromMs?: number; limit: number }) => {
      if (!db) return noDb;
      if (!getRun(db, p.id)) return notFound(p.id);
      const rows = getEvents(db, p.id, { ...(p.kind ? { kind: p.kind } : {}), ...(p.node ? { node: p.node } : {}), ...(p.fromMs !== undefined ? { fromUs: p.fromMs * 1000 } : {}), limit: p.limit });
      return { ok: true as const, value: rows.map(({ id: _id, ...e }) => e) };
    },
    'runs:delete': (p: { id: string }) => (db ? { ok: true as const, value: { deleted: deleteRun(db, p.id) } } : noDb),
    'runs:compare': (p: { ids: string[] }) => {
      if (!db) return noDb;
      const details = loadDetails(db, p.ids);
      if (typeof details === 'string') return notFound(details);
      const c = compareStored(details);
      return typeof c === 'string' ? { ok: false as const, error: { code: 'conflict' as const, message: c } } : { ok: true as const, value: c };
    },
    'runs:export': (p: { ids: string[]; format: 'html' | 'csv-sessions' | 'csv-counters' | 'csv-series' }) => {
      if (!db) return noDb;
      const details = loadDetails(db, p.ids);
      if (typeof details === 'string') return notFound(details);
      return exportRuns(db, details, p.format);
    },
  };
}

/** The stored runs `ids` in full, or the first id that has no run. */
export function loadDetails(db: RunDatabase, ids: readonly string[]): ContractDetail[] | string {
  const details: ContractDetail[] = [];
  for (const id of ids) {
    const d = loadRunDetail(db, id);
    if (!d) return id;
    details.push(d);
  }
  return details;
}

/** Compares stored runs (first = baseline) with the first divergence of each against it; a string says why not. */
export function compareStored(details: readonly ContractDetail[]): Comparison | string {
  const runs: ComparableRun[] = [];
  for (const d of details) {
    const c = comparable(d);
    if (typeof c === 'string') return c;
    runs.push(c);
  }
  const comparison = compareRuns(runs);
  const base = details[0]!;
  const divergence: Record<string, Divergence> = {};
  for (const d of details.slice(1)) divergence[d.id] = firstDivergence(toCompare(base), toCompare(d));
  return { ...comparison, divergence };
}

/** A stored run as a comparable one (exported for reports). */
export function comparableRun(d: ContractDetail): ComparableRun | string {
  return comparable(d);
}

function toCompare(d: ContractDetail) {
  const live = d.faultLog.filter((f) => f.source === 'live').map((f) => ({ atMs: f.atMs, fault: f.fault }));
  return {
    scenario: d.scenario,
    options: { seed: d.seed, durationMs: d.durationMs, liveFaults: live },
    checkpoints: d.checkpoints,
    fingerprint: d.fingerprint ?? '',
  };
}
