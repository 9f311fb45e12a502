/**
 * The faults a live run can take, per kind of target (ssr-model.md §4.1, scenario `faults`):
 * which fit a router and which a link, their fields with sensible defaults, and the fault object
 * a filled form becomes. The host validates it again and applies it "now".
 */
import { parseScenario, type ScenarioInput } from '../../../engine/index.ts';
import { parseTypedNumber } from '../design/field-check.ts';

/** A numeric field of a fault form. */
export interface FaultField {
  name: string;
  label: string;
  value: string;
  /** Empty is allowed (and means what `emptyMeans` says). */
  emptyMeans?: string;
  min?: number;
  max?: number;
  /** Whole numbers only. */
  integer?: boolean;
}

/** A fault type a target can take. */
export interface FaultForm {
  type: string;
  /** What it does, in a few words. */
  hint: string;
  fields: FaultField[];
}

const ROUTER_FAULTS: FaultForm[] = [
  { type: 'session-loss', hint: 'the router forgets sessions', fields: [{ name: 'fraction', label: 'Fraction lost (0–1)', value: '1', min: 0, max: 1 }] },
  { type: 'node-restart', hint: 'down, then back with no state', fields: [{ name: 'downtimeMs', label: 'Downtime (ms)', value: '5000', min: 0 }] },
  {
    type: 'scan',
    hint: 'probes from outside to random wayports',
    fields: [
      { name: 'ratePps', label: 'Rate (packets/s)', value: '100' },
      { name: 'durationMs', label: 'Duration (ms)', value: '10000' },
    ],
  },
];

const LINK_FAULTS: FaultForm[] = [
  { type: 'link-down', hint: 'no packet crosses; in flight ones are lost', fields: [{ name: 'durationMs', label: 'Down for (ms)', value: '5000', emptyMeans: 'until link-up' }] },
  { type: 'link-up', hint: 'brings a downed link back now', fields: [] },
  {
    type: 'link-impair',
    hint: 'loss, latency, jitter',
    fields: [
      { name: 'lossPct', label: 'Loss (%)', value: '10', min: 0, max: 100, emptyMeans: 'unchanged' },
      { name: 'latencyMs', label: 'Latency (ms)', value: '', min: 0, emptyMeans: 'unchanged' },
      { name: 'jitterMs', label: 'Jitter (ms)', value: '', min: 0, emptyMeans: 'unchanged' },
      { name: 'durationMs', label: 'For (ms)', value: '10000', emptyMeans: 'until the run ends' },
    ],
  },
  {
    type: 'link-flap',
    hint: 'down/up cycles',
    fields: [
      { name: 'downMs', label: 'Down (ms)', value: '1000' },
      { name: 'upMs', label: 'Up (ms)', value: '2000' },
      { name: 'count', label: 'Cycles', value: '3', min: 1, integer: true },
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
    const typed = parseTypedNumber(values[f.name] ?? f.value);
    if (typed === undefined) {
      if (f.name === 'durationMs' && f.emptyMeans) fault[f.name] = null;
      continue;
    }
    fault[f.name] = typed ?? Number.NaN;
  }
  return fault;
}

/** What is wrong with a filled form: per field, and about the fault as a whole. */
export interface FormProblems {
  fields: Record<string, string>;
  general: string[];
}

function fieldWords(f: FaultField, text: string): string | null {
  const typed = parseTypedNumber(text);
  if (typed === undefined) return f.emptyMeans ? null : 'is required';
  if (typed === null) return 'must be a number';
  if (f.integer && !Number.isInteger(typed)) return 'must be a whole number';
  if ((f.min !== undefined && typed < f.min) || (f.max !== undefined && typed > f.max)) {
    return `must be ${f.integer ? 'a whole number' : 'a number'} ${f.max === undefined ? `of at least ${f.min}` : `from ${f.min ?? 0} to ${f.max}`}`;
  }
  return null;
}

/**
 * Checks a filled form in words: the form's own ranges first, then the engine's rules for the
 * fault (a copy of the lab with this one fault is parsed, and what it says about `faults[0]`
 * is reported), so the form never invents a rule and never lets one through.
 */
export function checkFaultForm(doc: ScenarioInput, t: NonNullable<FaultTarget>, form: FaultForm, values: Record<string, string>): FormProblems {
  const fields: Record<string, string> = {};
  for (const f of form.fields) {
    const why = fieldWords(f, values[f.name] ?? f.value);
    if (why) fields[f.name] = why;
  }
  if (Object.keys(fields).length > 0) return { fields, general: [] };
  const fault = buildFault(t, form, values, 0);
  const r = parseScenario({ ...doc, faults: [fault] });
  const general: string[] = [];
  if (!r.ok) {
    for (const p of r.problems) {
      if (!p.path.startsWith('faults[0]')) continue;
      const name = p.path.slice('faults[0].'.length);
      if (form.fields.some((f) => f.name === name)) fields[name] ??= p.message;
      else general.push(p.message.replace(/^a link-impair fault needs at least one of .*/, 'give at least one of loss, latency or jitter'));
    }
  }
  return { fields, general };
}
