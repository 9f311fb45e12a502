/**
 * `srlab sweep <scenario> --vary PATH=V1,V2 … [--seeds N] [--seed N] [--fail-each router|spoke|hub|link]
 * [--keep-faults] [--fail-at-ms N] [--fail-for-ms N] [--workers N | --queue redis://HOST:PORT]
 * [--db FILE] [--json]`: the cross product of the varied values × seeds, run in parallel worker
 * threads (or by `srlab worker`s through a queue), every run stored by this process, one row per
 * run and an aggregate table (and, with --fail-each, the elements ranked by sessions lost, from a
 * fault-free baseline unless --keep-faults). Progress with an estimate of the time left goes to
 * stderr.
 */
import { availableParallelism } from 'node:os';
import { parseScenarioText, worstHead, type Fault } from '../../../engine/index.ts';
import { FAIL_EACH, planSweep, type BaselineNote, type FailEach } from '../../services/sweeps/plan.ts';
import { formatEta, runSweep, type SweepProgress } from '../../services/sweeps/run-sweep.ts';
import { threadExecutor, type SweepExecutor } from '../../services/sweeps/executor.ts';
import { n1Report } from '../../services/reports/n1-report.ts';
import { describeFsError } from '../io.ts';
import { aggregate, rankFailures, sweepRows } from '../../services/sweeps/aggregate.ts';
import { BadInput, EXIT_FAILURE, EXIT_OK } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { renderTable } from '../format/table.ts';
import { problemLine, readInputFile } from '../scenario-file.ts';
import { parseSeedFlag } from '../options.ts';
import { refuseTooBig } from '../work-check.ts';
import { dbFileFor, openForCommand } from './db-access.ts';

/** Flags of `srlab sweep`. */
export interface SweepFlags {
  vary?: string[];
  seeds?: string;
  seed?: string;
  failEach?: string;
  keepFaults?: boolean;
  /** False with --no-fork: every run whole. */
  fork?: boolean;
  queue?: string;
  report?: string;
  failAtMs?: string;
  failForMs?: string;
  workers?: string;
  db?: string;
  store?: boolean;
  json?: boolean;
  /** Run scenarios past the soft limit of the work estimate. */
  force?: boolean;
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
  if (flags.failEach !== undefined && !(FAIL_EACH as readonly string[]).includes(flags.failEach)) throw new BadInput([`--fail-each: must be router, spoke, hub or link, got "${flags.failEach}"`]);
  if (flags.keepFaults && !flags.failEach) throw new BadInput(["--keep-faults: only with --fail-each (other sweeps always keep the lab's faults)"]);
  if (flags.report !== undefined && !flags.failEach) throw new BadInput(['--report: only with --fail-each (the N-1 report)']);
  if (flags.queue !== undefined && flags.workers !== undefined) throw new BadInput(['--workers: not with --queue (the workers are the srlab worker processes serving the queue)']);
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
    ...(flags.keepFaults ? { keepFaults: true } : {}),
  };
  const plan = planSweep(raw, spec);
  if (!plan.ok) throw new BadInput(plan.problems.map((p) => `${file}: ${p}`));
  for (const job of plan.jobs) refuseTooBig(file, job.scenario, flags.force === true, job.label ? `run ${job.index + 1} (${job.label}): ` : '');
  const way = { fork: flags.fork !== false, summaryOnly: flags.store === false };
  const executor = flags.queue !== undefined ? await queueExecutorFor(flags.queue, way) : threadExecutor(Math.min(workers, plan.jobs.length), way);
  const baseline = plan.baseline ? baselineLine(plan.baseline) : null;
  // Said before the runs start: the person sees at once what the ranking is measured against.
  if (baseline) io.stderr(`${baseline}\n`);
  const store = flags.store !== false;
  const dbPath = dbFileFor(flags.db);
  const db = store ? openForCommand(dbPath) : null;
  const progress = progressPrinter(io);
  const t0 = io.now();
  try {
    const { sweepId, outcomes, duplicates, mismatches } = await runSweep({
      jobs: plan.jobs,
      spec: { ...spec, scenarioFile: file, ...(flags.queue ? { queue: flags.queue } : {}) },
      executor,
      db,
      now: () => io.now(),
      onProgress: (_done, _total, p) => progress(p),
      onNotice: (text) => io.stderr(`${progress.clear()}srlab sweep: ${text}\n`),
    });
    const rows = sweepRows(outcomes);
    const agg = aggregate(rows);
    const ranking = spec.failEach ? rankFailures(outcomes) : null;
    const wallMs = io.now() - t0;
    const stored = db !== null;
    if (flags.report && ranking && plan.baseline) {
      const b = plan.baseline;
      const baselineRun = outcomes.find((o) => o.job.failed === null);
      writeReport(
        io,
        flags.report,
        n1Report({
          scenario: parsed.scenario,
          state: {
            sweepId,
            scenarioName: parsed.scenario.name,
            failEach: spec.failEach!,
            state: 'done',
            done: rows.length,
            total: rows.length,
            elapsedMs: wallMs,
            etaMs: 0,
            baseline: { keptFaults: b.keptFaults, labFaults: b.labFaults.length, failAtMs: b.atMs, failForMs: b.forMs },
            baselineRunId: baselineRun?.runId ?? null,
            ranking,
          },
        }),
      );
    }
    if (flags.json) {
      io.stdout(
        `${JSON.stringify({
          sweepId,
          database: stored ? dbPath : null,
          runs: rows,
          aggregate: agg,
          ...(ranking ? { ranking } : {}),
          ...(plan.baseline ? { baseline: { keptFaults: plan.baseline.keptFaults, labFaults: plan.baseline.labFaults, failAtMs: plan.baseline.atMs, failForMs: plan.baseline.forMs } } : {}),
          executor: executor.describe,
          duplicates,
          mismatches,
          wallMs,
        })}\n`,
      );
    } else {
      const out: string[] = [
        `Sweep of ${parsed.scenario.name}: ${rows.length} runs on ${executor.describe} in ${(wallMs / 1000).toFixed(1)} s${stored ? ` · sweep ${sweepId} stored in ${dbPath}` : ''}`,
      ];
      if (baseline) out.push(baseline);
      if (duplicates > 0)
        out.push(
          `${duplicates} result${duplicates === 1 ? '' : 's'} delivered twice (stored once); ${mismatches.length === 0 ? 'every fingerprint matched' : `${mismatches.length} with a different fingerprint`}`,
        );
      out.push('', 'Runs');
      out.push(
        ...renderTable(
          [
            { header: 'run' },
            { header: 'values' },
            { header: 'seed', align: 'right' },
            { header: 'affected', align: 'right' },
            { header: 'recovered', align: 'right' },
            { header: 'failed', align: 'right' },
            { header: 'outage p95 ms', align: 'right' },
            { header: 'max ms', align: 'right' },
            { header: 'exposure', align: 'right' },
            { header: 'fingerprint' },
          ],
          rows.map((r) => [
            r.runId ?? '-',
            r.label,
            String(r.seed),
            String(r.affected),
            String(r.recovered),
            String(r.failed),
            r.outageP95Ms.toFixed(1),
            r.outageMaxMs.toFixed(1),
            String(r.exposure),
            r.error ? `FAILED: ${r.error}` : (r.fingerprint ?? ''),
          ]),
        ),
      );
      out.push('', 'Aggregate (mean over seeds)');
      out.push(
        ...renderTable(
          [
            { header: 'values' },
            { header: 'runs', align: 'right' },
            { header: 'affected', align: 'right' },
            { header: 'failed', align: 'right' },
            { header: 'failed max', align: 'right' },
            { header: 'outage p95 ms', align: 'right' },
            { header: 'worst outage ms', align: 'right' },
            { header: 'exposure', align: 'right' },
          ],
          agg.map((a) => [
            a.label,
            String(a.runs),
            a.affectedMean.toFixed(1),
            a.failedMean.toFixed(1),
            String(a.failedMax),
            a.outageP95Mean.toFixed(1),
            a.outageMaxMax.toFixed(1),
            a.exposureMean.toFixed(1),
          ]),
        ),
      );
      if (ranking) {
        out.push('', `What hurts most when it fails (beyond the baseline; ${spec.failEach} failures at ${plan.baseline?.atMs ?? 0} ms for ${plan.baseline?.forMs ?? 0} ms)`);
        out.push(
          ...renderTable(
            [
              { header: 'rank', align: 'right' },
              { header: 'element' },
              { header: 'sessions lost', align: 'right' },
              { header: 'sessions hit', align: 'right' },
              { header: 'worst outage ms', align: 'right' },
            ],
            ranking.map((r) => [String(r.rank), `${r.kind} ${r.element}`, r.sessionsLost.toFixed(1), r.sessionsAffected.toFixed(1), r.worstOutageMs.toFixed(1)]),
          ),
        );
        const head = worstHead(ranking);
        if (head) {
          const r = head.tied[0]!;
          const harm = `${r.sessionsLost.toFixed(1)} sessions lost, ${r.sessionsAffected.toFixed(1)} hit, worst outage ${r.worstOutageMs.toFixed(1)} ms`;
          out.push(
            '',
            head.harmless
              ? "No element's failure harms a session beyond the baseline."
              : head.tied.length === 1
                ? `Worst: ${head.names} (${harm}).`
                : `Worst, ${head.tied.length} alike (rank 1): ${head.names} (each ${harm}).`,
          );
        }
      }
      io.stdout(`${out.join('\n')}\n`);
    }
    return rows.some((r) => r.error) || mismatches.length > 0 ? EXIT_FAILURE : EXIT_OK;
  } finally {
    db?.close();
  }
}

function writeReport(io: CliIo, file: string, text: string): void {
  const tmp = `${file}.${io.pid}.tmp`;
  try {
    io.writeFile(tmp, text);
    io.rename(tmp, file);
  } catch (error) {
    io.removeFile(tmp);
    throw new BadInput([`--report ${file}: cannot write it: ${describeFsError(error)}`]);
  }
}

/** The queue executor, loaded only with --queue: without it nothing needs Redis or BullMQ. */
async function queueExecutorFor(url: string, way: { fork: boolean; summaryOnly: boolean }): Promise<SweepExecutor> {
  const { parseQueueUrl, queueExecutor } = await import('../../services/queue/index.ts');
  const parsed = parseQueueUrl(url);
  if (!parsed.ok) throw new BadInput([`--queue: ${parsed.problem}`]);
  return queueExecutor(parsed.url, way);
}

function describeFault(f: Fault): string {
  const what = 'node' in f ? f.node : 'link' in f ? f.link : f.target;
  return `${f.type} ${what} at ${f.atMs / 1000} s`;
}

/** One line saying what the fail-each runs are measured against. */
export function baselineLine(b: BaselineNote): string {
  const n = b.labFaults.length;
  const list = n === 0 ? '' : ` (${b.labFaults.slice(0, 4).map(describeFault).join(', ')}${n > 4 ? ', …' : ''})`;
  const failures = `each element fails at ${b.atMs / 1000} s for ${b.forMs / 1000} s`;
  if (n === 0) return `Baseline: the lab as is (it has no faults of its own); ${failures}.`;
  if (b.keptFaults) return `Baseline: the lab's own ${n} fault${n === 1 ? '' : 's'} kept in every run (--keep-faults)${list}; ${failures}.`;
  return `Baseline: fault-free — the lab's own ${n} fault${n === 1 ? ' is' : 's are'} removed from every run${list}; --keep-faults keeps them; ${failures}.`;
}

/**
 * Progress on stderr: a bar redrawn in place on a terminal. Else (a log file, CI) a line every
 * 10 % (at most every 2 s) and at least every 30 s, so a long sweep's log shows it is alive, and
 * a last one.
 */
function progressPrinter(io: CliIo): ((p: SweepProgress) => void) & { clear(): string } {
  let shown = false;
  let lastLineAt = io.now();
  let lastTenth = 0;
  const line = (p: SweepProgress) => `${p.done}/${p.total} runs · ${formatEta(p.elapsedMs)} elapsed${p.done < p.total && p.etaMs !== null ? ` · about ${formatEta(p.etaMs)} left` : ''}`;
  const f = (p: SweepProgress) => {
    if (io.isStderrTty) {
      const width = 30;
      const filled = Math.round((p.done / p.total) * width);
      io.stderr(`\r\x1b[2K  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line(p)}`);
      shown = p.done < p.total;
      if (!shown) io.stderr('\r\x1b[2K');
      return;
    }
    const tenth = Math.floor((p.done / p.total) * 10);
    const since = io.now() - lastLineAt;
    if (p.done === p.total || (tenth > lastTenth && since >= 2000) || since >= 30_000) {
      io.stderr(`  ${line(p)}\n`);
      lastLineAt = io.now();
      lastTenth = tenth;
    }
  };
  return Object.assign(f, {
    clear: () => {
      if (!shown) return '';
      shown = false;
      return '\r\x1b[2K';
    },
  });
}
