import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixture, lines, srlab, tempDir } from './helpers.ts';

const DUAL_HUB = fileURLToPath(new URL('../../../assets/scenarios/09-dual-hub-failover.srlab.json', import.meta.url));

async function storedRun(db: string, extra: string[] = []): Promise<string> {
  const r = await srlab(['run', fixture('spoke-hub.srlab.json'), '--db', db, '--json', ...extra]);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { runId: string }).runId;
}

describe('srlab run --report', () => {
  it('writes one self-contained HTML report of the run', async () => {
    const dir = tempDir();
    const file = join(dir, 'report.html');
    const r = await srlab(['run', fixture('spoke-hub.srlab.json'), '--db', join(dir, 'r.db'), '--report', file]);
    expect(r.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('cli spoke-hub: hub loses its sessions');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script\s+src|<link\s/);
  });
});

describe('srlab compare', () => {
  it('shows the differing setting, the deltas and the first divergence', async () => {
    const dir = tempDir();
    const db = join(dir, 'r.db');
    const a = await storedRun(db);
    const b = await storedRun(db, ['--set', 'authority.sessionRecoveryDetection.mode=inactivity-based', '--set', 'authority.sessionRecoveryDetection.inactivityTimeoutSec=1']);
    const r = await srlab(['compare', a, b, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('authority.sessionRecoveryDetection.mode');
    expect(r.stdout).toMatch(/outage p95/);
    expect(r.stdout).toMatch(new RegExp(`${b}: at \\d+\\.\\d+ s, event #\\d+`));
  });

  it('prints one JSON object with KPI rows and the divergence', async () => {
    const dir = tempDir();
    const db = join(dir, 'r.db');
    const a = await storedRun(db);
    const b = await storedRun(db, ['--seed', '9']);
    const r = await srlab(['compare', a, b, '--db', db, '--json']);
    const c = JSON.parse(r.stdout) as { kpis: unknown[]; settings: { path: string }[]; divergence: Record<string, { kind: string }> };
    expect(c.kpis.length).toBeGreaterThan(10);
    expect(c.settings.map((s) => s.path)).toContain('seed');
    expect(c.divergence[b]!.kind).toBe('diverged');
  });

  it('finds no divergence between a run and its replayed twin', async () => {
    const dir = tempDir();
    const db = join(dir, 'r.db');
    const a = await storedRun(db);
    const b = await storedRun(db);
    const r = await srlab(['compare', a, b, '--db', db]);
    expect(r.stdout).toContain(`${b}: identical`);
  });

  it('writes the comparison report', async () => {
    const dir = tempDir();
    const db = join(dir, 'r.db');
    const a = await storedRun(db);
    const b = await storedRun(db, ['--seed', '3']);
    const file = join(dir, 'cmp.html');
    expect((await srlab(['compare', a, b, '--db', db, '--report', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(b);
  });

  it('exits 2 naming an unknown run id and the database', async () => {
    const dir = tempDir();
    const db = join(dir, 'r.db');
    const a = await storedRun(db);
    const r = await srlab(['compare', a, 'nope', '--db', db]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`there is no run nope in ${db}`]);
  });
});

describe('srlab sweep', () => {
  it('runs the cross product of the varied values and seeds and stores every run', async () => {
    const dir = tempDir();
    const db = join(dir, 'r.db');
    const r = await srlab([
      'sweep',
      fixture('spoke-hub.srlab.json'),
      '--vary',
      'authority.sessionRecoveryDetection.mode=packet-based,inactivity-based',
      '--seeds',
      '2',
      '--workers',
      '2',
      '--db',
      db,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { sweepId: string; runs: { runId: string; label: string; seed: number; fingerprint: string }[]; aggregate: { label: string; runs: number }[] };
    expect(out.runs).toHaveLength(4);
    expect(out.runs.map((x) => `${x.label}/${x.seed}`)).toEqual(['mode=packet-based/1', 'mode=packet-based/2', 'mode=inactivity-based/1', 'mode=inactivity-based/2']);
    expect(out.aggregate.map((a) => a.runs)).toEqual([2, 2]);
    const listed = await srlab(['runs', '--db', db, '--json']);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(4);
  });

  it('gives the same fingerprints as single runs of the same settings', async () => {
    const dir = tempDir();
    const r = await srlab(['sweep', fixture('spoke-hub.srlab.json'), '--seeds', '2', '--no-store', '--json']);
    const out = JSON.parse(r.stdout) as { runs: { seed: number; fingerprint: string }[] };
    for (const row of out.runs) {
      const single = await srlab(['run', fixture('spoke-hub.srlab.json'), '--seed', String(row.seed), '--json', '--db', join(dir, 'x.db')]);
      expect((JSON.parse(single.stdout) as { fingerprint: string }).fingerprint).toBe(row.fingerprint);
    }
  });

  it('ranks the hubs by the harm their failure causes, against a fault-free baseline', async () => {
    // The lab itself fails hub1; the N-1 baseline drops that, so hub1 (the primary) ranks worst.
    const r = await srlab(['sweep', DUAL_HUB, '--fail-each', 'hub', '--no-store', '--json']);
    const out = JSON.parse(r.stdout) as { runs: { label: string }[]; ranking: { rank: number; element: string; sessionsAffected: number; worstOutageMs: number }[] };
    expect(out.runs.map((x) => x.label)).toEqual(['baseline', 'hub hub1 fails', 'hub hub2 fails']);
    expect(out.ranking[0]).toMatchObject({ rank: 1, element: 'hub1' });
    expect(out.ranking[0]!.worstOutageMs).toBeGreaterThan(out.ranking[1]!.worstOutageMs);
  });

  it('refuses a bad --vary before running anything, naming the path', async () => {
    const r = await srlab(['sweep', fixture('spoke-hub.srlab.json'), '--vary', 'authority.sessionRecoveryDetection.mode=packet-based,warp-speed', '--no-store']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('authority.sessionRecoveryDetection.mode');
  });

  it('needs something to vary', async () => {
    const r = await srlab(['sweep', fixture('spoke-hub.srlab.json')]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)[0]).toContain('--vary');
  });
});
