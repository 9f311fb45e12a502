/**
 * Which stated assumptions explain a log entry. The engine names the rule that fired by model
 * section (`§4.4.5`, `§4.2 packet-based`); the assumptions are filed by section too (`§4.4`).
 * A few event kinds have one assumption that is exactly about them, listed first; then every
 * other assumption of the rule's section (or an enclosing one).
 */
import { ASSUMPTIONS, type Assumption } from '../../../engine/index.ts';

/** The assumption that is precisely about an event kind. */
const BY_KIND: Record<string, string> = {
  'health-check-added': 'probe-rides-real-packet',
  'health-check-acknowledged': 'only-ack-settles',
  'health-check-timeout': 'health-check-ack-timeout',
  'enable-metadata-sent': 'exposure',
  'no-flow-dropped-silently': 'scanner',
  'session-created-from-metadata': 'either-direction-rebuild',
  'session-replaced': 'either-direction-rebuild',
  'hop-reopened': 'handshake-by-direction',
  'hop-reattached': 're-attach',
  'hop-moved': 're-attach',
  misdirected: 'misdelivery',
  'bfd-down': 'bfd-timing',
  'bfd-up': 'bfd-timing',
  'bfd-peer-restart': 'bfd-timing',
  failover: 'no-other-path',
  'nat-rebind': 'nat-binding',
  'app-gave-up': 'tcp-model',
};

/** The section number a rule names (`§4.4.5 …` → `4.4.5`), or null. */
export function ruleSection(rule: string): string | null {
  const m = /§\s*(\d+(?:\.\d+)*)/.exec(rule);
  return m ? m[1]! : null;
}

/** Whether an assumption's section (`§4.4`) covers a rule's section (`4.4.5`). */
function covers(assumptionSection: string, section: string): boolean {
  const a = assumptionSection.replace(/^§\s*/, '');
  return section === a || section.startsWith(`${a}.`);
}

/** Assumptions behind a log entry, most specific first (at most `max`). */
export function assumptionsFor(kind: string, rule: string | undefined, all: readonly Assumption[] = ASSUMPTIONS, max = 3): Assumption[] {
  const out: Assumption[] = [];
  const exact = all.find((a) => a.id === BY_KIND[kind]);
  if (exact) out.push(exact);
  const section = rule ? ruleSection(rule) : null;
  if (section) for (const a of all) if (covers(a.section, section) && !out.includes(a)) out.push(a);
  return out.slice(0, max);
}

/** Headings of the model's sections (ssr-model.md), for grouping assumptions. */
export const SECTION_TITLES: Record<string, string> = {
  '§1': 'Time, order, randomness',
  '§2': 'Topology',
  '§3': 'Sessions, flows and metadata',
  '§4.1': 'Faults that lose state',
  '§4.2': 'A packet for a flow that does not exist',
  '§4.3': 'Receiving enable-metadata',
  '§4.4': 'Inactivity-based detection',
  '§4.5': 'Peer liveness (BFD)',
  '§4.6': 'Stuck pinhole sessions',
  '§5': 'Hosts and applications',
  '§6': 'Resources',
  '§7': 'What is measured',
  '§8': 'Counters',
};

/** Sorts sections in model order (`§2` < `§3` < `§4.2` < `§4.10`). */
export function compareSections(a: string, b: string): number {
  const pa = a.replace(/^§/, '').split('.').map(Number);
  const pb = b.replace(/^§/, '').split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
