/**
 * A sweep's plan (pure): the cross product of every `--vary` list and `--seeds` seeds, or, for
 * `--fail-each`, one run per element failing plus a baseline. Every combination is validated
 * before anything runs, so a bad value is reported up front, not halfway through.
 *
 * N-1 analysis (`--fail-each`) starts from a fault-free baseline: the lab's own faults are
 * removed (unless `keepFaults`), otherwise an element would look harmless only because the
 * lab already breaks something else.
 */
import { applySet, applyVaryValues, parseScenario, type Fault, type Scenario } from '../../../engine/index.ts';

/** What to fail in a `--fail-each` sweep (`router`: every spoke and hub). */
export type FailEach = 'router' | 'spoke' | 'hub' | 'link';
/** Every value `--fail-each` takes. */
export const FAIL_EACH: readonly FailEach[] = ['router', 'spoke', 'hub', 'link'];
/** The kind of element a fail-each run fails. */
export type FailedKind = 'spoke' | 'hub' | 'link';

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
  /** --fail-each: keep the lab's own faults in every run (default: removed, a fault-free baseline). */
  keepFaults?: boolean;
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
  failed?: { kind: FailedKind; id: string } | null;
  /**
   * Jobs with the same `fork.key` are the same run up to `fork.atMs` (virtual ms): same scenario
   * apart from faults at or after that time, same seed. A runner may run that prefix once and
   * fork from a snapshot of the world; fingerprints must not change when it does.
   */
  fork?: { key: string; atMs: number };
}

/** The plan, or the problems that stop it. */
export type SweepPlan = { ok: true; jobs: SweepJob[]; baseline?: BaselineNote } | { ok: false; problems: string[] };

/** What a --fail-each baseline is made of. */
export interface BaselineNote {
  /** True: the lab's own faults stay in every run (--keep-faults). */
  keptFaults: boolean;
  /** The lab's own faults (removed from every run unless kept). */
  labFaults: Fault[];
  atMs: number;
  forMs: number;
}

function short(assignment: string): string {
  const [path = '', value = ''] = assignment.split(/=(.*)/s);
  const last = path.split('.').pop() ?? path;
  return `${last}=${value}`;
}

/** Most runs one sweep may plan (each one is stored: a bigger sweep is several sweeps). */
export const MAX_SWEEP_RUNS = 10_000;

/** Elements a --fail-each sweep fails in the file as written (before any --vary). */
function failCount(raw: unknown, failEach: FailEach | undefined): number {
  if (failEach === undefined) return 0;
  const r = typeof raw === 'object' && raw !== null ? (raw as { nodes?: unknown; links?: unknown }) : {};
  if (failEach === 'link') return Array.isArray(r.links) ? r.links.length : 0;
  const nodes = Array.isArray(r.nodes) ? r.nodes : [];
  return nodes.filter((n: unknown) => {
    const kind = typeof n === 'object' && n !== null ? (n as { kind?: unknown }).kind : undefined;
    return failEach === 'router' ? kind === 'spoke' || kind === 'hub' : kind === failEach;
  }).length;
}

/**
 * How many runs the plan would have, counted before any is built: `--vary` lists multiply,
 * then seeds, then (for --fail-each) the baseline plus one run per element.
 */
export function countSweepRuns(lengths: readonly number[], spec: SweepSpec, raw: unknown): { runs: number; formula: string } {
  const parts = lengths.map(String);
  let runs = lengths.reduce((a, n) => a * n, 1) * spec.seeds;
  if (spec.seeds > 1) parts.push(`${spec.seeds} seeds`);
  if (spec.failEach) {
    const n = failCount(raw, spec.failEach) + 1;
    runs *= n;
    parts.push(`${n} fail-each runs`);
  }
  return { runs, formula: parts.join(' × ') };
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
  const count = countSweepRuns(
    lists.map((l) => l.length),
    spec,
    raw,
  );
  if (count.runs > MAX_SWEEP_RUNS) {
    return {
      ok: false,
      problems: [
        `the sweep would make ${count.runs.toLocaleString('en-US')} runs (${count.formula}); the limit is ${MAX_SWEEP_RUNS.toLocaleString('en-US')}: vary fewer values, use fewer --seeds, or split it into several sweeps`,
      ],
    };
  }
  let combos: string[][] = [[]];
  for (const list of lists) combos = combos.flatMap((c) => list.map((a) => [...c, a]));
  const jobs: SweepJob[] = [];
  let baseline: BaselineNote | undefined;
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
    const variants: Variant[] = spec.failEach ? failVariants(parsed.scenario, spec) : [{ scenario: parsed.scenario, failed: undefined }];
    if (spec.failEach && baseline === undefined) baseline = { keptFaults: spec.keepFaults === true, labFaults: parsed.scenario.faults, ...failTimes(parsed.scenario, spec) };
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
          ...(variant.forkAtMs !== undefined ? { fork: { key: `${combo.join('\u0000')}\u0001${seed}`, atMs: variant.forkAtMs } } : {}),
        });
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  if (jobs.length === 0) return { ok: false, problems: ['the sweep has no runs (nothing to fail?)'] };
  return { ok: true, jobs, ...(baseline ? { baseline } : {}) };
}

interface Variant {
  scenario: Scenario;
  failed: { kind: FailedKind; id: string } | null | undefined;
  /** Where this variant parts from the baseline (fail-each runs only). */
  forkAtMs?: number;
}

function failTimes(s: Scenario, spec: SweepSpec): { atMs: number; forMs: number } {
  return { atMs: spec.failAtMs ?? Math.round(s.durationMs / 3), forMs: spec.failForMs ?? 10_000 };
}

/** The baseline (fault-free unless keepFaults) plus one variant per element failing. */
function failVariants(lab: Scenario, spec: SweepSpec): Variant[] {
  const { atMs, forMs } = failTimes(lab, spec);
  const s: Scenario = spec.keepFaults ? lab : { ...lab, faults: [] };
  // With the lab's faults kept, a run still parts from the baseline only at the element's failure.
  const out: Variant[] = [{ scenario: s, failed: null, forkAtMs: atMs }];
  const add = (kind: FailedKind, id: string, fault: Fault) => out.push({ scenario: { ...s, faults: [...s.faults, fault] }, failed: { kind, id }, forkAtMs: atMs });
  if (spec.failEach === 'link') {
    for (const l of s.links) add('link', l.id, { atMs, type: 'link-down', link: l.id, durationMs: forMs });
  } else {
    for (const n of s.nodes) {
      if (n.kind !== 'hub' && n.kind !== 'spoke') continue;
      if (spec.failEach === 'router' || spec.failEach === n.kind) add(n.kind, n.id, { atMs, type: 'node-restart', node: n.id, downtimeMs: forMs });
    }
  }
  return out;
}
