/**
 * A run's session outcome in words a student reads right. The summary's `recoveredBy` counts
 * every affected session, failed ones included: `new-session` is a failed session whose
 * application gave up and reconnected (always failed), and `none` mixes sessions that came back
 * with no mechanism credited and failed ones that never reconnected. Printed raw next to
 * "0 recovered / 14 failed" it reads as a contradiction; split, it does not.
 */
import { RECOVERY_KINDS, type RecoveryKind, type RunSummary } from '../../../engine/index.ts';
import { count } from '../live/format.ts';

/** The affected sessions split by what became of them. */
export interface OutcomeSplit {
  recovered: number;
  /** Recovered sessions by the mechanism credited ('none': they came back on their own). */
  recoveredBy: [RecoveryKind, number][];
  failed: number;
  /** Failed sessions whose application reconnected as a new session. */
  reconnected: number;
  /** Failed sessions that never came back. */
  lost: number;
}

/** Splits the summary's counts (see the file comment for why they need splitting). */
export function outcomeSplit(s: RunSummary['sessions']): OutcomeSplit {
  const reconnected = s.recoveredBy['new-session'];
  const lost = Math.max(0, s.failed - reconnected);
  const noneRecovered = Math.max(0, s.recoveredBy.none - lost);
  const recoveredBy = RECOVERY_KINDS.filter((k) => k !== 'new-session')
    .map((k): [RecoveryKind, number] => [k, k === 'none' ? noneRecovered : s.recoveredBy[k]])
    .filter(([, n]) => n > 0);
  return { recovered: s.recovered, recoveredBy, failed: s.failed, reconnected, lost };
}

/** "14 failed; 10 of them reconnected as new sessions, 4 never came back" (or "" when none failed). */
export function failedWords(s: RunSummary['sessions']): string {
  const o = outcomeSplit(s);
  if (o.failed === 0) return '';
  const head = `${count(o.failed)} failed`;
  if (o.reconnected === 0) return `${head}; none reconnected`;
  if (o.lost === 0) return `${head}; ${o.failed === 1 ? 'it' : `all ${count(o.failed)}`} reconnected as new sessions`;
  return `${head}; ${count(o.reconnected)} of them reconnected as new sessions, ${count(o.lost)} never came back`;
}

/** The mechanism's name as the lab says it ("none" reads "on their own"). */
export function mechanismWords(k: RecoveryKind): string {
  return k === 'none' ? 'on their own' : k;
}
