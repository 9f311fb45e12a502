import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRun, listRuns, openDatabase } from '../../../electron/services/db/index.ts';
import { fixture, lines, srlab, tempDir } from './helpers.ts';

const SPOKE_HUB = fixture('spoke-hub.srlab.json');

/** Runs in the database at `file`, newest first. */
function storedRuns(file: string) {
  const db = openDatabase(file);
  try {
    return listRuns(db).map((r) => ({ ...r, detail: getRun(db, r.id)! }));
  } finally {
    db.close();
  }
}

describe('srlab run --db', () => {
  const saved = process.env['SRLAB_DB'];
  let defaultDb = '';
  beforeEach(() => {
    defaultDb = join(tempDir(), 'default.db');
    process.env['SRLAB_DB'] = defaultDb;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['SRLAB_DB'];
    else process.env['SRLAB_DB'] = saved;
  });

  it('stores the run and says where, on the last line of the summary', async () => {
    const file = join(tempDir(), 'runs.db');
    const r = await srlab(['run', SPOKE_HUB, '--db', file]);
    expect(r.code).toBe(0);
    const [run] = storedRuns(file);
    expect(run).toMatchObject({ status: 'completed', source: 'cli' });
    expect(lines(r.stdout).at(-1)).toBe(`  run ${run!.id} stored in ${file}`);
    expect(r.stdout).toContain(`fingerprint ${run!.fingerprint} `);
  });

  it('puts the run id in --json', async () => {
    const file = join(tempDir(), 'runs.db');
    const r = await srlab(['run', SPOKE_HUB, '--db', file, '--json']);
    const json = JSON.parse(r.stdout) as { runId: string; fingerprint: string };
    const [run] = storedRuns(file);
    expect(json.runId).toBe(run!.id);
    expect(json.fingerprint).toBe(run!.fingerprint);
  });

  it('stores the effective scenario: --set, --seed and --duration-ms applied', async () => {
    const file = join(tempDir(), 'runs.db');
    await srlab(['run', SPOKE_HUB, '--db', file, '--seed', '11', '--duration-ms', '9000', '--set', 'authority.sessionRecoveryDetection.mode=inactivity-based']);
    const [run] = storedRuns(file);
    expect(run).toMatchObject({ seed: 11, durationMs: 9000 });
    expect(run!.detail.scenario).toMatchObject({ seed: 11, durationMs: 9000, authority: { sessionRecoveryDetection: { mode: 'inactivity-based' } } });
  });

  it('stores in SRLAB_DB (the default database) without --db', async () => {
    const r = await srlab(['run', SPOKE_HUB]);
    expect(r.code).toBe(0);
    const [run] = storedRuns(defaultDb);
    expect(lines(r.stdout).at(-1)).toBe(`  run ${run!.id} stored in ${defaultDb}`);
  });

  it('stores nothing for --json without --db, and says so with runId null', async () => {
    const r = await srlab(['run', SPOKE_HUB, '--json']);
    expect((JSON.parse(r.stdout) as { runId: unknown }).runId).toBeNull();
    expect(existsSync(defaultDb)).toBe(false);
  });

  it('stores nothing with --no-store', async () => {
    const r = await srlab(['run', SPOKE_HUB, '--no-store']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('stored in');
    expect(existsSync(defaultDb)).toBe(false);
  });

  it('exits 2 for --no-store with --db', async () => {
    const r = await srlab(['run', SPOKE_HUB, '--no-store', '--db', join(tempDir(), 'x.db')]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['--no-store: cannot be used with --db (choose one)']);
  });

  it('exits 2 with one line, before running, for a database from a newer version', async () => {
    const file = join(tempDir(), 'runs.db');
    await srlab(['run', SPOKE_HUB, '--db', file]);
    const raw = new Sqlite(file);
    raw.pragma('user_version = 40');
    raw.close();
    const r = await srlab(['run', SPOKE_HUB, '--db', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^.*runs\.db was written by a newer Session Recovery Lab \(schema 40; this version knows \d+\); it was left untouched$/)]);
  });

  it('exits 2 with one line for a file that is not a database', async () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'not a database');
    const r = await srlab(['run', SPOKE_HUB, '--db', file, '--json']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`${file} is not a Session Recovery Lab database (not an SQLite file); it was left untouched — move it aside or choose another file`]);
  });

  it('checks the scenario before touching the database', async () => {
    const file = join(tempDir(), 'runs.db');
    const r = await srlab(['run', fixture('invalid.srlab.json'), '--db', file]);
    expect(r.code).toBe(2);
    expect(existsSync(file)).toBe(false);
  });
});
