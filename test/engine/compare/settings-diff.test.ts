import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../engine/index.ts';
import { settingsDiff } from '../../../engine/compare/settings-diff.ts';
import { scenarioFrom, templateJson } from './template-runs.ts';

const base = templateJson('02');
const input = (scenario: Scenario, seed = 1, durationMs = 60_000) => ({ scenario, seed, durationMs });
const diff = (...sets: string[][]) => settingsDiff(sets.map((s) => input(scenarioFrom(base, s))));

describe('settingsDiff', () => {
  it('finds nothing between identical scenarios', () => {
    expect(diff([], [])).toEqual([]);
  });

  it('names the authority mode and timeout with --set paths', () => {
    const d = diff([], ['authority.sessionRecoveryDetection.mode=packet-based', 'authority.sessionRecoveryDetection.inactivityTimeoutSec=5']);
    expect(d).toEqual([
      { path: 'authority.sessionRecoveryDetection.mode', values: ['inactivity-based', 'packet-based'] },
      { path: 'authority.sessionRecoveryDetection.inactivityTimeoutSec', values: [2, 5] },
    ]);
  });

  it('selects nodes and links by id', () => {
    const d = diff([], ['nodes[hub1].softwareVersion=6.0.0', 'links[wan1].latencyMs=80']);
    expect(d).toEqual([
      { path: 'nodes[hub1].softwareVersion', values: ['6.1.0', '6.0.0'] },
      { path: 'links[wan1].latencyMs', values: [20, 80] },
    ]);
  });

  it('reports a per-router override field by field, absent where not set', () => {
    const d = diff([], ['nodes[spoke1].sessionRecoveryDetection={"mode":"packet-based"}']);
    expect(d).toEqual([{ path: 'nodes[spoke1].sessionRecoveryDetection.mode', values: [undefined, 'packet-based'] }]);
  });

  it('reports an added fault as one whole element, faults indexed by position', () => {
    const added = { atMs: 40_000, type: 'session-loss', node: 'hub1', fraction: 1 };
    const faults = [...scenarioFrom(base).faults, added];
    const d = diff([], [`faults=${JSON.stringify(faults)}`]);
    expect(d).toEqual([{ path: 'faults[1]', values: [undefined, added] }]);
  });

  it('reports a moved fault by its index and field', () => {
    expect(diff([], ['faults[0].atMs=25000'])).toEqual([{ path: 'faults[0].atMs', values: [20_000, 25_000] }]);
  });

  it('puts seed and duration first, taken from what the runs ran with', () => {
    const s = scenarioFrom(base);
    const d = settingsDiff([input(s, 1, 60_000), input(s, 7, 30_000), input(s, 1, 60_000)]);
    expect(d).toEqual([
      { path: 'seed', values: [1, 7, 1] },
      { path: 'durationMs', values: [60_000, 30_000, 60_000] },
    ]);
  });

  it('ignores names, descriptions, labels and canvas positions', () => {
    expect(diff([], ['name=other', 'description=x', 'nodes[hub1].label=DC', 'nodes[hub1].position={"x":1,"y":2}'])).toEqual([]);
  });

  it("keeps a fault's own durationMs (only the top-level one comes from the run)", () => {
    const d = diff(['faults[0]={"atMs":1000,"type":"link-down","link":"wan1","durationMs":500}'], ['faults[0]={"atMs":1000,"type":"link-down","link":"wan1","durationMs":900}']);
    expect(d).toEqual([{ path: 'faults[0].durationMs', values: [500, 900] }]);
  });

  it("compares three runs at once, listing a path once with every run's value", () => {
    const d = diff([], ['authority.sessionRecoveryDetection.inactivityTimeoutSec=1'], ['authority.sessionRecoveryDetection.inactivityTimeoutSec=5']);
    expect(d).toEqual([{ path: 'authority.sessionRecoveryDetection.inactivityTimeoutSec', values: [2, 1, 5] }]);
  });
});
