import { describe, expect, it } from 'vitest';
import { firstDivergence } from '../../../engine/index.ts';
import { compareRuns } from '../../../engine/compare/compare.ts';
import { templateRun } from './template-runs.ts';

describe('compareRuns', () => {
  // The comparison: packet-based against inactivity-based 1 s and 5 s, same faults.
  const packet = templateRun('01', 'r1', 'packet-based');
  const one = templateRun('02', 'r2', 'inactivity-based, 1 s', ['authority.sessionRecoveryDetection.inactivityTimeoutSec=1']);
  const five = templateRun('02', 'r3', 'inactivity-based, 5 s', ['authority.sessionRecoveryDetection.inactivityTimeoutSec=5']);
  const c = compareRuns([packet.comparable, one.comparable, five.comparable]);

  it('refuses fewer than two runs or the same run twice', () => {
    expect(() => compareRuns([packet.comparable])).toThrow(/at least 2/);
    expect(() => compareRuns([packet.comparable, packet.comparable])).toThrow(/same run/);
  });

  it('describes each run with its effective recovery setting', () => {
    expect(c.runs.map((r) => [r.id, r.label, r.recovery])).toEqual([
      ['r1', 'packet-based', 'packet-based'],
      ['r2', 'inactivity-based, 1 s', 'inactivity-based, 1 s'],
      ['r3', 'inactivity-based, 5 s', 'inactivity-based, 5 s'],
    ]);
    expect(c.runs[0]!.fingerprint).toBe(packet.result.summary.fingerprint);
  });

  it('lists the setting differences: mode and timeout', () => {
    expect(c.settings).toEqual([
      { path: 'authority.sessionRecoveryDetection.mode', values: ['packet-based', 'inactivity-based', 'inactivity-based'] },
      { path: 'authority.sessionRecoveryDetection.inactivityTimeoutSec', values: [5, 1, 5] },
    ]);
  });

  it('has a cell per run in every KPI row', () => {
    for (const row of c.kpis) expect(row.cells).toHaveLength(3);
  });

  it('shows the longer timeout gives longer outages', () => {
    const max = c.kpis.find((r) => r.key === 'outageMs.max')!;
    expect(max.cells[2]!.value!).toBeGreaterThan(max.cells[1]!.value!);
  });

  it('leaves divergence to the caller, who can attach firstDivergence per run', () => {
    expect(c.divergence).toBeUndefined();
    const d = firstDivergence(
      { scenario: one.scenario, options: {}, checkpoints: one.result.checkpoints, fingerprint: one.result.summary.fingerprint },
      { scenario: five.scenario, options: {}, checkpoints: five.result.checkpoints, fingerprint: five.result.summary.fingerprint },
    );
    const withD = { ...c, divergence: { r3: d } };
    expect(withD.divergence.r3.kind).toBe('diverged');
  });
});
