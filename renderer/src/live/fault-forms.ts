/**
 * The faults a live run can take, per kind of target (ssr-model.md §4.1, scenario `faults`):
 * which fit a router and which a link, their fields with sensible defaults, and the fault object
 * a filled form becomes. The host validates it again and applies it "now".
 */
import type { ScenarioInput } from '../../../engine/index.ts';

/** A numeric field of a fault form. */
export interface FaultField {
  name: string;
  label: string;
  value: string;
  /** Empty is allowed (and means what `emptyMeans` says). */
  emptyMeans?: string;
  min?: number;
  max?: number;
  step?: number;
}

/** A fault type a target can take. */
export interface FaultForm {
  type: string;
  /** What it does, in a few words. */
  hint: string;
  fields: FaultField[];
}

const ROUTER_FAULTS: FaultForm[] = [
  { type: 'session-loss', hint: 'the router forgets sessions', fields: [{ name: 'fraction', label: 'Fraction lost (0–1)', value: '1', min: 0, max: 1, step: 0.05 }] },
  { type: 'node-restart', hint: 'down, then back with no state', fields: [{ name: 'downtimeMs', label: 'Downtime (ms)', value: '5000', min: 0, step: 100 }] },
  {
    type: 'scan',
    hint: 'probes from outside to random wayports',
    fields: [
      { name: 'ratePps', label: 'Rate (packets/s)', value: '100', min: 1, step: 10 },
      { name: 'durationMs', label: 'Duration (ms)', value: '10000', min: 1, step: 1000 },
    ],
  },
];

const LINK_FAULTS: FaultForm[] = [
  { type: 'link-down', hint: 'no packet crosses; in flight ones are lost', fields: [{ name: 'durationMs', label: 'Down for (ms)', value: '5000', min: 1, step: 1000, emptyMeans: 'until link-up' }] },
  { type: 'link-up', hint: 'brings a downed link back now', fields: [] },
  {
    type: 'link-impair',
    hint: 'loss, latency, jitter',
    fields: [
      { name: 'lossPct', label: 'Loss (%)', value: '10', min: 0, max: 100, step: 1, emptyMeans: 'unchanged' },
      { name: 'latencyMs', label: 'Latency (ms)', value: '', min: 0, step: 1, emptyMeans: 'unchanged' },
      { name: 'jitterMs', label: 'Jitter (ms)', value: '', min: 0, step: 1, emptyMeans: 'unchanged' },
      { name: 'durationMs', label: 'For (ms)', value: '10000', min: 1, step: 1000, emptyMeans: 'until the run ends' },
    ],
  },
  {
    type: 'link-flap',
    hint: 'down/up cycles',
    fields: [
      { name: 'downMs', label: 'Down (ms)', value: '1000', min: 1, step: 100 },
      { name: 'upMs', label: 'Up (ms)', value: '2000', min: 1, step: 100 },
      { name: 'count', label: 'Cycles', value: '3', min: 1, step: 1 },
    ],
  },
];

const NAT_REBIND: FaultForm = { type: 'nat-rebind', hint: 'the NAT forgets its bindings', fields: [] };

/** The fault target the selection names: the first selected link, else the first selected router. */
export type FaultTarget = { kind: 'router'; id: string } | { kind: 'link'; id: string; hasNat: boolean } | null;

/** Finds the target in the document for the current selection. */
export function faultTarget(doc: ScenarioInput, nodes: readonly string[], links: readonly string[]): FaultTarget {
  for (const id of links) {
    const l = (doc.links ?? []).find((x) => x.id === id);
    if (l) return { kind: 'link', id, hasNat: l.nat !== undefined && l.nat !== null };
  }
  for (const id of nodes) {
    const n = doc.nodes.find((x) => x.id === id);
    if (n && (n.kind === 'spoke' || n.kind === 'hub')) return { kind: 'router', id };
  }
  return null;
}

/** The forms that fit a target. */
export function formsFor(t: FaultTarget): FaultForm[] {
  if (!t) return [];
  if (t.kind === 'router') return ROUTER_FAULTS;
  return t.hasNat ? [...LINK_FAULTS, NAT_REBIND] : LINK_FAULTS;
}

/** The fault a filled form describes (`atMs` is replaced by the host with the current time). */
export function buildFault(t: NonNullable<FaultTarget>, form: FaultForm, values: Record<string, string>, atMs: number): Record<string, unknown> {
  const fault: Record<string, unknown> = { type: form.type, atMs };
  if (t.kind === 'router') fault[form.type === 'scan' ? 'target' : 'node'] = t.id;
  else fault.link = t.id;
  for (const f of form.fields) {
    const raw = (values[f.name] ?? f.value).trim();
    if (raw === '') {
      if (f.name === 'durationMs' && f.emptyMeans) fault[f.name] = null;
      continue;
    }
    fault[f.name] = Number(raw);
  }
  return fault;
}
