/**
 * Brings a database to the newest schema: a backup copy first when it already holds data, then
 * every pending migration in ONE transaction, the version going to `PRAGMA user_version` in that
 * same transaction (it lives in the file header, so it commits or rolls back with the tables).
 */
import { existsSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { DbError, describeError, toDbError } from './errors.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

/** What {@link migrate} did. */
export interface MigrationReport {
  from: number;
  to: number;
  /** The copy taken before migrating, or null when there was nothing to keep. */
  backupFile: string | null;
}

/** The schema version stored in the file. */
export function schemaVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** The refusal for a file written by a newer build; `file` is named as the user gave it. */
export function newerSchema(file: string, found: number, known: number): DbError {
  return new DbError('newer-schema', file, `${file} was written by a newer Session Recovery Lab (schema ${found}; this version knows ${known}); it was left untouched`);
}

/**
 * Migrates `db` (opened read-write on `path`, shown to people as `file`) with `migrations`
 * (ascending versions). Safe when two processes open a new file at once: the version is read
 * again inside an IMMEDIATE transaction, so the second one finds nothing left to do.
 */
export function migrate(db: Database, path: string, file: string, migrations: readonly Migration[] = MIGRATIONS): MigrationReport {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const from = schemaVersion(db);
  if (from > latest) throw newerSchema(file, from, latest);
  if (from === latest) return { from, to: latest, backupFile: null };
  const backupFile = from > 0 ? backup(db, path, from, file) : null;
  const run = db.transaction(() => {
    // Read again under the write lock: another process may have migrated meanwhile.
    const now = schemaVersion(db);
    if (now > latest) throw newerSchema(file, now, latest);
    if (now === latest) return;
    if (now === 0 && hasTables(db)) throw foreignDatabase(file);
    for (const m of migrations) if (m.version > now) m.up(db);
    db.pragma(`user_version = ${latest}`);
  });
  try {
    run.immediate();
  } catch (error) {
    if (error instanceof DbError) throw error;
    const mapped = toDbError(error, file);
    if (mapped.code !== 'cannot-open') throw mapped;
    const kept = backupFile === null ? '' : ` (a copy from before is in ${backupFile})`;
    throw new DbError('migration-failed', file, `could not upgrade ${file} from schema ${from} to ${latest} (${describeError(error)}); it was left at schema ${from}${kept}`, { cause: error });
  }
  return { from, to: latest, backupFile };
}

/** Whether the file holds any table or index of its own (a version-0 file with some is not ours). */
export function hasTables(db: Database): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' LIMIT 1`).get() !== undefined;
}

/** The refusal for an SQLite file of another program (what its header says, when it says something). */
export function foreignDatabase(file: string, version = 0, applicationId = 0): DbError {
  const marks = [applicationId !== 0 ? `application id ${applicationId}` : '', version !== 0 ? `schema version ${version}` : ''].filter((m) => m !== '');
  const what = marks.length > 0 ? ` (${marks.join(', ')})` : '';
  return new DbError('foreign-database', file, `${file} is an SQLite database of another program${what}, not a Session Recovery Lab one; it was left untouched — choose another file`);
}

/**
 * `VACUUM INTO` writes a consistent, compact copy from a read transaction: it sees committed
 * WAL content without needing a checkpoint, and works while other connections read. An older
 * backup is never overwritten: a free name gets a counter.
 */
function backup(db: Database, path: string, version: number, file: string): string {
  let target = `${path}.bak-v${version}`;
  for (let i = 2; existsSync(target); i++) target = `${path}.bak-v${version}-${i}`;
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    throw new DbError('migration-failed', file, `could not copy ${file} to ${target} before upgrading it (${describeError(error)}); it was left untouched`, { cause: error });
  }
  return target;
}
