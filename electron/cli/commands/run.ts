/** `srlab run`: one scenario to the end, summary on stdout, optionally a sessions CSV. */
import { renderRunReport } from '../../services/reports/index.ts';
import { Simulation, type RunOptions, type RunResult, type Scenario } from '../../../engine/index.ts';
import { BadInput, CliFailure, EXIT_OK } from '../errors.ts';
import { renderRunSummary } from '../format/summary.ts';
import { runJson } from '../format/run-json.ts';
import { sessionsCsv } from '../../services/reports/csv-format.ts';
import { describeFsError, type CliIo } from '../io.ts';
import { parseDurationFlag, parseSeedFlag } from '../options.ts';
import { loadScenarioFile } from '../scenario-file.ts';
import { refuseTooBig } from '../work-check.ts';
import { beginStoredRun, shouldStore, type RunStorage } from './run-storage.ts';

/** `run`'s options as commander hands them over (flag values still text). */
export interface RunFlags {
  seed?: string;
  durationMs?: string;
  set?: string[];
  json?: boolean;
  /** `--session-outcomes`: with --json, every session's outcome too. */
  sessionOutcomes?: boolean;
  sessions?: string;
  /** `--db FILE`: the runs database (default: SRLAB_DB, else the app's). */
  db?: string;
  /** False with `--no-store`. */
  store?: boolean;
  /** `--report FILE.html`: also write the run's report. */
  report?: string;
  /** `--force`: run a scenario past the soft limit of the work estimate. */
  force?: boolean;
}

/** Runs `file` with `flags`; returns the exit code, throws BadInput/CliFailure for early ends. */
export function runCommand(file: string, flags: RunFlags, io: CliIo): number {
  const overrides = checkFlags(flags);
  const store = shouldStore(flags);
  const sets = flags.set ?? [];
  const scenario = loadScenarioFile(file, sets, io);
  refuseTooBig(file, overrides.durationMs === undefined ? scenario : { ...scenario, durationMs: overrides.durationMs }, flags.force === true);
  const csvTarget = flags.sessions === undefined ? null : reserveOutput(flags.sessions, io);
  const reportTarget = flags.report === undefined ? null : reserveOutput(flags.report, io);
  let storage: RunStorage | null = null;
  let started = io.now();
  try {
    // The `running` row is committed before the engine starts: a kill from here on leaves a
    // run that the next open marks interrupted, never one that silently vanished.
    storage = store ? beginStoredRun(flags, scenario, overrides, io) : null;
    started = io.now();
    const result = runWithProgress(scenario, storage === null ? overrides : { ...overrides, trace: storage.trace.push }, io);
    const wallMs = io.now() - started;
    storage?.finish(result, wallMs);
    if (csvTarget !== null) commitOutput(csvTarget, sessionsCsv(result), io);
    if (reportTarget !== null) {
      const effective = { ...scenario, seed: result.summary.seed, durationMs: result.summary.durationMs };
      commitOutput(reportTarget, renderRunReport({ runId: storage?.runId ?? 'not stored', scenario: effective, result, createdAt: new Date(), status: 'completed', sets }), io);
    }
    const runId = storage?.runId ?? null;
    // Indented like the summary's body, so the section titles stay the only lines at column 0.
    const stored = storage === null ? '' : `\n  run ${storage.runId} stored in ${storage.file}\n`;
    io.stdout(
      flags.json
        ? `${JSON.stringify(runJson(result.summary, wallMs, runId, flags.sessionOutcomes === true ? result.sessions : undefined))}\n`
        : renderRunSummary(result.summary, { wallMs, sets }) + stored,
    );
    return EXIT_OK;
  } catch (error) {
    // A no-op when the run already ended (stored, or failed while storing).
    storage?.fail(error, io.now() - started);
    throw error;
  } finally {
    storage?.close();
    if (csvTarget !== null) io.removeFile(csvTarget.tmp);
    if (reportTarget !== null) io.removeFile(reportTarget.tmp);
  }
}

function checkFlags(flags: RunFlags): { seed?: number; durationMs?: number } {
  const out: { seed?: number; durationMs?: number } = {};
  const lines: string[] = [];
  if (flags.seed !== undefined) {
    const seed = parseSeedFlag(flags.seed);
    if (seed.ok) out.seed = seed.value;
    else lines.push(seed.line);
  }
  if (flags.durationMs !== undefined) {
    const d = parseDurationFlag(flags.durationMs);
    if (d.ok) out.durationMs = d.value;
    else lines.push(d.line);
  }
  if (lines.length > 0) throw new BadInput(lines);
  return out;
}

/** How often, in slices of the virtual duration, the run yields to update the progress line. */
const SLICES = 200;

/**
 * Runs in slices of virtual time so a terminal can show progress. The run is the same whatever
 * the slicing (events are processed in `(time, seq)` order either way), and the slicing does not
 * depend on whether progress is shown, so piped and terminal runs give the same fingerprint.
 */
function runWithProgress(scenario: Scenario, overrides: RunOptions, io: CliIo): RunResult {
  const sim = new Simulation(scenario, overrides);
  const end = sim.endUs;
  const started = io.now();
  let lastShown = started;
  let shown = false;
  for (let i = 1; i <= SLICES; i++) {
    sim.runUntil(Math.ceil((end * i) / SLICES));
    const now = io.now();
    if (io.isStderrTty && now - lastShown >= 250 && i < SLICES) {
      io.stderr(`\rrunning ${Math.floor((100 * i) / SLICES)}% of ${(end / 1e6).toFixed(1)} s virtual…`);
      lastShown = now;
      shown = true;
    }
  }
  if (shown) io.stderr('\r\x1b[K');
  return sim.run();
}

interface OutputTarget {
  path: string;
  tmp: string;
}

/**
 * Creates the temporary file before the run, so an unwritable `--sessions` path is reported
 * at once as a bad flag instead of after a long run.
 */
function reserveOutput(path: string, io: CliIo): OutputTarget {
  const tmp = `${path}.tmp-${io.pid}`;
  try {
    io.writeFile(tmp, '');
  } catch (error) {
    throw new BadInput([`--sessions: cannot write ${path}: ${describeFsError(error)}`]);
  }
  return { path, tmp };
}

/** Writes the temporary file in full, then renames it over the target: never half a file. */
function commitOutput(target: OutputTarget, data: string, io: CliIo): void {
  try {
    io.writeFile(target.tmp, data);
    io.rename(target.tmp, target.path);
  } catch (error) {
    throw new CliFailure(`cannot write ${target.path}: ${describeFsError(error)}`);
  }
}
