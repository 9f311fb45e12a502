import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DbError, getRun, listRuns, openDatabase, SCHEMA_VERSION } from '../../../electron/services/db/index.ts';
import { startRun } from '../../../electron/services/runs/index.ts';
import { fileHash, fixturePath, loadScenario, storeRun, tempDir } from './helpers.ts';
import Sqlite from 'better-sqlite3';

const LAUNCHER = fileURLToPath(new URL('../../../electron/cli/srlab.mjs', import.meta.url));
const NOBODY = 65534;
// Root writes through chmod 0444, so as root the permission check is made by a child process
// running as nobody; as any other user, chmod is enough in-process.
const isRoot = process.getuid?.() === 0;

/** A database with one stored run in a folder everyone can read; returns [folder, file, runId]. */
function sharedDbWithOneRun(): [string, string, string] {
  const dir = tempDir();
  const file = join(dir, 'runs.db');
  const db = openDatabase(file);
  const { runId } = storeRun(db);
  db.close();
  return [dir, file, runId];
}

function dbErrorOf(fn: () => unknown): DbError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DbError) return error;
    throw error;
  }
  throw new Error('expected a DbError');
}

/** Runs srlab as nobody (root only). */
function srlabAsNobody(args: readonly string[], cwd: string) {
  return spawnSync(process.execPath, [LAUNCHER, ...args], { cwd, uid: NOBODY, gid: NOBODY, encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: cwd } });
}

describe('a read-only database', () => {
  it('is refused for writing when the file is read-only, and its bytes stay as they were', () => {
    const [dir, file] = sharedDbWithOneRun();
    chmodSync(dir, 0o777);
    chmodSync(file, 0o444);
    const before = fileHash(file);
    if (isRoot) {
      // Warm the launcher's bundle as root: nobody cannot write node_modules/.cache.
      spawnSync(process.execPath, [LAUNCHER, '--version'], { encoding: 'utf8' });
      const r = srlabAsNobody(['run', fixturePath('cli:spoke-hub.srlab.json'), '--db', file], dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`cannot write ${file}: the file is read-only (permission denied); nothing was changed\n`);
    } else {
      const e = dbErrorOf(() => openDatabase(file));
      expect(e.code).toBe('read-only');
      expect(e.message).toBe(`cannot write ${file}: the file is read-only (permission denied); nothing was changed`);
    }
    expect(fileHash(file)).toBe(before);
  });

  it('is refused for writing when its folder is read-only', () => {
    const [dir, file] = sharedDbWithOneRun();
    chmodSync(dir, 0o555);
    const before = fileHash(file);
    if (isRoot) {
      const r = srlabAsNobody(['run', fixturePath('cli:spoke-hub.srlab.json'), '--db', file], '/');
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`cannot write ${file}: its folder is read-only (permission denied); nothing was changed\n`);
    } else {
      expect(dbErrorOf(() => openDatabase(file)).code).toBe('read-only');
    }
    expect(fileHash(file)).toBe(before);
    chmodSync(dir, 0o755);
  });

  it('can still be listed by srlab runs (read-only fallback) when it cannot be written', () => {
    const [dir, file, runId] = sharedDbWithOneRun();
    chmodSync(dir, 0o777);
    chmodSync(file, 0o444);
    if (!isRoot) return void expect(listRuns(openDatabase(file, { readonly: true }))[0]?.id).toBe(runId);
    const r = srlabAsNobody(['runs', '--db', file, '--json'], dir);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { id: string }[]).map((x) => x.id)).toEqual([runId]);
  });
});

describe('openDatabase with readonly: true', () => {
  it('reads runs and their results', () => {
    const [, file, runId] = sharedDbWithOneRun();
    const db = openDatabase(file, { readonly: true });
    expect(db.isReadonly).toBe(true);
    expect(getRun(db, runId)?.status).toBe('completed');
    db.close();
  });

  it('refuses every write with a read-only DbError and leaves the file as it was', () => {
    const [, file] = sharedDbWithOneRun();
    const before = fileHash(file);
    const db = openDatabase(file, { readonly: true });
    const e = dbErrorOf(() => startRun(db, { scenario: loadScenario(), source: 'cli' }));
    expect(e.code).toBe('read-only');
    expect(e.message).toBe(`${file} was opened read-only; nothing was written`);
    db.close();
    expect(fileHash(file)).toBe(before);
  });

  it('does not create a missing database', () => {
    const file = join(tempDir(), 'none.db');
    expect(dbErrorOf(() => openDatabase(file, { readonly: true })).code).toBe('missing');
  });

  it('does not migrate an older schema: it asks for a writable open first', () => {
    const [, file] = sharedDbWithOneRun();
    const raw = new Sqlite(file);
    raw.pragma('user_version = 5');
    raw.close();
    const e = dbErrorOf(() => openDatabase(file, { readonly: true }));
    expect(e.code).toBe('needs-upgrade');
    expect(e.message).toContain(`(5; this version writes ${SCHEMA_VERSION})`);
  });

  it('does not mark orphaned runs interrupted (that is a write)', () => {
    const [, file] = sharedDbWithOneRun();
    const db = openDatabase(file, { isProcessAlive: () => true });
    const id = startRun(db, { scenario: loadScenario(), source: 'cli' });
    db.close();
    const ro = openDatabase(file, { readonly: true, isProcessAlive: () => false });
    expect(getRun(ro, id)?.status).toBe('running');
    ro.close();
  });
});
