import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countSessions, listRuns, openDatabase } from '../../../electron/services/db/index.ts';
import { fixture, tempDir } from './helpers.ts';

const LAUNCHER = fileURLToPath(new URL('../../../electron/cli/srlab.mjs', import.meta.url));

function srlabRun(db: string, seed: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [LAUNCHER, 'run', fixture('spoke-hub.srlab.json'), '--db', db, '--seed', String(seed), '--json'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('srlab run --db from several processes at once', () => {
  it('creates the database once and stores every run', { timeout: 60_000 }, async () => {
    const file = join(tempDir(), 'shared', 'runs.db');
    const outcomes = await Promise.all([1, 2, 3, 4].map((seed) => srlabRun(file, seed)));
    expect(outcomes).toEqual(Array.from({ length: 4 }, () => ({ code: 0, stderr: '' })));
    const db = openDatabase(file);
    const runs = listRuns(db);
    expect(runs.map((r) => r.seed).sort()).toEqual([1, 2, 3, 4]);
    for (const r of runs) {
      expect(r.status).toBe('completed');
      expect(countSessions(db, r.id)).toBe(3);
    }
    db.close();
  });
});
