import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateLab, GENERATE_DEFAULTS } from '../../../engine/index.ts';
import { lines, srlab, tempDir } from './helpers.ts';

const DUAL_HUB = fileURLToPath(new URL('../../../assets/scenarios/09-dual-hub-failover.srlab.json', import.meta.url));

type SweepOut = {
  runs: { label: string; fingerprint: string }[];
  ranking: { rank: number; kind: string; element: string; sessionsLost: number; sessionsAffected: number; worstOutageMs: number; runIds: string[] }[];
  baseline: { keptFaults: boolean; labFaults: unknown[]; failAtMs: number; failForMs: number };
};

function smallLab(spokes: number): string {
  const file = join(tempDir(), 'lab.srlab.json');
  writeFileSync(file, JSON.stringify(generateLab({ ...GENERATE_DEFAULTS, spokes, hubs: 2, durationMs: 20_000 })));
  return file;
}

async function fingerprintOf(argv: string[]): Promise<string> {
  const r = await srlab(['run', ...argv, '--no-store', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { fingerprint: string }).fingerprint;
}

describe('srlab sweep --fail-each (N-1 analysis)', () => {
  it("removes the lab's own faults from the baseline and says so", async () => {
    const r = await srlab(['sweep', DUAL_HUB, '--fail-each', 'hub', '--no-store', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SweepOut;
    expect(out.baseline).toMatchObject({ keptFaults: false, failAtMs: 20_000, failForMs: 10_000 });
    expect(out.baseline.labFaults).toHaveLength(1);
    expect(lines(r.stderr)[0]).toBe(
      "Baseline: fault-free — the lab's own 1 fault is removed from every run (node-restart hub1 at 20 s); --keep-faults keeps them; each element fails at 20 s for 10 s.",
    );
    // The baseline is the lab without its faults, run as such.
    expect(out.runs[0]!.fingerprint).toBe(await fingerprintOf([DUAL_HUB, '--set', 'faults=[]']));
  });

  it("keeps the lab's faults with --keep-faults, and says that instead", async () => {
    const r = await srlab(['sweep', DUAL_HUB, '--fail-each', 'hub', '--keep-faults', '--no-store', '--json']);
    const out = JSON.parse(r.stdout) as SweepOut;
    expect(out.baseline.keptFaults).toBe(true);
    expect(lines(r.stderr)[0]).toMatch(/^Baseline: the lab's own 1 fault kept in every run \(--keep-faults\)/);
    expect(out.runs[0]!.fingerprint).toBe(await fingerprintOf([DUAL_HUB]));
  });

  it('fails each spoke in turn and ranks them by kind and id', async () => {
    const r = await srlab(['sweep', smallLab(3), '--fail-each', 'spoke', '--no-store', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SweepOut;
    expect(out.runs.map((x) => x.label)).toEqual(['baseline', 'spoke spoke1 fails', 'spoke spoke2 fails', 'spoke spoke3 fails']);
    expect(out.ranking.map((x) => x.kind)).toEqual(['spoke', 'spoke', 'spoke']);
    expect(out.ranking.every((x) => x.sessionsAffected > 0)).toBe(true);
    // Their outages differ by a few milliseconds here: no tie, one worst.
    expect(out.ranking.map((x) => x.rank)).toEqual([1, 2, 3]);
  });

  it('gives elements whose failures do the same harm one rank, and names them together', async () => {
    const file = join(tempDir(), 'alike.srlab.json');
    writeFileSync(file, JSON.stringify(generateLab({ ...GENERATE_DEFAULTS, spokes: 3, hubs: 2 })));
    const json = JSON.parse((await srlab(['sweep', file, '--fail-each', 'spoke', '--no-store', '--json'])).stdout) as SweepOut;
    expect(json.ranking.map((x) => `${x.rank} ${x.element}`)).toEqual(['1 spoke1', '1 spoke2', '1 spoke3']);
    expect(new Set(json.ranking.map((x) => x.worstOutageMs)).size).toBe(1);
    const text = await srlab(['sweep', file, '--fail-each', 'spoke', '--no-store']);
    const r = json.ranking[0]!;
    expect(lines(text.stdout).at(-1)).toBe(
      `Worst, 3 alike (rank 1): spoke spoke1, spoke spoke2 and spoke spoke3 (each 0.0 sessions lost, ${r.sessionsAffected.toFixed(1)} hit, worst outage ${r.worstOutageMs.toFixed(1)} ms).`,
    );
  });

  it('fails every spoke and hub with router, and points each ranked element at its stored run', async () => {
    const db = join(tempDir(), 'r.db');
    const r = await srlab(['sweep', smallLab(2), '--fail-each', 'router', '--db', db, '--json']);
    const out = JSON.parse(r.stdout) as SweepOut;
    expect(out.runs.map((x) => x.label)).toEqual(['baseline', 'hub hub1 fails', 'hub hub2 fails', 'spoke spoke1 fails', 'spoke spoke2 fails']);
    expect(out.ranking.map((x) => `${x.kind} ${x.element}`).sort()).toEqual(['hub hub1', 'hub hub2', 'spoke spoke1', 'spoke spoke2']);
    for (const x of out.ranking) expect(x.runIds).toHaveLength(1);
  });

  it('reports progress with the time left on a terminal, and a last line otherwise', async () => {
    const tty = await srlab(['sweep', smallLab(3), '--fail-each', 'spoke', '--no-store'], { isStderrTty: true });
    expect(tty.stderr).toMatch(/\[#*\.*\] 1\/4 runs · \d+ s elapsed · about \d+ s left/);
    const piped = await srlab(['sweep', smallLab(3), '--fail-each', 'spoke', '--no-store', '--json']);
    expect(lines(piped.stderr).at(-1)).toMatch(/^ {2}4\/4 runs · \d+ s elapsed$/);
  });

  it('writes a log a line every 10 % and at least every 30 s, and a last one', async () => {
    const progressLines = (err: string) =>
      lines(err)
        .filter((l) => / runs · /.test(l))
        .map((l) => l.trim().split(' ')[0]);
    const clock = (stepMs: number) => {
      let t = 0;
      return () => (t += stepMs);
    };
    const lab = smallLab(19); // 20 runs: one is 5 %
    // Runs finishing within 2 s of each other: only the last line.
    const quick = await srlab(['sweep', lab, '--fail-each', 'spoke', '--no-store', '--json'], { now: clock(1) });
    expect(progressLines(quick.stderr)).toEqual(['20/20']);
    // A slow sweep: no run waits more than 30 s for its line, and each says the time left.
    const slow = await srlab(['sweep', lab, '--fail-each', 'spoke', '--no-store', '--json'], { now: clock(31_000) });
    expect(progressLines(slow.stderr)).toEqual(Array.from({ length: 20 }, (_, i) => `${i + 1}/20`));
    expect(lines(slow.stderr).find((l) => l.includes('1/20'))).toMatch(/about [\dhms ]+ left$/);
  });

  it('refuses an unknown --fail-each and --keep-faults without it', async () => {
    const bad = await srlab(['sweep', DUAL_HUB, '--fail-each', 'server', '--no-store']);
    expect(bad.code).toBe(2);
    expect(lines(bad.stderr)).toEqual(['--fail-each: must be router, spoke, hub or link, got "server"']);
    const keep = await srlab(['sweep', DUAL_HUB, '--seeds', '2', '--keep-faults', '--no-store']);
    expect(keep.code).toBe(2);
    expect(lines(keep.stderr)[0]).toMatch(/^--keep-faults: only with --fail-each/);
  });
});
