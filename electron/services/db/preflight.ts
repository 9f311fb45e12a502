/**
 * Looks at a database file before anything may write to it: whether it exists, whether it is
 * SQLite at all, which schema version it has and whether SQLite finds it intact. Everything here
 * reads only (a read-only connection never checkpoints or rolls back), so a file refused here
 * keeps its bytes.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import { damaged, DbError, describeError, errorCode, notADatabase, toDbError } from './errors.ts';
import { foreignDatabase, hasTables, newerSchema, schemaVersion } from './migrate.ts';

/** The SQLite file header (first 16 bytes). */
const MAGIC = 'SQLite format 3\0';

/** How thoroughly to check a file at open. */
export type IntegrityCheck = 'quick' | 'full' | 'none';

/** What the file looked like. */
export interface PreflightResult {
  exists: boolean;
  /** Schema version found (0 for a new or empty file). */
  version: number;
}

/**
 * Checks `path` (named `file` in messages) against the newest schema version `known`.
 * Throws a DbError for a file that is not SQLite, is newer than this build, or is damaged.
 */
export function preflight(path: string, file: string, known: number, check: IntegrityCheck, busyTimeoutMs: number, nativeBinding?: string): PreflightResult {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new DbError('cannot-open', file, `cannot use ${file} as a database: it is a directory`);
    size = st.size;
  } catch (error) {
    // ENOTDIR: a part of the path is a file; creating the folder will say so in plain words.
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return { exists: false, version: 0 };
    throw error instanceof DbError ? error : new DbError('cannot-open', file, `cannot read ${file} (${describeError(error)})`, { cause: error });
  }
  // SQLite treats an empty file as a new database; so do we.
  if (size === 0) return { exists: true, version: 0 };
  if (readHeader(path, file) !== MAGIC) throw notADatabase(file);
  let db: Sqlite.Database | null = null;
  try {
    db = new Sqlite(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs, ...(nativeBinding ? { nativeBinding } : {}) });
    const version = schemaVersion(db);
    // A newer file is refused before checking it: its format is not ours to judge.
    if (version > known) throw newerSchema(file, version, known);
    if (version === 0 && hasTables(db)) throw foreignDatabase(file);
    if (check !== 'none') {
      const rows = db.pragma(check === 'full' ? 'integrity_check(5)' : 'quick_check(5)', { simple: false }) as Record<string, string>[];
      const problems = rows.map((r) => Object.values(r)[0] ?? '').filter((m) => m !== 'ok');
      if (problems.length > 0) throw damaged(file, `${check === 'full' ? 'integrity' : 'quick'} check: ${problems.slice(0, 2).join('; ')}`);
    }
    return { exists: true, version };
  } catch (error) {
    if (error instanceof DbError) throw error;
    const mapped = toDbError(error, file);
    // A read-only look may be unable to create the WAL index of a folder it cannot write;
    // the read-write open after this says so in plain words.
    if (mapped.code === 'read-only' || errorCode(error) === 'SQLITE_CANTOPEN') return { exists: true, version: -1 };
    throw mapped;
  } finally {
    db?.close();
  }
}

function readHeader(path: string, file: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new DbError('cannot-open', file, `cannot read ${file} (${describeError(error)})`, { cause: error });
  }
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}
