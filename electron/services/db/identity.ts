/**
 * Telling our runs database from any other SQLite file before writing to it. The file header
 * carries `application_id` (ours since schema 20) and `user_version`; a file from before the
 * application id is ours only when its tables and indexes are exactly those our migrations
 * made for its version. Anything else belongs to another program and is never written.
 */
import Sqlite, { type Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

// A leaf module of its own: migration 0020 sets it, and identity.ts imports the migrations.
export { APPLICATION_ID } from './application-id.ts';

/** What the first 100 bytes of an SQLite file say. */
export interface SqliteHeader {
  applicationId: number;
  userVersion: number;
  /** The file is in WAL mode (opening it, even read-only, makes -wal and -shm files). */
  wal: boolean;
}

/** Reads the header fields (the caller checked the magic string). */
export function parseHeader(buf: Buffer): SqliteHeader {
  return { applicationId: buf.readInt32BE(68), userVersion: buf.readInt32BE(60), wal: buf[18] === 2 || buf[19] === 2 };
}

/** The schema objects (type and name, sorted) in a database. */
export function schemaObjects(db: Database): string[] {
  return db.prepare(`SELECT type || ' ' || name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY 1`).pluck().all() as string[];
}

const expected = new Map<string, string[]>();

/** The schema objects our migrations up to `version` create (computed once, in memory). */
export function expectedObjects(version: number, migrations: readonly Migration[] = MIGRATIONS): string[] {
  const key = `${version}:${migrations.map((m) => m.version).join(',')}`;
  let names = expected.get(key);
  if (names === undefined) {
    const mem = new Sqlite(':memory:');
    try {
      for (const m of migrations) if (m.version <= version) m.up(mem);
      names = schemaObjects(mem);
    } finally {
      mem.close();
    }
    expected.set(key, names);
  }
  return names;
}

/** Whether a file without our application id is one of ours from before it (schema match). */
export function isOursBySchema(db: Database, version: number, migrations: readonly Migration[] = MIGRATIONS): boolean {
  if (!migrations.some((m) => m.version === version)) return false;
  const have = schemaObjects(db);
  const want = expectedObjects(version, migrations);
  return have.length === want.length && have.every((n, i) => n === want[i]);
}
