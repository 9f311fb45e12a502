/**
 * Opening the runs database: look before writing (preflight), create the folder, open with WAL,
 * foreign keys and a busy timeout (the app and srlab share the file), migrate, then recover runs
 * orphaned by a crash. Every failure is a DbError naming the file; a file refused is not written.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import type { OpenReport, RunDatabase } from './database.ts';
import { DbError, describeError, errorCode, toDbError } from './errors.ts';
import { migrate, schemaVersion } from './migrate.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';
import { preflight, type IntegrityCheck } from './preflight.ts';
import { APPLICATION_ID } from './identity.ts';
import { markInterrupted, processIsAlive } from './recovery.ts';

/** Options of {@link openDatabase}. */
export interface OpenOptions {
  /** Open for reading only: no folder, no migration, no crash recovery, no writes. */
  readonly?: boolean;
  /** Fail with code `missing` instead of creating a new database. */
  mustExist?: boolean;
  /** How long to wait for another process's lock, ms (default 5000). */
  busyTimeoutMs?: number;
  /** Integrity check at open (default `quick`: every page read, indexes not cross-checked). */
  check?: IntegrityCheck;
  /** For tests: clock, host name and process liveness used for owners and crash recovery. */
  now?: () => number;
  hostname?: string;
  isProcessAlive?: (pid: number) => boolean;
  /** For tests of future migrations; defaults to every migration of this build. */
  migrations?: readonly Migration[];
  /**
   * better-sqlite3's compiled addon to load instead of node_modules' (the desktop app's
   * Electron-ABI build: Node's tests and CLI keep the Node one; see the README).
   */
  nativeBinding?: string;
}

/**
 * Opens (creating when needed) the runs database at `file`. Throws a DbError: `not-a-database`,
 * `foreign-database`, `damaged`, `newer-schema` (all left byte-for-byte untouched),
 * `needs-upgrade` (read-only open of an older schema), `read-only`, `folder`, `missing`, `busy`,
 * `migration-failed` or `cannot-open`.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): RunDatabase {
  const path = resolve(file);
  const migrations = opts.migrations ?? MIGRATIONS;
  const known = migrations[migrations.length - 1]?.version ?? 0;
  const busyTimeoutMs = opts.busyTimeoutMs ?? 5000;
  const readonly = opts.readonly === true;
  const pre = preflight(path, file, known, opts.check ?? 'quick', busyTimeoutMs, opts.nativeBinding, migrations);
  if (!pre.exists && (readonly || opts.mustExist)) throw new DbError('missing', file, `there is no database at ${file}`);
  if (!readonly) prepareForWriting(path, file, pre.exists);

  let sqlite: Sqlite.Database;
  try {
    sqlite = new Sqlite(path, { readonly, fileMustExist: readonly, timeout: busyTimeoutMs, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  } catch (error) {
    throw toDbError(error, file);
  }
  const now = opts.now ?? Date.now;
  const host = opts.hostname ?? osHostname();
  const report: OpenReport = { created: !pre.exists || pre.version === 0, migratedFrom: null, backupFile: null, interruptedRuns: [] };
  const db: RunDatabase = {
    file,
    path,
    isReadonly: readonly,
    sqlite,
    report,
    now,
    owner: { pid: process.pid, hostname: host },
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
  try {
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
    sqlite.pragma('foreign_keys = ON');
    if (readonly) {
      const version = schemaVersion(sqlite);
      if (version < known) {
        throw new DbError('needs-upgrade', file, `${file} has an older schema (${version}; this version writes ${known}) and was opened read-only; open it once for writing to upgrade it`);
      }
      return db;
    }
    // WAL: readers never block the writer and a killed writer leaves the last commit intact.
    sqlite.pragma('journal_mode = WAL');
    // FULL: a committed run survives a power cut too; srlab commits only a few times per run.
    sqlite.pragma('synchronous = FULL');
    const migrated = migrate(sqlite, path, file, migrations);
    // A file recognised by its schema whose version needed no step still gets our mark.
    if (Number(sqlite.pragma('application_id', { simple: true })) !== APPLICATION_ID) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    if (migrated.from !== migrated.to) {
      report.migratedFrom = migrated.from;
      report.backupFile = migrated.backupFile;
    }
    report.interruptedRuns = markInterrupted(db, { hostname: host, now: now(), isAlive: opts.isProcessAlive ?? processIsAlive });
    return db;
  } catch (error) {
    db.close();
    throw toDbError(error, file);
  }
}

/**
 * Creates the folder and checks write permission up front: SQLite would otherwise open a
 * write-protected file read-only without a word, and fail only at the first write.
 */
function prepareForWriting(path: string, file: string, exists: boolean): void {
  const dir = dirname(path);
  try {
    makeFolder(dir);
  } catch (error) {
    throw new DbError('folder', file, `cannot create the folder ${dir} for ${file} (${describeError(error)})`, { cause: error });
  }
  for (const [target, what] of [[dir, 'its folder'], ...(exists ? [[path, 'the file']] : [])] as const) {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      throw new DbError('read-only', file, `cannot write ${file}: ${what} is read-only (${describeError(error)}); nothing was changed`, { cause: error });
    }
  }
}

/**
 * `mkdir -p` by hand: Node's recursive mkdirSync never returns for some paths (under /proc it
 * spins on ENOENT), and a command must fail, not hang.
 */
function makeFolder(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') {
      if (statSync(dir).isDirectory()) return;
      throw error;
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    makeFolder(parent);
    mkdirSync(dir);
  }
}
