/**
 * `srlab sweep <scenario> --vary PATH=V1,V2 … [--seeds N] [--seed N] [--fail-each router|hub|link]
 * [--fail-at-ms N] [--fail-for-ms N] [--workers N] [--db FILE] [--json]`: the cross product of
 * the varied values × seeds, run in parallel worker threads, every run stored, one row per run
 * and an aggregate table (and, with --fail-each, the elements ranked by sessions lost).
 */
import { availableParallelism } from 'node:os';
import { parseScenarioText } from '../../../engine/index.ts';
import { planSweep, type FailEach } from '../../services/sweeps/plan.ts';
import { runSweep } from '../../services/sweeps/run-sweep.ts';
import { aggregate, rankFailures, sweepRows } from '../../services/sweeps/aggregate.ts';
import { BadInput, EXIT_FAILURE, EXIT_OK } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { renderTable } from '../format/table.ts';
import { problemLine, readInputFile } from '../scenario-file.ts';
import { parseSeedFlag } from '../options.ts';
import { dbFileFor, openForCommand } from './db-access.ts';

/** Flags of `srlab sweep`. */
export interface SweepFlags {
  vary?: string[];
  seeds?: string;
  seed?: string;
  failEach?: string;
  failAtMs?: string;
  failForMs?: string;
  workers?: string;
  db?: string;
  store?: boolean;
  json?: boolean;
}

function whole(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new BadInput([`${flag}: must be a whole number from ${min} to ${max}, got "${text}"`]);
  return n;
}

/** Runs the sweep; returns the exit code (1 when any run failed). */
export async function sweepCommand(file: string, flags: SweepFlags, io: CliIo): Promise<number> {
  const seeds = whole('--seeds', flags.seeds, 1, 10_000) ?? 1;
  const workers = whole('--workers', flags.workers, 1, 256) ?? availableParallelism();
  let seed: number | undefined;
  if (flags.seed !== undefined) {
    const s = parseSeedFlag(flags.seed);
    if (!s.ok) throw new BadInput([s.line]);
    seed = s.value;
  }
  if (flags.failEach !== undefined && !['router', 'hub', 'link'].includes(flags.failEach)) throw new BadInput([`--fail-each: must be router, hub or link, got "${flags.failEach}"`]);
  const failAtMs = whole('--fail-at-ms', flags.failAtMs, 0, 86_400_000);
  const failForMs = whole('--fail-for-ms', flags.failForMs, 1, 86_400_000);
  if (!flags.vary?.length && !flags.failEach && seeds === 1) throw new BadInput(['srlab sweep: give at least one --vary PATH=V1,V2, --seeds N (N > 1) or --fail-each']);
  const text = readInputFile(file, io);
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new BadInput(parsed.problems.map((p) => problemLine(file, p)));
  const raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown;
  const spec = {
    vary: flags.vary ?? [],
    seeds,
    ...(seed !== undefined ? { seed } : {}),
    ...(flags.failEach ? { failEach: flags.failEach as FailEach } : {}),
    ...(failAtMs !== undefined ? { failAtMs } : {}),
    ...(failForMs !== undefined ? { failForMs } : {}),
  };
  const plan = planSweep(raw, spec);
  if (!plan.ok) throw new BadInput(plan.problems.map((p) => `${file}: ${p}`));
  const store = flags.store !== false;
  const dbPath = dbFileFor(flags.db);
  const db = store ? openForCommand(dbPath) : null;
  const progress = io.isStderrTty && !flags.json;
  const t0 = io.now();
  try {
    const { sweepId, outcomes } = await runSweep({
      jobs: plan.jobs,
      spec: { ...spec, scenarioFile: file },
      workers,
      db,
      onProgress: (done, total) => {
        if (!progress) return;
        const width = 30;
        const filled = Math.round((done / total) * width);
        io.stderr(`\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} runs`);
        if (done === total) io.stderr('\r\x1b[2K');
      },
    });
    const rows = sweepRows(outcomes);
    const agg = aggregate(rows);
    const ranking = spec.failEach ? rankFailures(outcomes) : null;
    const wallMs = io.now() - t0;
    if (flags.json) {
      io.stdout(`${JSON.stringify({ sweepId, database: db ? dbPath : null, runs: rows, aggregate: agg, ...(ranking ? { ranking } : {}), wallMs })}\n`);
    } else {
      const out: string[] = [`Sweep of ${parsed.scenario.name}: ${rows.length} runs on ${Math.min(workers, rows.length)} workers in ${(wallMs / 1000).toFixed(1)} s${sweepId ? ` · sweep ${sweepId} stored in ${dbPath}` : ''}`, '', 'Runs'];
      out.push(
        ...renderTable(
          [{ header: 'run' }, { header: 'values' }, { header: 'seed', align: 'right' }, { header: 'affected', align: 'right' }, { header: 'recovered', align: 'right' }, { header: 'failed', align: 'right' }, { header: 'outage p95 ms', align: 'right' }, { header: 'max ms', align: 'right' }, { header: 'exposure', align: 'right' }, { header: 'fingerprint' }],
          rows.map((r) => [r.runId ?? '-', r.label, String(r.seed), String(r.affected), String(r.recovered), String(r.failed), r.outageP95Ms.toFixed(1), r.outageMaxMs.toFixed(1), String(r.exposure), r.error ? `FAILED: ${r.error}` : (r.fingerprint ?? '')]),
        ),
      );
      out.push('', 'Aggregate (mean over seeds)');
      out.push(
        ...renderTable(
          [{ header: 'values' }, { header: 'runs', align: 'right' }, { header: 'affected', align: 'right' }, { header: 'failed', align: 'right' }, { header: 'failed max', align: 'right' }, { header: 'outage p95 ms', align: 'right' }, { header: 'worst outage ms', align: 'right' }, { header: 'exposure', align: 'right' }],
          agg.map((a) => [a.label, String(a.runs), a.affectedMean.toFixed(1), a.failedMean.toFixed(1), String(a.failedMax), a.outageP95Mean.toFixed(1), a.outageMaxMax.toFixed(1), a.exposureMean.toFixed(1)]),
        ),
      );
      if (ranking) {
        out.push('', `What hurts most when it fails (beyond the baseline; ${spec.failEach} failures at ${failAtMs ?? Math.round(parsed.scenario.durationMs / 3)} ms for ${failForMs ?? 10_000} ms)`);
        out.push(
          ...renderTable(
            [{ header: 'rank', align: 'right' }, { header: 'element' }, { header: 'sessions lost', align: 'right' }, { header: 'worst outage ms', align: 'right' }],
            ranking.map((r) => [String(r.rank), `${r.kind} ${r.element}`, r.sessionsLost.toFixed(1), r.worstOutageMs.toFixed(1)]),
          ),
        );
      }
      io.stdout(`${out.join('\n')}\n`);
    }
    return rows.some((r) => r.error) ? EXIT_FAILURE : EXIT_OK;
  } finally {
    db?.close();
  }
}
