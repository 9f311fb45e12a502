import { describe, expect, it } from 'vitest';
import { liveChartMarks } from '../../../renderer/src/live/LiveCharts.tsx';
import { createLabStore } from '../../../renderer/src/store/index.ts';
import { bareSnapshot, templateScenario } from './helpers.tsx';

describe('live charts’ fault marks', () => {
  it('mark the faults the lab schedules and, as they arrive, those injected live', () => {
    const store = createLabStore();
    const doc = { ...templateScenario('01'), faults: [{ atMs: 20_000, type: 'session-loss' as const, node: 'hub1', fraction: 1 }] };
    expect(liveChartMarks(doc, store.getState().liveInjected)).toEqual([{ tMs: 20_000, label: 'session-loss' }]);
    const injected = { index: 1, atMs: 31_250, fault: { atMs: 31_250, type: 'link-down' as const, link: 'wan1', durationMs: 5000 } };
    store.getState().applySnapshots([{ ...bareSnapshot('running', 31_300), injected: [injected] }]);
    expect(liveChartMarks(doc, store.getState().liveInjected)).toEqual([
      { tMs: 20_000, label: 'session-loss' },
      { tMs: 31_250, label: 'link-down' },
    ]);
  });
});
