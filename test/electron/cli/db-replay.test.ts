import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixture, lines, srlab, tempDir } from './helpers.ts';

const SPOKE_HUB = fixture('spoke-hub.srlab.json');

/** A database with one run stored by `srlab run`; returns [file, runId]. */
async function storedRun(): Promise<[string, string]> {
  const file = join(tempDir(), 'runs.db');
  const r = await srlab(['run', SPOKE_HUB, '--db', file, '--json', '--seed', '4']);
  return [file, (JSON.parse(r.stdout) as { runId: string }).runId];
}

describe('srlab replay', () => {
  it('re-runs a stored run, shows both fingerprints and exits 0 when they match', async () => {
    const [file, id] = await storedRun();
    const r = await srlab(['replay', id, '--db', file]);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toBe(`replay of run ${id}: cli spoke-hub: hub loses its sessions`);
    expect(out[1]).toMatch(/^ {2}seed 4 · 20 s virtual · no live faults · [\d.]+ m?s wall$/);
    expect(out[2]).toMatch(/^ {2}stored fingerprint {2}[0-9a-f]{16} {2}\(engine [\d.]+\)$/);
    expect(out[3]!.replace('replay', 'stored')).toBe(out[2]);
    expect(out[4]).toBe('  match: the replay reproduced the stored run exactly');
  });

  it('prints one JSON object with --json', async () => {
    const [file, id] = await storedRun();
    const r = await srlab(['replay', id, '--db', file, '--json']);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ runId: id, db: file, match: true, seed: 4, liveFaults: 0, firstDifferenceAtMs: null });
    expect(json['replayFingerprint']).toBe(json['originalFingerprint']);
  });

  it('exits 1 and says MISMATCH when the stored fingerprint differs', async () => {
    const [file, id] = await storedRun();
    const raw = new Sqlite(file);
    raw.prepare(`UPDATE runs SET fingerprint = '0123456789abcdef' WHERE id = ?`).run(id);
    raw.close();
    const r = await srlab(['replay', id, '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  MISMATCH: the replay first differs at or before 20 s virtual');
  });

  it('exits 2 for an unknown run id, naming it and the database', async () => {
    const [file] = await storedRun();
    const r = await srlab(['replay', 'zzzz', '--db', file]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`there is no run zzzz in ${file}`]);
    expect(r.stdout).toBe('');
  });

  it('exits 2 when the database does not exist', async () => {
    const file = join(tempDir(), 'none.db');
    const r = await srlab(['replay', 'abc', '--db', file]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`there is no run abc in ${file} (there is no database there)`]);
  });
});
