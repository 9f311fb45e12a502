/**
 * A sweep's plan (pure): the cross product of every `--vary` list and `--seeds` seeds, or, for
 * `--fail-each`, one run per element failing plus a baseline. Every combination is validated
 * before anything runs, so a bad value is reported up front, not halfway through.
 */
import { applySet, applyVaryValues, parseScenario, type Fault, type Scenario } from '../../../engine/index.ts';

/** What to fail in a `--fail-each` sweep. */
export type FailEach = 'router' | 'hub' | 'link';

/** Options of a sweep. */
export interface SweepSpec {
  vary: string[];
  seeds: number;
  /** First seed (default: the scenario's). */
  seed?: number;
  failEach?: FailEach;
  /** When the element fails (ms; default a third of the run). */
  failAtMs?: number;
  /** How long it stays failed (ms; default 10 s). */
  failForMs?: number;
}

/** One run of the sweep. */
export interface SweepJob {
  index: number;
  /** What distinguishes it, e.g. `mode=inactivity-based, inactivityTimeoutSec=1`. */
  label: string;
  assignments: string[];
  seed: number;
  scenario: Scenario;
  /** For --fail-each: the element that fails (null for the baseline). */
  failed?: { kind: FailEach; id: string } | null;
}

/** The plan, or the problems that stop it. */
export type SweepPlan = { ok: true; jobs: SweepJob[] } | { ok: false; problems: string[] };

function short(assignment: string): string {
  const [path = '', value = ''] = assignment.split(/=(.*)/s);
  const last = path.split('.').pop() ?? path;
  return `${last}=${value}`;
}

/** Plans the sweep of `raw` (the scenario file's JSON). */
export function planSweep(raw: unknown, spec: SweepSpec): SweepPlan {
  const problems: string[] = [];
  const lists: string[][] = [];
  for (const v of spec.vary) {
    const r = applyVaryValues(v);
    if (!r.ok) problems.push(`--vary ${v}: ${r.problem.message}`);
    else lists.push(r.assignments);
  }
  if (problems.length > 0) return { ok: false, problems };
  let combos: string[][] = [[]];
  for (const list of lists) combos = combos.flatMap((c) => list.map((a) => [...c, a]));
  const jobs: SweepJob[] = [];
  for (const combo of combos) {
    let value: unknown = raw;
    for (const a of combo) {
      const r = applySet(value, a);
      if (!r.ok) {
        problems.push(`--vary ${a}: ${r.problem.path}: ${r.problem.message}`);
        value = null;
        break;
      }
      value = r.value;
    }
    if (value === null) continue;
    const parsed = parseScenario(value);
    if (!parsed.ok) {
      for (const p of parsed.problems) problems.push(`${combo.join(', ') || 'the scenario'}: ${p.path}: ${p.message}`);
      continue;
    }
    const label = combo.map(short).join(', ') || 'as is';
    const variants = spec.failEach ? failVariants(parsed.scenario, spec) : [{ scenario: parsed.scenario, failed: undefined }];
    for (const variant of variants) {
      for (let k = 0; k < spec.seeds; k++) {
        const seed = ((spec.seed ?? parsed.scenario.seed) + k) >>> 0;
        const failLabel = variant.failed === undefined ? '' : variant.failed === null ? 'baseline' : `${variant.failed.kind} ${variant.failed.id} fails`;
        jobs.push({
          index: jobs.length,
          label: [label === 'as is' && failLabel ? '' : label, failLabel].filter(Boolean).join(', '),
          assignments: combo,
          seed,
          scenario: { ...variant.scenario, seed },
          ...(variant.failed !== undefined ? { failed: variant.failed } : {}),
        });
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  if (jobs.length === 0) return { ok: false, problems: ['the sweep has no runs (nothing to fail?)'] };
  return { ok: true, jobs };
}

/** The baseline plus one variant per element failing. */
function failVariants(s: Scenario, spec: SweepSpec): { scenario: Scenario; failed: { kind: FailEach; id: string } | null }[] {
  const atMs = spec.failAtMs ?? Math.round(s.durationMs / 3);
  const forMs = spec.failForMs ?? 10_000;
  const out: { scenario: Scenario; failed: { kind: FailEach; id: string } | null }[] = [{ scenario: s, failed: null }];
  const add = (kind: FailEach, id: string, fault: Fault) => out.push({ scenario: { ...s, faults: [...s.faults, fault] }, failed: { kind, id } });
  if (spec.failEach === 'link') {
    for (const l of s.links) add('link', l.id, { atMs, type: 'link-down', link: l.id, durationMs: forMs });
  } else {
    for (const n of s.nodes) {
      if (n.kind === 'hub' || (spec.failEach === 'router' && n.kind === 'spoke')) add(spec.failEach!, n.id, { atMs, type: 'node-restart', node: n.id, downtimeMs: forMs });
    }
  }
  return out;
}
