/**
 * `srlab run`'s side of storing: decides whether to store, writes the `running` row before the
 * engine starts and the results in one transaction after. Set SRLAB_DEBUG_PHASES=1 to have each
 * step announced on stderr (`srlab: phase …`): the kill test uses it to tell where a kill landed.
 */
import type { RunOptions, RunResult, Scenario } from '../../../engine/index.ts';
import { DbError } from '../../services/db/index.ts';
import type { RunDatabase } from '../../services/db/index.ts';
import { failRun, finishRun, startRun, TraceCapture } from '../../services/runs/index.ts';
import { BadInput, CliFailure } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { dbFileFor, openForCommand } from './db-access.ts';

/** The storing flags of `run`. */
export interface StorageFlags {
  db?: string;
  /** False with `--no-store`. */
  store?: boolean;
  json?: boolean;
}

/** An open database with one run in it, from `running` to `completed` or `failed`. */
export interface RunStorage {
  readonly file: string;
  readonly runId: string;
  /** The Simulation's trace option. */
  readonly trace: TraceCapture;
  finish(result: RunResult, wallMs: number): void;
  /** Marks the run failed (best effort: the original error is what the user must see). */
  fail(error: unknown, wallMs: number): void;
  close(): void;
}

/**
 * Whether `run` stores: always, except with `--no-store`, or with `--json` and no `--db` (a
 * script asking for JSON on stdout has not asked for a record; cli.md allows it).
 */
export function shouldStore(flags: StorageFlags): boolean {
  if (flags.store === false && flags.db !== undefined) throw new BadInput(['--no-store: cannot be used with --db (choose one)']);
  return flags.store !== false && !(flags.json === true && flags.db === undefined);
}

/** Opens the database and records the run as `running` (committed before the engine starts). */
export function beginStoredRun(flags: StorageFlags, scenario: Scenario, overrides: RunOptions, io: CliIo): RunStorage {
  const file = dbFileFor(flags.db);
  const db = openForCommand(file);
  let runId: string;
  try {
    runId = startRun(db, { scenario, seed: overrides.seed, durationMs: overrides.durationMs, source: 'cli' });
  } catch (error) {
    db.close();
    throw error instanceof DbError ? new BadInput([error.message]) : error;
  }
  phase(io, 'started');
  return {
    file,
    runId,
    trace: new TraceCapture(),
    finish(result, wallMs) {
      phase(io, 'engine-done');
      storeOrExplain(db, runId, file, () => finishRun(db, runId, result, this.trace, wallMs));
      phase(io, 'stored');
    },
    fail(error, wallMs) {
      try {
        failRun(db, runId, error instanceof Error ? error.message : String(error), wallMs);
      } catch {
        // Still `running`: the next open marks it interrupted once this process is gone.
      }
    },
    close: () => db.close(),
  };
}

function storeOrExplain(db: RunDatabase, runId: string, file: string, store: () => void): void {
  try {
    store();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    try {
      failRun(db, runId, `its results could not be stored: ${why}`);
    } catch {
      // As above: left `running`, marked interrupted later.
    }
    throw new CliFailure(`run ${runId} finished but its results could not be stored in ${file}: ${why}`);
  }
}

function phase(io: CliIo, name: string): void {
  if (process.env['SRLAB_DEBUG_PHASES'] === '1') io.stderr(`srlab: phase ${name}\n`);
}
