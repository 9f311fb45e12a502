/**
 * Several processes may open a new runs database at once (`srlab run --db` in parallel, the app
 * beside them). One looking at the file while another creates its tables must see the file
 * either before or after that commit, never half of each: reading the schema version before the
 * commit and the tables after it looked like "tables without a version", which is another
 * program's file, and `srlab run` refused a database it was sharing (seen in CI).
 */
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listRuns, openDatabase, SCHEMA_VERSION } from '../../../electron/services/db/index.ts';
import { MIGRATIONS } from '../../../electron/services/db/migrations/index.ts';
import { preflight } from '../../../electron/services/db/preflight.ts';
import { tempDir } from './helpers.ts';

/** Run once, by the next look at the file's tables: another process's commit landing right then. */
let beforeNextTableLook: (() => void) | null = null;

vi.mock('../../../electron/services/db/migrate.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../electron/services/db/migrate.ts')>();
  return {
    ...original,
    hasTables: (db: Sqlite.Database) => {
      const commit = beforeNextTableLook;
      beforeNextTableLook = null;
      commit?.();
      return original.hasTables(db);
    },
  };
});

afterEach(() => {
  beforeNextTableLook = null;
});

/** A database another process has just begun: WAL mode, no schema yet, its connection still open. */
function beingCreated(): { file: string; creator: Sqlite.Database } {
  const file = join(tempDir(), 'runs.db');
  const creator = new Sqlite(file);
  creator.pragma('journal_mode = WAL');
  creator.pragma('user_version = 0');
  creator.pragma('wal_checkpoint(TRUNCATE)');
  return { file, creator };
}

/** What the creating process commits: every migration and the version, in one transaction. */
function createSchema(db: Sqlite.Database): void {
  db.transaction(() => {
    for (const m of MIGRATIONS) m.up(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

describe('looking at a database while another process creates it', () => {
  it('sees the file as it was before the commit, and opens it once the commit is in', () => {
    const { file, creator } = beingCreated();
    beforeNextTableLook = () => createSchema(creator);
    expect(preflight(file, file, SCHEMA_VERSION, 'quick', 1000)).toEqual({ exists: true, version: 0 });
    expect(beforeNextTableLook).toBeNull();
    const db = openDatabase(file);
    expect(db.report.created).toBe(false);
    expect(listRuns(db)).toEqual([]);
    db.close();
    creator.close();
  });

  it('opens for writing while the other process commits its schema', () => {
    const { file, creator } = beingCreated();
    beforeNextTableLook = () => createSchema(creator);
    const db = openDatabase(file);
    expect(listRuns(db)).toEqual([]);
    db.close();
    creator.close();
  });
});
