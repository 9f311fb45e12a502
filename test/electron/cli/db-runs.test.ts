import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/db/index.ts';
import { startRun } from '../../../electron/services/runs/index.ts';
import { parseScenario } from '../../../engine/index.ts';
import { fixture, lines, srlab, tempDir } from './helpers.ts';

const SPOKE_HUB = fixture('spoke-hub.srlab.json');

/** A database with two stored runs (seeds 1 and 2); returns its path. */
async function twoRuns(): Promise<string> {
  const file = join(tempDir(), 'runs.db');
  await srlab(['run', SPOKE_HUB, '--db', file, '--seed', '1']);
  await srlab(['run', SPOKE_HUB, '--db', file, '--seed', '2', '--set', 'name=Second lab']);
  return file;
}

interface RunJson {
  id: string;
  scenario: string;
  status: string;
  seed: number;
  startedAt: string;
  sessions: { total: number; affected: number; failed: number } | null;
}

describe('srlab runs', () => {
  it('prints a table of the stored runs, newest first, and where they are', async () => {
    const file = await twoRuns();
    const r = await srlab(['runs', '--db', file]);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/^ {2}id +started +status +seed +virtual +hit\/total +failed +p95 ms +scenario$/);
    expect(out[1]).toMatch(/ completed +2 +20 s +3\/3 +0 +92\.0 +Second lab$/);
    expect(out[2]).toMatch(/ completed +1 +20 s +3\/3 +0 +92\.0 +cli spoke-hub: hub loses its sessions$/);
    expect(out).toContain(`2 runs in ${file}`);
  });

  it('prints a JSON array with --json', async () => {
    const file = await twoRuns();
    const r = await srlab(['runs', '--db', file, '--json']);
    const runs = JSON.parse(r.stdout) as RunJson[];
    expect(runs.map((x) => [x.seed, x.scenario, x.status])).toEqual([
      [2, 'Second lab', 'completed'],
      [1, 'cli spoke-hub: hub loses its sessions', 'completed'],
    ]);
    expect(runs[0]!.sessions).toMatchObject({ total: 3, affected: 3, failed: 0 });
    expect(new Date(runs[0]!.startedAt).toISOString()).toBe(runs[0]!.startedAt);
  });

  it('filters by scenario text, status and limit', async () => {
    const file = await twoRuns();
    const ids = async (...args: string[]) => (JSON.parse((await srlab(['runs', '--db', file, '--json', ...args])).stdout) as RunJson[]).map((x) => x.seed);
    expect(await ids('--scenario', 'SECOND')).toEqual([2]);
    expect(await ids('--status', 'failed')).toEqual([]);
    expect(await ids('--limit', '1')).toEqual([2]);
    const r = await srlab(['runs', '--db', file, '--limit', '1']);
    expect(r.stdout).toContain(`1 of 2 runs (newest first; --limit N shows more) in ${file}`);
  });

  it('exits 2 for a bad --status or --limit, one line each', async () => {
    const r = await srlab(['runs', '--db', join(tempDir(), 'x.db'), '--status', 'done', '--limit', '-3']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['--limit: must be a whole number from 1 to 10000 (got "-3")', '--status: must be one of running, completed, stopped, failed, interrupted (got "done")']);
  });

  it('says there are no runs, without creating a database, when the file does not exist', async () => {
    const file = join(tempDir(), 'none.db');
    const r = await srlab(['runs', '--db', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`no runs stored yet (there is no database at ${file})\n`);
    expect((await srlab(['runs', '--db', file, '--json'])).stdout).toBe('[]\n');
    expect(existsSync(file)).toBe(false);
  });

  it('shows a run whose process died as interrupted', async () => {
    const file = join(tempDir(), 'runs.db');
    const db = openDatabase(file);
    db.owner.pid = 2 ** 22 + 999; // above Linux's pid_max: certainly not running
    const loaded = parseScenario(JSON.parse(readFileSync(SPOKE_HUB, 'utf8')) as unknown);
    if (!loaded.ok) throw new Error('fixture');
    startRun(db, { scenario: loaded.scenario, source: 'cli' });
    db.close();
    const runs = JSON.parse((await srlab(['runs', '--db', file, '--json'])).stdout) as RunJson[];
    expect(runs.map((x) => x.status)).toEqual(['interrupted']);
  });
});
