/**
 * What each router of a scenario actually does about session recovery (ssr-model.md §4.4): the
 * authority's setting unless the router overrides it, and `packet-based` whatever the setting
 * on a router older than 6.1.0. Reports, the comparison's run list and the UI show this.
 */
import type { RecoveryMode, Scenario } from '../scenario/schema.ts';
import { isAtLeast610 } from '../model/version.ts';

/** One router's effective session-recovery-detection settings. */
export interface EffectiveRecovery {
  id: string;
  label: string;
  kind: 'spoke' | 'hub';
  softwareVersion: string;
  /** Whether the version has the feature (6.1.0 or later). */
  hasFeature: boolean;
  /** The mode the router behaves by. */
  mode: RecoveryMode;
  /** The mode its configuration asks for (differs from `mode` only before 6.1.0). */
  configuredMode: RecoveryMode;
  inactivityTimeoutSec: number;
  /** Whether the router overrides the authority's mode or timeout. */
  isOverridden: boolean;
}

/** Effective settings of every router, in scenario order. */
export function effectiveRecovery(scenario: Scenario): EffectiveRecovery[] {
  const auth = scenario.authority.sessionRecoveryDetection;
  const out: EffectiveRecovery[] = [];
  for (const n of scenario.nodes) {
    if (n.kind !== 'spoke' && n.kind !== 'hub') continue;
    const o = n.sessionRecoveryDetection ?? {};
    const configuredMode = o.mode ?? auth.mode;
    const hasFeature = isAtLeast610(n.softwareVersion);
    out.push({
      id: n.id,
      label: n.label,
      kind: n.kind,
      softwareVersion: n.softwareVersion,
      hasFeature,
      mode: hasFeature ? configuredMode : 'packet-based',
      configuredMode,
      inactivityTimeoutSec: o.inactivityTimeoutSec ?? auth.inactivityTimeoutSec,
      isOverridden: o.mode !== undefined || o.inactivityTimeoutSec !== undefined,
    });
  }
  return out;
}

/** A mode in short words: `inactivity-based, 2 s` (the timeout only when the mode uses it) or `packet-based`. */
export function describeMode(mode: RecoveryMode, inactivityTimeoutSec: number): string {
  return mode === 'inactivity-based' ? `inactivity-based, ${inactivityTimeoutSec} s` : 'packet-based';
}

/** Short words for a router's effective mode, e.g. `inactivity-based, 2 s` or `packet-based (pre-6.1)`. */
export function describeRecovery(r: EffectiveRecovery): string {
  return r.hasFeature ? describeMode(r.mode, r.inactivityTimeoutSec) : 'packet-based (pre-6.1)';
}

/**
 * The scenario's recovery setting in a few words: the authority's mode (and timeout when it is
 * used), with `+ N overridden` when some routers differ, e.g. `inactivity-based, 5 s`.
 */
export function describeScenarioRecovery(scenario: Scenario): string {
  const routers = effectiveRecovery(scenario);
  const kinds = new Set(routers.map(describeRecovery));
  if (kinds.size === 1) return [...kinds][0]!;
  const auth = scenario.authority.sessionRecoveryDetection;
  const base = describeMode(auth.mode, auth.inactivityTimeoutSec);
  const differ = routers.filter((r) => describeRecovery(r) !== base).length;
  return `${base}, ${differ} of ${routers.length} routers differ`;
}
