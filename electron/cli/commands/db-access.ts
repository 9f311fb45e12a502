/**
 * How the commands reach the runs database: which file (`--db`, else SRLAB_DB, else the app's
 * per-user folder) and opening it with every database problem turned into one bad-input line
 * (exit 2): the file is named and nothing was written.
 */
import { homedir } from 'node:os';
import { DbError, defaultDbPath, openDatabase, type OpenOptions, type RunDatabase } from '../../services/db/index.ts';
import { BadInput } from '../errors.ts';

/** The database file a command uses: `--db` when given, else the one the app uses. */
export function dbFileFor(flag: string | undefined): string {
  return flag ?? defaultDbPath(process.env, process.platform, homedir());
}

/**
 * How long a command waits for another process's write (a sweep or the app storing a big run)
 * before giving up: longer than the library's default, since a command has no UI to freeze.
 */
const BUSY_TIMEOUT_MS = 15_000;

/** Opens the database for a command; a DbError becomes a BadInput with its one sentence. */
export function openForCommand(file: string, opts: OpenOptions = {}): RunDatabase {
  try {
    return openDatabase(file, { busyTimeoutMs: BUSY_TIMEOUT_MS, ...opts });
  } catch (error) {
    if (error instanceof DbError) throw new BadInput([error.message]);
    throw error;
  }
}

/**
 * Opens an existing database for a command that only reads: read-write when allowed (so runs
 * orphaned by a crash are marked interrupted and an older schema is upgraded), read-only when the
 * file cannot be written. Returns null when there is no database yet.
 */
export function openForReading(file: string): RunDatabase | null {
  try {
    return openDatabase(file, { mustExist: true, busyTimeoutMs: BUSY_TIMEOUT_MS });
  } catch (error) {
    if (!(error instanceof DbError)) throw error;
    if (error.code === 'missing') return null;
    if (error.code !== 'read-only') throw new BadInput([error.message]);
  }
  return openForCommand(file, { readonly: true });
}
