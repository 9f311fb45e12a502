import { describe, expect, it } from 'vitest';
import type { TimeSeries } from '../../../engine/index.ts';
import { overlaySeries } from '../../../engine/compare/series-overlay.ts';
import { templateRun } from './template-runs.ts';

function series(tMs: number[], inOutage: number[]): TimeSeries {
  const zero = tMs.map(() => 0);
  return { tMs, activeSessions: zero, sessionsInOutage: inOutage, deliveredPps: zero, lostPps: zero, controlPps: { bfd: zero }, linkMbps: {}, linkUtilPct: {} };
}

describe('overlaySeries', () => {
  it('puts runs of different durations on the union of their sample times, padding with null', () => {
    const o = overlaySeries([series([100, 200, 300], [1, 2, 3]), series([100, 200], [5, 6])]);
    expect(o.tMs).toEqual([100, 200, 300]);
    const m = o.metrics.find((x) => x.key === 'sessionsInOutage')!;
    expect(m.values).toEqual([
      [1, 2, 3],
      [5, 6, null],
    ]);
  });

  it('gives every control kind a metric, all null for a run that lacks it', () => {
    const o = overlaySeries([series([100], [0])]);
    const keys = o.metrics.map((m) => m.key);
    expect(keys).toEqual([
      'sessionsInOutage',
      'activeSessions',
      'deliveredPps',
      'lostPps',
      'controlPps.sessionMetadata',
      'controlPps.healthCheck',
      'controlPps.ack',
      'controlPps.enableMetadata',
      'controlPps.disableForwardMetadata',
      'controlPps.bfd',
    ]);
    expect(o.metrics.find((m) => m.key === 'controlPps.ack')!.values).toEqual([[null]]);
  });

  it('aligns real runs of 60 s and 30 s', () => {
    const long = templateRun('02', 'A', 'long').result.series;
    const short = templateRun('02', 'B', 'short', [], { durationMs: 30_000 }).result.series;
    const o = overlaySeries([long, short]);
    expect(o.tMs).toEqual(long.tMs);
    const active = o.metrics.find((m) => m.key === 'activeSessions')!.values;
    expect(active[1]!.slice(0, short.tMs.length)).toEqual(short.activeSessions);
    expect(active[1]!.slice(short.tMs.length).every((v) => v === null)).toBe(true);
    expect(active[1]!.length).toBe(long.tMs.length);
  });
});
