import { describe, expect, it } from 'vitest';
import { counterBetter, kpiCells, kpiTable } from '../../../engine/compare/kpi.ts';
import { templateRun } from './template-runs.ts';

describe('kpiCells', () => {
  it('gives the baseline no delta and every other run its delta and relative delta', () => {
    const cells = kpiCells([200, 250, 150], 'lower');
    expect(cells[0]).toEqual({ value: 200, delta: null, relDelta: null, verdict: null });
    expect(cells[1]).toEqual({ value: 250, delta: 50, relDelta: 0.25, verdict: 'worse' });
    expect(cells[2]).toEqual({ value: 150, delta: -50, relDelta: -0.25, verdict: 'better' });
  });

  it('leaves the relative delta null when the baseline is 0', () => {
    const cells = kpiCells([0, 7], 'higher');
    expect(cells[1]).toEqual({ value: 7, delta: 7, relDelta: null, verdict: 'better' });
  });

  it('rounds away floating-point noise in deltas', () => {
    expect(kpiCells([1000, 1020.1], 'lower')[1]!.delta).toBe(20.1);
  });

  it('says "changed" rather than better or worse on a neutral row', () => {
    expect(kpiCells([10, 12], 'neutral')[1]!.verdict).toBe('changed');
    expect(kpiCells([10, 10], 'neutral')[1]!.verdict).toBe('same');
  });

  it('leaves delta and verdict null when a run lacks the value', () => {
    expect(kpiCells([null, 3], 'lower')[1]).toEqual({ value: 3, delta: null, relDelta: null, verdict: null });
  });
});

describe('counterBetter', () => {
  it('marks failure counters and drops lower-is-better, others neutral', () => {
    expect(counterBetter('packet-processing/action/failure/metadata/session-health-check-timeout')).toBe('lower');
    expect(counterBetter('emulator/no-flow-dropped-silently')).toBe('lower');
    expect(counterBetter('emulator/exposure')).toBe('lower');
    expect(counterBetter('packet-processing/action/success/metadata/added-session-health-check')).toBe('neutral');
  });
});

describe('kpiTable', () => {
  const a = templateRun('01', 'A', 'packet-based').result.summary;
  const b = templateRun('02', 'B', 'inactivity-based, 2 s').result.summary;
  const rows = kpiTable([a, b]);
  const row = (key: string) => {
    const r = rows.find((x) => x.key === key);
    if (!r) throw new Error(`no row ${key}`);
    return r;
  };

  it('has the fixed rows of every KPI family', () => {
    const keys = rows.map((r) => r.key);
    for (const k of [
      'sessions.total',
      'sessions.affected',
      'sessions.recovered',
      'sessions.failed',
      'outageMs.p50',
      'outageMs.p95',
      'outageMs.p99',
      'outageMs.max',
      'recoveredBy.health-check',
      'packets.sent',
      'packets.delivered',
      'packets.lost',
      'packets.lostBy.no-flow',
      'control.healthCheck.count',
      'control.healthCheck.bytes',
      'control.total.bytes',
      'exposure.total',
    ]) {
      expect(keys).toContain(k);
    }
  });

  it('gives the hints the brief asks for', () => {
    expect(row('outageMs.max').better).toBe('lower');
    expect(row('packets.lost').better).toBe('lower');
    expect(row('sessions.failed').better).toBe('lower');
    expect(row('control.bfd.bytes').better).toBe('lower');
    expect(row('exposure.total').better).toBe('lower');
    expect(row('sessions.recovered').better).toBe('higher');
    expect(row('packets.delivered').better).toBe('higher');
    expect(row('sessions.total').better).toBe('neutral');
    expect(row('recoveredBy.packet-based').better).toBe('neutral');
  });

  it('computes deltas from the real runs: longer outages inactivity-based, health-check instead of packet-based', () => {
    const p50 = row('outageMs.p50').cells[1]!;
    expect(p50.delta).toBeCloseTo(b.sessions.outageMs.p50 - a.sessions.outageMs.p50, 6);
    expect(p50.verdict).toBe('worse');
    expect(row('recoveredBy.packet-based').cells[1]).toMatchObject({ value: 0, delta: -a.sessions.total, relDelta: -1, verdict: 'changed' });
    expect(row('recoveredBy.health-check').cells[1]).toMatchObject({ value: b.sessions.total, relDelta: null });
  });

  it("lists a router counter that is non-zero in any run, with the other runs' zero", () => {
    const hc = row('counters.spoke1.packet-processing/action/success/metadata/added-session-health-check');
    expect(hc.group).toBe('Counters: spoke1');
    expect(hc.cells[0]!.value).toBe(0);
    expect(hc.cells[1]!.value).toBeGreaterThan(0);
  });

  it('leaves out counters that are zero in every run', () => {
    expect(rows.some((r) => r.key.endsWith('session-health-check-buffer-allocation'))).toBe(false);
  });
});
