/**
 * Damaged and foreign databases: copies of a real runs database with random bytes flipped,
 * pages zeroed, the file cut short, header fields changed, or garbage appended, plus other
 * programs' SQLite files. Opening each one either works or fails with a DbError (one sentence,
 * never another exception); a file refused keeps its bytes and gets nothing beside it; a sample
 * goes through `srlab runs`, which exits 0 or 2 without a stack.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbError, listRuns, openDatabase } from '../../electron/services/db/index.ts';
import { srlab, tempDir } from '../electron/cli/helpers.ts';
import { storeRun } from '../electron/db/helpers.ts';
import { count, figures, LARGE, Rng, size } from './fuzz-kit.ts';

const COPIES = size(40, 600);
const THROUGH_CLI = size(8, 100);

let original: string;

beforeAll(() => {
  original = join(tempDir(), 'runs.db');
  const db = openDatabase(original);
  storeRun(db);
  storeRun(db, undefined, { seed: 2 });
  db.close();
});

afterAll(() => console.log(`database damage figures${LARGE ? ' (large run)' : ''}: ${JSON.stringify(figures)}`));

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const besides = (file: string) => readdirSync(dirname(file)).filter((n) => n !== basename(file));

/** One damaged copy of the original, in a folder of its own. */
function damagedCopy(rng: Rng, i: number): { file: string; how: string } {
  const file = join(tempDir(), `copy-${i}.db`);
  copyFileSync(original, file);
  const bytes = readFileSync(file);
  const pages = Math.floor(bytes.length / 4096);
  const kinds = ['flip', 'zero-page', 'cut', 'header', 'append', 'garbage-page'] as const;
  const how = rng.pick(kinds);
  switch (how) {
    case 'flip':
      for (let k = 0, n = 1 + rng.int(64); k < n; k++) bytes[rng.int(bytes.length)] = rng.int(256);
      writeFileSync(file, bytes);
      break;
    case 'zero-page':
      bytes.fill(0, rng.int(pages) * 4096, rng.int(pages) * 4096 + 4096);
      writeFileSync(file, bytes);
      break;
    case 'cut':
      writeFileSync(file, bytes.subarray(0, rng.int(bytes.length)));
      break;
    case 'header':
      // user_version, application_id, page size, schema cookie, write/read versions, reserved bytes…
      bytes[rng.pick([16, 17, 18, 19, 20, 21, 40, 44, 56, 60, 63, 68, 71, 92, 96])] = rng.int(256);
      writeFileSync(file, bytes);
      break;
    case 'append':
      writeFileSync(file, Buffer.concat([bytes, rng.bytes(1 + rng.int(10_000))]));
      break;
    default:
      rng.bytes(4096).copy(bytes, rng.int(pages) * 4096);
      writeFileSync(file, bytes);
  }
  return { file, how };
}

/** Opens `file` as the app would; a refusal must leave it as it was. */
function openOrRefuse(file: string, what: string): 'opened' | 'refused' {
  const before = hash(file);
  try {
    const db = openDatabase(file);
    try {
      listRuns(db);
    } catch (e) {
      // Damage the quick check cannot see may still surface in a query: as a clear error, not a crash.
      expect(e, what).toBeInstanceOf(Error);
    }
    db.close();
    return 'opened';
  } catch (e) {
    expect(e, `${what}: ${String(e)}`).toBeInstanceOf(DbError);
    expect((e as DbError).message, what).toContain(basename(file));
    expect(hash(file), `${what}: bytes changed`).toBe(before);
    expect(besides(file), `${what}: files created`).toEqual([]);
    return 'refused';
  }
}

describe('the runs database, damaged', () => {
  it(`opens or refuses ${COPIES} damaged copies, leaving every refused one untouched`, () => {
    const rng = new Rng(0xdb);
    for (let i = 0; i < COPIES; i++) {
      const { file, how } = damagedCopy(rng, i);
      const outcome = openOrRefuse(file, `copy ${i} (${how})`);
      count(`damaged copies ${outcome}`);
    }
  });

  it(`answers srlab runs on ${THROUGH_CLI} damaged copies with exit 0 or 2 and no stack`, async () => {
    const rng = new Rng(0xc0de);
    for (let i = 0; i < THROUGH_CLI; i++) {
      const { file, how } = damagedCopy(rng, 10_000 + i);
      const r = await srlab(['runs', '--db', file]);
      count('damaged copies through srlab runs');
      expect([0, 2], `copy ${i} (${how}): ${r.stderr}`).toContain(r.code);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
    }
  });

  it("refuses other programs' files of every kind and leaves them as they were", () => {
    const rng = new Rng(0xf0e);
    const n = size(12, 120);
    for (let i = 0; i < n; i++) {
      const file = join(tempDir(), 'other.db');
      const raw = new Sqlite(file);
      if (rng.int(2)) raw.pragma('journal_mode = WAL');
      raw.exec(
        rng.pick([
          'CREATE TABLE notes (x)',
          'CREATE TABLE runs (id TEXT)',
          'CREATE TABLE runs (id TEXT); CREATE TABLE scenarios (id)',
          'CREATE VIEW v AS SELECT 1',
          'CREATE TABLE sweeps (x); CREATE INDEX i ON sweeps (x)',
        ]),
      );
      raw.pragma(`user_version = ${rng.pick([0, 1, 3, 10, 20, -1, 2 ** 31 - 1, -(2 ** 31)])}`);
      if (rng.int(3) === 0) raw.pragma(`application_id = ${rng.pick([1, 0x53524c61, -5, 2 ** 31 - 1])}`);
      raw.close();
      expect(openOrRefuse(file, `foreign file ${i}`)).toBe('refused');
      count("other programs' files refused untouched");
    }
  });
});
