/**
 * Looks at a database file before anything may write to it: whether it exists, whether it is
 * SQLite at all, whether it is ours (application id, or the exact schema of a file from before
 * the id), which schema version it has and whether SQLite finds it intact. Everything here
 * reads only, and a file that is not ours is never opened in a way that leaves files beside it:
 * a read-only SQLite connection to a WAL-mode file creates `-wal` and `-shm`, so such a file is
 * looked at through an in-memory copy instead. A file refused here keeps its bytes.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync, unlinkSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import { damaged, DbError, describeError, errorCode, notADatabase, toDbError } from './errors.ts';
import { APPLICATION_ID, isOursBySchema, parseHeader, type SqliteHeader } from './identity.ts';
import { foreignDatabase, hasTables, newerSchema, schemaVersion } from './migrate.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

/** The SQLite file header's magic string (first 16 bytes). */
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
 * Throws a DbError for a file that is not SQLite, not ours, newer than this build, or damaged.
 */
export function preflight(
  path: string,
  file: string,
  known: number,
  check: IntegrityCheck,
  busyTimeoutMs: number,
  nativeBinding?: string,
  migrations: readonly Migration[] = MIGRATIONS,
): PreflightResult {
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
  const head = readHeader(path, file);
  if (head.subarray(0, 16).toString('latin1') !== MAGIC) throw notADatabase(file);
  if (head.length < 100) throw damaged(file, 'the file is shorter than its header');
  const header = parseHeader(head);
  // With a -wal beside it the header may be older than the last commit: ask SQLite instead.
  const walBeside = existsSync(`${path}-wal`);
  if (!walBeside) refuseByHeader(file, header, known);
  const options = { readonly: true, timeout: busyTimeoutMs, ...(nativeBinding ? { nativeBinding } : {}) };
  const ours = !walBeside && header.applicationId === APPLICATION_ID;
  const shmBeside = existsSync(`${path}-shm`);
  let db: Sqlite.Database | null = null;
  try {
    // Not known to be ours and in WAL mode: look at a copy in memory (marked rollback-journal,
    // which an in-memory database needs), so no -wal/-shm appears beside another program's file.
    db = ours || walBeside || !header.wal ? new Sqlite(path, { ...options, fileMustExist: true }) : new Sqlite(memoryCopy(path), options);
    const look = db;
    // One read transaction, so every look sees one commit: another process may create the
    // schema meanwhile, and its version read before that commit with its tables read after it
    // would look like tables without a version (another program's file).
    const version = look.transaction(() => inspect(look, file, header.wal, known, check, migrations))();
    return { exists: true, version };
  } catch (error) {
    // Refused: the read-only look at a WAL file of ours made an empty -wal and an -shm; a
    // refused file must be left as it was found.
    db?.close();
    db = null;
    if (!walBeside) removeLeftovers(path, shmBeside);
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

/** What SQLite says of the file: its schema version, or a DbError when it is not ours or is damaged. */
function inspect(db: Sqlite.Database, file: string, wal: boolean, known: number, check: IntegrityCheck, migrations: readonly Migration[]): number {
  const version = schemaVersion(db);
  const applicationId = Number(db.pragma('application_id', { simple: true }));
  refuseByHeader(file, { applicationId, userVersion: version, wal }, known);
  if (applicationId !== APPLICATION_ID && (version !== 0 || hasTables(db)) && !isOursBySchema(db, version, migrations)) {
    throw foreignDatabase(file, version);
  }
  if (check !== 'none') {
    const rows = db.pragma(check === 'full' ? 'integrity_check(5)' : 'quick_check(5)', { simple: false }) as Record<string, string>[];
    const problems = rows.map((r) => Object.values(r)[0] ?? '').filter((m) => m !== 'ok');
    if (problems.length > 0) throw damaged(file, `${check === 'full' ? 'integrity' : 'quick'} check: ${problems.slice(0, 2).join('; ')}`);
  }
  return version;
}

/** Refusals the header alone decides: another program's id, a negative or newer version. */
function refuseByHeader(file: string, h: SqliteHeader, known: number): void {
  if (h.applicationId !== 0 && h.applicationId !== APPLICATION_ID) throw foreignDatabase(file, h.userVersion, h.applicationId);
  if (h.userVersion < 0) {
    throw new DbError(
      'foreign-database',
      file,
      `${file} has schema version ${h.userVersion}, which no Session Recovery Lab writes: it belongs to another program or was altered by hand; it was left untouched — choose another file`,
    );
  }
  if (h.userVersion > known) {
    // Ours (or a file from before the id that could be): a newer build wrote it.
    if (h.applicationId === APPLICATION_ID) throw newerSchema(file, h.userVersion, known);
  }
}

function readHeader(path: string, file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new DbError('cannot-open', file, `cannot read ${file} (${describeError(error)})`, { cause: error });
  }
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Removes the -wal (only when empty: nothing was written to it) and the -shm our look created. */
function removeLeftovers(path: string, shmExisted: boolean): void {
  try {
    const wal = `${path}-wal`;
    if (existsSync(wal) && statSync(wal).size === 0) {
      unlinkSync(wal);
      if (!shmExisted) rmSync(`${path}-shm`, { force: true });
    }
  } catch {
    // Best effort: a file we cannot remove is only an empty index beside a refused database.
  }
}

/** The file's bytes with the header's WAL mark turned back to rollback journal. */
function memoryCopy(path: string): Buffer {
  const bytes = readFileSync(path);
  if (bytes[18] === 2) bytes[18] = 1;
  if (bytes[19] === 2) bytes[19] = 1;
  return bytes;
}
