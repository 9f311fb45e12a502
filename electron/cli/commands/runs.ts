/** `srlab runs`: the stored runs, newest first, as a table or a JSON array. */
import { countRuns, listRuns, RUN_STATUSES, type RunFilter, type RunListItem, type RunStatus } from '../../services/db/index.ts';
import { BadInput, EXIT_OK } from '../errors.ts';
import { count, duration, ms, renderTable, type Column } from '../format/table.ts';
import type { CliIo } from '../io.ts';
import { dbFileFor, openForReading } from './db-access.ts';

/** `runs`' options as commander hands them over. */
export interface RunsFlags {
  db?: string;
  json?: boolean;
  limit?: string;
  scenario?: string;
  status?: string;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 10_000;

/** Lists stored runs; returns the exit code. */
export function runsCommand(flags: RunsFlags, io: CliIo): number {
  const filter = checkFlags(flags);
  const file = dbFileFor(flags.db);
  const db = openForReading(file);
  if (db === null) {
    io.stdout(flags.json ? '[]\n' : `no runs stored yet (there is no database at ${file})\n`);
    return EXIT_OK;
  }
  try {
    const runs = listRuns(db, filter);
    if (flags.json) {
      io.stdout(`${JSON.stringify(runs.map(toJson))}\n`);
      return EXIT_OK;
    }
    const total = countRuns(db, { ...filter, limit: undefined });
    io.stdout(render(runs, total, file, filter, io.columns, Date.now()));
    return EXIT_OK;
  } finally {
    db.close();
  }
}

function checkFlags(flags: RunsFlags): RunFilter {
  const lines: string[] = [];
  const filter: RunFilter = { limit: DEFAULT_LIMIT };
  if (flags.limit !== undefined) {
    const n = /^\s*\d+\s*$/.test(flags.limit) ? Number(flags.limit) : NaN;
    if (n >= 1 && n <= MAX_LIMIT) filter.limit = n;
    else lines.push(`--limit: must be a whole number from 1 to ${MAX_LIMIT} (got ${JSON.stringify(flags.limit)})`);
  }
  if (flags.status !== undefined) {
    if ((RUN_STATUSES as readonly string[]).includes(flags.status)) filter.status = flags.status as RunStatus;
    else lines.push(`--status: must be one of ${RUN_STATUSES.join(', ')} (got ${JSON.stringify(flags.status)})`);
  }
  if (flags.scenario !== undefined) filter.scenario = flags.scenario;
  if (lines.length > 0) throw new BadInput(lines);
  return filter;
}

/** The JSON form of a listed run: ISO times, the headline numbers grouped. */
function toJson(r: RunListItem) {
  return {
    id: r.id,
    scenario: r.scenarioName,
    status: r.status,
    damaged: r.damaged,
    source: r.source,
    seed: r.seed,
    durationMs: r.durationMs,
    engineVersion: r.engineVersion,
    fingerprint: r.fingerprint,
    startedAt: new Date(r.startedAt).toISOString(),
    finishedAt: r.finishedAt === null ? null : new Date(r.finishedAt).toISOString(),
    wallMs: r.wallMs,
    events: r.events,
    sessions: r.sessionsTotal === null ? null : { total: r.sessionsTotal, affected: r.sessionsAffected, failed: r.sessionsFailed, outageP95Ms: r.outageP95Ms },
    eventLog: { count: r.eventLogCount, truncated: r.eventLogTruncated },
    label: r.label,
    notes: r.notes,
    sweepId: r.sweepId,
    error: r.error,
  };
}

/** Local time to the minute; the year only when it is not this year's. */
function when(ms: number, nowMs: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  return d.getFullYear() === new Date(nowMs).getFullYear() ? `${day} ${p(d.getHours())}:${p(d.getMinutes())}` : `${d.getFullYear()}-${day}`;
}

function render(runs: readonly RunListItem[], total: number, file: string, filter: RunFilter, columnsWide: number | undefined, nowMs: number): string {
  if (runs.length === 0) return total === 0 && filter.scenario === undefined && filter.status === undefined ? `no runs stored in ${file} yet\n` : `no runs match in ${file}\n`;
  const columns: Column[] = [
    { header: 'id' },
    { header: 'started' },
    { header: 'status' },
    { header: 'seed', align: 'right' },
    { header: 'virtual', align: 'right' },
    { header: 'hit/total', align: 'right' },
    { header: 'failed', align: 'right' },
    { header: 'p95 ms', align: 'right' },
    { header: 'scenario' },
  ];
  const rows = runs.map((r) => [
    r.id,
    when(r.startedAt, nowMs),
    r.damaged ? `${r.status} (damaged)` : r.status,
    String(r.seed),
    duration(r.durationMs),
    r.sessionsTotal === null ? '–' : `${count(r.sessionsAffected ?? 0)}/${count(r.sessionsTotal)}`,
    r.sessionsFailed === null ? '–' : count(r.sessionsFailed),
    r.outageP95Ms === null ? '–' : ms(r.outageP95Ms),
    r.scenarioName,
  ]);
  if (columnsWide !== undefined) fitLastColumn(columns, rows, Math.max(80, columnsWide));
  const shown = runs.length < total ? `${runs.length} of ${total} runs (newest first; --limit N shows more)` : `${total} run${total === 1 ? '' : 's'}`;
  return [...renderTable(columns, rows), '', `${shown} in ${file}`, '  hit/total: sessions with an outage / all sessions; --json gives every field'].join('\n') + '\n';
}

/**
 * On a terminal, shortens the last column (the scenario name, with …) so rows do not wrap;
 * piped output keeps whole names for grep.
 */
function fitLastColumn(columns: readonly Column[], rows: string[][], width: number): void {
  const last = columns.length - 1;
  const others = columns.reduce((sum, c, i) => (i === last ? sum : sum + Math.max(c.header.length, ...rows.map((r) => r[i]!.length)) + 2), 2);
  const room = Math.max(12, width - others);
  for (const r of rows) if (r[last]!.length > room) r[last] = `${r[last]!.slice(0, room - 1)}…`;
}
