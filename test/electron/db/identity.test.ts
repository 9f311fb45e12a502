/**
 * Our runs database is recognised by its application id (or, from before the id, by its exact
 * schema) before anything writes to it; every other SQLite file is refused and keeps its bytes,
 * with no -wal, -shm or backup file appearing beside it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DbError, listRuns, openDatabase, SCHEMA_VERSION } from '../../../electron/services/db/index.ts';
import { APPLICATION_ID } from '../../../electron/services/db/identity.ts';
import { srlab } from '../cli/helpers.ts';
import { fileHash, storeRun, tempDir } from './helpers.ts';

function dbErrorOf(fn: () => unknown): DbError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DbError) return e;
    throw e;
  }
  throw new Error('expected a DbError');
}

/** Another program's SQLite file: a `notes` table, the given header fields and journal mode. */
function foreignFile(o: { userVersion?: number; applicationId?: number; wal?: boolean; tables?: string } = {}): string {
  const file = join(tempDir(), 'notes.db');
  const raw = new Sqlite(file);
  if (o.wal) raw.pragma('journal_mode = WAL');
  raw.exec(o.tables ?? `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('buy milk')`);
  if (o.userVersion !== undefined) raw.pragma(`user_version = ${o.userVersion}`);
  if (o.applicationId !== undefined) raw.pragma(`application_id = ${o.applicationId}`);
  raw.close();
  return file;
}

/** The files in the folder of `file`, besides `file` itself. */
function besides(file: string): string[] {
  return readdirSync(dirname(file)).filter((n) => n !== basename(file));
}

describe('a new runs database', () => {
  it('carries our application id', () => {
    const file = join(tempDir(), 'runs.db');
    openDatabase(file).close();
    const raw = new Sqlite(file, { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    raw.close();
  });
});

describe("another program's SQLite file", () => {
  const cases: [string, Parameters<typeof foreignFile>[0]][] = [
    ['with user_version 3', { userVersion: 3 }],
    ['with user_version 10 (our first schema version)', { userVersion: 10 }],
    [`with user_version ${SCHEMA_VERSION} (ours now)`, { userVersion: SCHEMA_VERSION }],
    ['in WAL mode with user_version 10', { userVersion: 10, wal: true }],
    ['in WAL mode with no user_version', { wal: true }],
    ['with another application id', { applicationId: 0x12345678, userVersion: 10 }],
    ['with a newer-looking user_version', { userVersion: 9999 }],
  ];
  it.each(cases)('is refused %s, byte for byte untouched, with nothing created beside it', (_what, o) => {
    const file = foreignFile(o);
    const before = fileHash(file);
    const e = dbErrorOf(() => openDatabase(file));
    expect(e.code).toBe('foreign-database');
    expect(e.message).toContain('is an SQLite database of another program');
    expect(e.message).toContain('left untouched');
    expect(fileHash(file)).toBe(before);
    expect(besides(file)).toEqual([]);
    expect(dbErrorOf(() => openDatabase(file, { readonly: true })).code).toBe('foreign-database');
    expect(fileHash(file)).toBe(before);
    expect(besides(file)).toEqual([]);
  });

  it('is refused by srlab runs --db with exit 2 and one line, and left alone', async () => {
    const file = foreignFile({ userVersion: 3 });
    const before = fileHash(file);
    const r = await srlab(['runs', '--db', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining(`${file} is an SQLite database of another program (schema version 3)`)]);
    expect(fileHash(file)).toBe(before);
    expect(besides(file)).toEqual([]);
  });

  it('with our tables but another application id is refused', () => {
    const dir = tempDir();
    const file = join(dir, 'runs.db');
    openDatabase(file).close();
    const raw = new Sqlite(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('application_id = 7');
    raw.close();
    const before = fileHash(file);
    const e = dbErrorOf(() => openDatabase(file));
    expect(e.message).toContain('(application id 7, schema version');
    expect(fileHash(file)).toBe(before);
  });
});

describe('a file with user_version -1', () => {
  it('is refused with a message saying no Session Recovery Lab writes that version', () => {
    const file = foreignFile({ userVersion: -1 });
    const before = fileHash(file);
    const e = dbErrorOf(() => openDatabase(file));
    expect(e.code).toBe('foreign-database');
    expect(e.message).toBe(`${file} has schema version -1, which no Session Recovery Lab writes: it belongs to another program or was altered by hand; it was left untouched — choose another file`);
    expect(fileHash(file)).toBe(before);
    expect(besides(file)).toEqual([]);
  });
});

describe('a runs database from before the application id', () => {
  /** Schema 10 exactly as the first release made it: WAL, no application id. */
  function legacyFile(): string {
    const dir = tempDir();
    const file = join(dir, 'runs.db');
    // Written by today's code, then turned back into what the first release left behind.
    const db = openDatabase(file);
    storeRun(db);
    db.close();
    const raw = new Sqlite(file);
    // Undo every later schema step by hand (schema 30 added run_sessions.outage_list).
    raw.exec('ALTER TABLE run_sessions DROP COLUMN outage_list');
    raw.pragma('application_id = 0');
    raw.pragma('user_version = 10');
    raw.close();
    return file;
  }

  it('is recognised by its schema, upgraded with a backup, and gets our application id', () => {
    const file = legacyFile();
    const db = openDatabase(file);
    expect(db.report.migratedFrom).toBe(10);
    expect(db.report.backupFile).toBe(`${file}.bak-v10`);
    expect(db.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(listRuns(db)).toHaveLength(1);
    db.close();
  });

  it('is not ours once a table was added to it', () => {
    const file = legacyFile();
    const raw = new Sqlite(file);
    raw.exec('CREATE TABLE extra (x)');
    raw.close();
    const before = fileHash(file);
    expect(dbErrorOf(() => openDatabase(file)).code).toBe('foreign-database');
    expect(fileHash(file)).toBe(before);
    expect(existsSync(`${file}.bak-v10`)).toBe(false);
  });
});
