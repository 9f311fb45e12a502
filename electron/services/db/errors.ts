/**
 * The one error type the database layer throws on purpose. Its message is one sentence a person
 * can act on and names the file; `code` lets callers (CLI exit codes, the app's error values)
 * decide without parsing text.
 */

/** Why a database could not be used. */
export type DbErrorCode =
  /** The file exists but is not an SQLite database. */
  | 'not-a-database'
  /** An SQLite database of some other program (tables, no schema version of ours). */
  | 'foreign-database'
  /** SQLite says the file is corrupt, or the integrity check found problems. */
  | 'damaged'
  /** Written by a newer build: its schema version is above every migration we know. */
  | 'newer-schema'
  /** Opened read-only, but its schema is older than this build and needs migrating. */
  | 'needs-upgrade'
  /** The file or its folder cannot be written (permissions, read-only file system). */
  | 'read-only'
  /** The folder for the file cannot be created. */
  | 'folder'
  /** The file does not exist and the caller asked not to create it. */
  | 'missing'
  /** Another process holds a lock for longer than the busy timeout. */
  | 'busy'
  /** A migration failed; the database was rolled back to its previous version. */
  | 'migration-failed'
  /** A run was asked to end or take results but is not `running` (or does not exist). */
  | 'not-running'
  /** Any other reason the file cannot be opened or written (I/O error, disk full…). */
  | 'cannot-open';

/** A database problem with a one-sentence message naming the file. */
export class DbError extends Error {
  readonly code: DbErrorCode;
  readonly file: string;

  constructor(code: DbErrorCode, file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DbError';
    this.code = code;
    this.file = file;
  }
}

/** The SQLite (or Node file-system) code of an error, '' when it has none. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** A short plain-words reason for an SQLite or file-system error. */
export function describeError(error: unknown): string {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return 'no space left on the device';
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  if (code === 'EISDIR') return 'it is a directory';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'another program keeps it locked';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Turns an error thrown while using `file` into a DbError (a DbError passes through), so that
 * nothing above the database layer has to know SQLite's codes.
 */
export function toDbError(error: unknown, file: string): DbError {
  if (error instanceof DbError) return error;
  const code = errorCode(error);
  const why = describeError(error);
  if (code === 'SQLITE_NOTADB') return notADatabase(file);
  if (code.startsWith('SQLITE_CORRUPT')) return damaged(file, why);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new DbError('read-only', file, `cannot write ${file} (${why}); nothing was changed`, { cause: error });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DbError('busy', file, `${file} is locked by another program for too long; try again when it is done`, { cause: error });
  }
  return new DbError('cannot-open', file, `cannot use the database ${file} (${why})`, { cause: error });
}

/** The database file is not an SQLite file at all. */
export function notADatabase(file: string): DbError {
  return new DbError('not-a-database', file, `${file} is not a Session Recovery Lab database (not an SQLite file); it was left untouched — move it aside or choose another file`);
}

/** The database file is corrupt. */
export function damaged(file: string, detail: string): DbError {
  return new DbError('damaged', file, `${file} is damaged (${detail}); it was left untouched — move it aside to start a new database`);
}
