import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DbError, listRuns, MIGRATIONS, openDatabase, SCHEMA_VERSION, type Migration } from '../../../electron/services/db/index.ts';
import { storeRun, tempDir } from './helpers.ts';

/** A later migration, as a future build would add it. */
const ADD_TAGS: Migration = { version: SCHEMA_VERSION + 10, name: 'tags', up: (db) => void db.exec(`ALTER TABLE runs ADD COLUMN tags TEXT`) };
const BROKEN: Migration = {
  version: SCHEMA_VERSION + 20,
  name: 'broken',
  up: (db) => {
    db.exec(`CREATE TABLE half_done (x INTEGER) STRICT`);
    db.exec(`THIS IS NOT SQL`);
  },
};

function dbWithOneRun(): string {
  const file = join(tempDir(), 'runs.db');
  const db = openDatabase(file);
  storeRun(db);
  db.close();
  return file;
}

describe('migrations', () => {
  it('are listed in ascending version order, the last one being the schema version', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(SCHEMA_VERSION).toBe(versions[versions.length - 1]);
  });

  it('take no backup of a new database', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'runs.db'));
    expect(db.report.backupFile).toBeNull();
    db.close();
    expect(existsSync(join(dir, `runs.db.bak-v0`))).toBe(false);
  });

  it('copy a database that holds data to <file>.bak-v<old> before migrating it', () => {
    const file = dbWithOneRun();
    const db = openDatabase(file, { migrations: [...MIGRATIONS, ADD_TAGS] });
    expect(db.report).toMatchObject({ migratedFrom: SCHEMA_VERSION, backupFile: `${file}.bak-v${SCHEMA_VERSION}` });
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 10);
    expect(listRuns(db)).toHaveLength(1);
    db.close();
    const copy = new Sqlite(`${file}.bak-v${SCHEMA_VERSION}`, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(copy.prepare('SELECT count(*) FROM runs').pluck().get()).toBe(1);
    copy.close();
  });

  it('never overwrite an earlier backup', () => {
    const file = dbWithOneRun();
    openDatabase(file, { migrations: [...MIGRATIONS, ADD_TAGS] }).close();
    const raw = new Sqlite(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION}`);
    raw.exec('ALTER TABLE runs DROP COLUMN tags');
    raw.close();
    const db = openDatabase(file, { migrations: [...MIGRATIONS, ADD_TAGS] });
    expect(db.report.backupFile).toBe(`${file}.bak-v${SCHEMA_VERSION}-2`);
    db.close();
  });

  it('run all pending steps in one transaction: a failing step leaves the old version and no trace of earlier steps', () => {
    const file = dbWithOneRun();
    let error: unknown;
    try {
      openDatabase(file, { migrations: [...MIGRATIONS, ADD_TAGS, BROKEN] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).code).toBe('migration-failed');
    expect((error as DbError).message).toContain(`it was left at schema ${SCHEMA_VERSION} (a copy from before is in ${file}.bak-v${SCHEMA_VERSION})`);
    const raw = new Sqlite(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const columns = raw.prepare(`SELECT name FROM pragma_table_info('runs')`).pluck().all();
    expect(columns).not.toContain('tags');
    expect(raw.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'`).pluck().get()).toBe(0);
    raw.close();
  });
});
