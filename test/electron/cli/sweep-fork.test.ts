/** Fork at the fault through the CLI: forked N-1 runs are the runs done whole, fingerprint for fingerprint. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { srlab, tempDir } from './helpers.ts';

const NAT = fileURLToPath(new URL('../../../assets/scenarios/10-nat-spoke-rebinding.srlab.json', import.meta.url));

type SweepOut = { runs: { label: string; fingerprint: string }[] };

async function sweep(extra: string[], store = ['--no-store']): Promise<string[]> {
  const r = await srlab(['sweep', NAT, '--fail-each', 'link', '--keep-faults', '--fail-at-ms', '25000', '--seeds', '2', '--workers', '2', ...store, '--json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as SweepOut).runs.map((x) => `${x.label}: ${x.fingerprint}`);
}

describe('srlab sweep forks runs at their fault', () => {
  it('gives every run (kept lab faults, two seeds) the fingerprint of the run done whole (--no-fork)', async () => {
    const forked = await sweep([]);
    const whole = await sweep(['--no-fork']);
    expect(forked).toHaveLength(8); // baseline + three links, two seeds each
    expect(new Set(forked).size).toBe(8);
    expect(forked).toEqual(whole);
    // Stored runs keep their trace and time series, which a sweep that stores nothing skips.
    const stored = await sweep([], ['--db', join(tempDir(), 'runs.db')]);
    expect(stored).toEqual(whole);
  });
});
