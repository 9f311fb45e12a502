import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../../renderer/src/store/index.ts';
import { LOG_CAP } from '../../../renderer/src/store/sim-slice.ts';
import { appendSeries, emptySeries, SERIES_CAP } from '../../../renderer/src/live/series-buffer.ts';
import { bareSnapshot, engineSnapshots } from './helpers.tsx';

function points(from: number, n: number) {
  const tMs = Array.from({ length: n }, (_, i) => (from + i) * 100);
  return { tMs, sessionsInOutage: tMs.map(() => 1), activeSessions: tMs.map(() => 2), deliveredPps: tMs.map(() => 3), lostPps: tMs.map(() => 0), controlPps: { bfd: tMs.map(() => 4) } };
}

describe('sim slice', () => {
  it('merges the changed counters of each snapshot into every router’s counters', () => {
    const store = createLabStore();
    const snaps = engineSnapshots('02', 25_000);
    store.getState().applySnapshots(snaps.slice(0, 10));
    store.getState().applySnapshots(snaps.slice(10));
    const spoke = store.getState().liveCounters.spoke1!;
    // The same run seen in one snapshot at 25 s: the merged deltas must add up to its counters.
    const whole = engineSnapshots('02', 25_000, 25_000)[0]!.counters['spoke1'];
    expect(spoke['packet-processing/action/success/metadata/added-session-health-check']).toBeGreaterThan(0);
    expect(spoke).toEqual(whole);
  });

  it('marks a counter as changed only when a later snapshot changes it', () => {
    const store = createLabStore();
    const a = bareSnapshot('running', 100);
    store.getState().applySnapshots([{ ...a, counters: { hub1: { 'emulator/exposure': 0, 'emulator/failover': 0 } } }], 1000);
    expect(store.getState().counterChangedAt.hub1).toEqual({});
    store.getState().applySnapshots([{ ...bareSnapshot('running', 200), counters: { hub1: { 'emulator/exposure': 3 } } }], 2000);
    expect(store.getState().counterChangedAt.hub1).toEqual({ 'emulator/exposure': 2000 });
  });

  it('keeps the newest log entries up to the cap and counts the rest as dropped', () => {
    const store = createLabStore();
    const entry = (i: number) => ({ tUs: i, node: 'hub1', kind: 'k', session: -1, detail: {} });
    const batch = Array.from({ length: 3 }, (_, b) => ({ ...bareSnapshot('running', b + 1), log: Array.from({ length: 2000 }, (_, i) => entry(b * 2000 + i)) }));
    store.getState().applySnapshots(batch);
    const log = store.getState().liveLog;
    expect(log).toHaveLength(LOG_CAP);
    expect(log.at(-1)!.tUs).toBe(5999);
    expect(store.getState().logDropped).toBe(6000 - LOG_CAP);
  });

  it('ignores a repeated snapshot (a step answer that is also pushed)', () => {
    const store = createLabStore();
    const s = { ...bareSnapshot('paused', 100), log: [{ tUs: 1, node: 'a', kind: 'k', session: -1, detail: {} }] };
    store.getState().applySnapshots([s, structuredClone(s)]);
    expect(store.getState().liveLog).toHaveLength(1);
  });

  it('starts afresh when snapshots of another run arrive', () => {
    const store = createLabStore();
    store.getState().applySnapshots([{ ...bareSnapshot('running', 100), log: [{ tUs: 1, node: 'a', kind: 'k', session: -1, detail: {} }] }]);
    store.getState().applySnapshots([{ ...bareSnapshot('running', 50), runId: 'run-2' }]);
    expect(store.getState().liveLog).toHaveLength(0);
    expect(store.getState().live!.runId).toBe('run-2');
  });
});

describe('series buffer', () => {
  it('skips points it already has (full snapshots repeat the whole series)', () => {
    let b = appendSeries(emptySeries(), points(0, 10));
    b = appendSeries(b, points(0, 15));
    expect(b.tMs).toEqual(points(0, 15).tMs);
  });

  it('thins itself by two when full, keeping the whole run in view', () => {
    let b = emptySeries();
    for (let i = 0; i < 3 * SERIES_CAP; i += 100) b = appendSeries(b, points(i, 100));
    expect(b.tMs.length).toBeLessThanOrEqual(SERIES_CAP);
    expect(b.tMs[0]).toBe(0);
    expect(b.tMs.at(-1)!).toBeGreaterThan((3 * SERIES_CAP - 200) * 100);
    expect(b.controlPps.bfd).toHaveLength(b.tMs.length);
    const steps = new Set(b.tMs.slice(1).map((t, i) => t - b.tMs[i]!));
    expect(steps).toEqual(new Set([400]));
  });

  it('keeps each fault injected live once, though a full snapshot repeats those already seen, and forgets them with the run', () => {
    const store = createLabStore();
    const fault = (index: number, atMs: number) => ({ index, atMs, fault: { atMs, type: 'node-restart' as const, node: 'hub1', downtimeMs: 1000 } });
    store.getState().applySnapshots([{ ...bareSnapshot('running', 2000), injected: [fault(1, 2000)] }]);
    // A full picture (another window joined, or a pause answered) carries every fault so far.
    store.getState().applySnapshots([{ ...bareSnapshot('paused', 3000), injected: [fault(1, 2000), fault(2, 3000)] }]);
    store.getState().applySnapshots([{ ...bareSnapshot('running', 3100), injected: [fault(2, 3000)] }]);
    expect(store.getState().liveInjected.map((f) => [f.index, f.atMs])).toEqual([
      [1, 2000],
      [2, 3000],
    ]);
    store.getState().applySnapshots([{ ...bareSnapshot('running', 100), runId: 'run-2' }]);
    expect(store.getState().liveInjected).toEqual([]);
  });
});
