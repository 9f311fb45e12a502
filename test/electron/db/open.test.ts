import { closeSync, existsSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DbError, listRuns, openDatabase, SCHEMA_VERSION } from '../../../electron/services/db/index.ts';
import { fileHash, storeRun, tempDir } from './helpers.ts';

const TABLES = ['run_checkpoints', 'run_counters', 'run_events', 'run_faults', 'run_series', 'run_sessions', 'runs', 'scenarios', 'sweeps'];

/** The DbError thrown by `fn` (fails the test when none is). */
function dbErrorOf(fn: () => unknown): DbError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DbError) return error;
    throw error;
  }
  throw new Error('expected a DbError');
}

/** A database holding one stored run, closed; returns its path. */
function dbWithOneRun(): string {
  const file = join(tempDir(), 'runs.db');
  const db = openDatabase(file);
  storeRun(db);
  db.close();
  return file;
}

describe('openDatabase', () => {
  it('creates every table and sets the schema version on a new file', () => {
    const db = openDatabase(join(tempDir(), 'runs.db'));
    const tables = db.sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(TABLES);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.report.created).toBe(true);
    db.close();
  });

  it('keeps stored runs across close and reopen, without migrating again', () => {
    const file = dbWithOneRun();
    const db = openDatabase(file);
    expect(listRuns(db)).toHaveLength(1);
    expect(db.report.migratedFrom).toBeNull();
    db.close();
  });

  it('opens in WAL mode with foreign keys on and a busy timeout', () => {
    const db = openDatabase(join(tempDir(), 'runs.db'), { busyTimeoutMs: 1234 });
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(1234);
    db.close();
  });

  it('makes every table STRICT', () => {
    const db = openDatabase(join(tempDir(), 'runs.db'));
    const loose = db.sqlite.prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%'`).pluck().all();
    expect(loose).toEqual([]);
    expect(() => db.sqlite.prepare(`INSERT INTO scenarios (id, name, json, created_at, updated_at) VALUES ('a', 'n', '{}', 'yesterday', 0)`).run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    db.close();
  });

  it('enforces foreign keys: no result row without its run', () => {
    const db = openDatabase(join(tempDir(), 'runs.db'));
    expect(() => db.sqlite.prepare(`INSERT INTO run_checkpoints (run_id, t_ms, events, fingerprint) VALUES ('nope', 1000, 1, 'x')`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('creates a missing parent folder', () => {
    const file = join(tempDir(), 'a', 'b', 'c', 'runs.db');
    openDatabase(file).close();
    expect(existsSync(file)).toBe(true);
  });

  it('says which folder cannot be created, and why', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain-file'), 'x');
    const file = join(dir, 'plain-file', 'sub', 'runs.db');
    const e = dbErrorOf(() => openDatabase(file));
    expect(e.code).toBe('folder');
    expect(e.message).toBe(`cannot create the folder ${join(dir, 'plain-file', 'sub')} for ${file} (a part of the path is not a directory)`);
  });

  it('refuses a database from a newer version and leaves its bytes as they were', () => {
    const file = dbWithOneRun();
    const raw = new Sqlite(file);
    raw.pragma('user_version = 40');
    raw.close();
    const before = fileHash(file);
    const e = dbErrorOf(() => openDatabase(file));
    expect(e.code).toBe('newer-schema');
    expect(e.message).toBe(`${file} was written by a newer Session Recovery Lab (schema 40; this version knows ${SCHEMA_VERSION}); it was left untouched`);
    expect(fileHash(file)).toBe(before);
    expect(dbErrorOf(() => openDatabase(file, { readonly: true })).code).toBe('newer-schema');
    expect(fileHash(file)).toBe(before);
  });

  it('reports a file whose pages were overwritten with garbage as damaged, and does not write it', () => {
    const file = dbWithOneRun();
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(16 * 4096);
    const fd = openSync(file, 'r+');
    // Pages in the middle of the file: the schema still loads; only the check at open finds it.
    writeSync(fd, Buffer.alloc(3 * 4096, 0xab), 0, 3 * 4096, Math.floor(size / 4096 / 2) * 4096);
    closeSync(fd);
    const before = fileHash(file);
    const e = dbErrorOf(() => openDatabase(file));
    expect(e.code).toBe('damaged');
    expect(e.message).toMatch(new RegExp(`^${escape(file)} is damaged \\(.+\\); it was left untouched — move it aside to start a new database$`));
    expect(fileHash(file)).toBe(before);
  });

  it('reports a file whose first pages were overwritten as damaged', () => {
    const file = dbWithOneRun();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(2 * 4096, 0x5a), 0, 2 * 4096, 4096);
    closeSync(fd);
    const before = fileHash(file);
    expect(dbErrorOf(() => openDatabase(file)).code).toBe('damaged');
    expect(fileHash(file)).toBe(before);
  });

  it('says a text file is not a database and leaves it alone', () => {
    const file = join(tempDir(), 'notes.db');
    writeFileSync(file, 'these are my notes, not a database\n'.repeat(200));
    const before = fileHash(file);
    const e = dbErrorOf(() => openDatabase(file));
    expect(e.code).toBe('not-a-database');
    expect(e.message).toBe(`${file} is not a Session Recovery Lab database (not an SQLite file); it was left untouched — move it aside or choose another file`);
    expect(fileHash(file)).toBe(before);
  });

  it("refuses another program's SQLite database instead of adding tables to it", () => {
    const file = join(tempDir(), 'other.db');
    const raw = new Sqlite(file);
    raw.exec('CREATE TABLE contacts (name TEXT)');
    raw.close();
    const before = fileHash(file);
    expect(dbErrorOf(() => openDatabase(file)).code).toBe('foreign-database');
    expect(fileHash(file)).toBe(before);
  });

  it('treats an empty file as a new database', () => {
    const file = join(tempDir(), 'empty.db');
    writeFileSync(file, '');
    const db = openDatabase(file);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('fails with code missing when asked not to create the file', () => {
    const file = join(tempDir(), 'none.db');
    expect(dbErrorOf(() => openDatabase(file, { mustExist: true })).code).toBe('missing');
    expect(existsSync(file)).toBe(false);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
