/**
 * The one plain-English sentence at the top of a run report, e.g. "14 of 14 sessions were
 * interrupted by the faults; all recovered, the worst after 1.02 s, by enable-metadata answering
 * their next packet (packet-based detection)."
 */
import { RECOVERY_KINDS, type RecoveryKind, type RunSummary } from '../../../engine/index.ts';
import { dur, int } from './format.ts';

/** How each recovery mechanism reads in a sentence ("…recovered, by …"). */
export const RECOVERY_PHRASES: Record<RecoveryKind, string> = {
  'packet-based': 'enable-metadata answering their next packet (packet-based detection)',
  'health-check': 'enable-metadata answering a session health check (inactivity-based detection)',
  bfd: 'BFD noticing the peer restart and re-opening the session',
  failover: 'failing over to another path',
  metadata: 'session metadata the sending side was still adding',
  'new-session': 'the application giving up and reconnecting',
  none: 'no recovery mechanism (the path itself came back)',
};

function sessions(n: number): string {
  return `${int(n)} session${n === 1 ? '' : 's'}`;
}

/** The recovered sessions' mechanisms, biggest first: "by X" or "by X (9) and Y (5)". */
function mechanisms(s: RunSummary): string {
  const kinds = RECOVERY_KINDS.filter((k) => k !== 'new-session' && s.sessions.recoveredBy[k] > 0).sort((a, b) => s.sessions.recoveredBy[b] - s.sessions.recoveredBy[a]);
  if (kinds.length === 0) return '';
  if (kinds.length === 1) return `, by ${RECOVERY_PHRASES[kinds[0]!]}`;
  return `, by ${kinds.map((k) => `${RECOVERY_PHRASES[k]} (${int(s.sessions.recoveredBy[k])})`).join(' and ')}`;
}

/** The sentence for a run (ends with a full stop; a second short one when there was exposure). */
export function runNarrative(s: RunSummary, faultCount: number): string {
  const { total, affected, recovered, failed } = s.sessions;
  const by = faultCount === 0 ? '' : faultCount === 1 ? ' by the fault' : ' by the faults';
  let text: string;
  if (total === 0) text = 'The scenario opened no sessions.';
  else if (affected === 0) text = `None of the ${sessions(total)} was interrupted${faultCount === 0 ? '' : ` by the ${faultCount === 1 ? 'fault' : `${faultCount} faults`}`}.`;
  else {
    const head = `${int(affected)} of ${sessions(total)} ${affected === 1 ? 'was' : 'were'} interrupted${by}`;
    const worst = dur(s.sessions.outageMs.max);
    if (failed === 0) {
      const all = affected === 1 ? 'it recovered' : 'all recovered';
      text = `${head}; ${all}, the worst after ${worst}${mechanisms(s)}.`;
    } else if (recovered === 0) {
      text = `${head}; none recovered: ${affected === 1 ? 'it' : 'all'} failed (the application gave up or the run ended first), the longest outage ${worst}.`;
    } else {
      text = `${head}; ${int(recovered)} recovered${mechanisms(s)}, and ${int(failed)} failed (the application gave up or the run ended first); the longest outage lasted ${worst}.`;
    }
    const reconnected = s.sessions.recoveredBy['new-session'];
    if (reconnected > 0) text += ` ${sessions(reconnected)} reconnected as new sessions.`;
  }
  if (s.exposure.total > 0) {
    text += ` Routers answered ${int(s.exposure.total)} packets that belonged to no session with enable-metadata (exposure: what security scanners flag).`;
  }
  return text;
}
