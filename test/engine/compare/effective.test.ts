import { describe, expect, it } from 'vitest';
import { describeScenarioRecovery, effectiveRecovery } from '../../../engine/compare/effective.ts';
import { scenarioFrom, templateJson } from './template-runs.ts';

describe('effectiveRecovery', () => {
  it('takes the authority setting when a router does not override it', () => {
    const s = scenarioFrom(templateJson('02'));
    expect(effectiveRecovery(s).map((r) => [r.id, r.mode, r.inactivityTimeoutSec, r.isOverridden])).toEqual([
      ['spoke1', 'inactivity-based', 2, false],
      ['hub1', 'inactivity-based', 2, false],
    ]);
    expect(describeScenarioRecovery(s)).toBe('inactivity-based, 2 s');
  });

  it('treats a router older than 6.1.0 as packet-based whatever its configuration', () => {
    const s = scenarioFrom(templateJson('02'), ['nodes[hub1].softwareVersion=6.0.5']);
    const hub = effectiveRecovery(s).find((r) => r.id === 'hub1')!;
    expect(hub).toMatchObject({ hasFeature: false, mode: 'packet-based', configuredMode: 'inactivity-based' });
    expect(describeScenarioRecovery(s)).toBe('inactivity-based, 2 s, 1 of 2 routers differ');
  });

  it('marks a per-router override', () => {
    const s = scenarioFrom(templateJson('02'), ['nodes[spoke1].sessionRecoveryDetection={"inactivityTimeoutSec":7}']);
    expect(effectiveRecovery(s)[0]).toMatchObject({ id: 'spoke1', inactivityTimeoutSec: 7, isOverridden: true });
  });
});
