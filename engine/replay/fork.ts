/**
 * Fork at the fault: runs of the same lab that differ only in their scheduled faults (every
 * N-1 run, a sweep over a fault's parameters) share everything up to the first fault in which
 * they differ (faults they all share, listed first, are part of the prefix). That
 * prefix runs once; each run continues from a copy of the world. Fingerprints equal those of
 * the runs done whole (scheduled faults run first at their time, so nothing else can tell).
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from '../metrics/summary.ts';
import { Simulation, type SimSnapshot } from '../sim.ts';

/** One run of a forked batch. */
export interface ForkRun {
  scenario: Scenario;
  seed?: number;
  durationMs?: number;
}

/** Runs that can share a prefix: the same lab, seed and duration; faults may differ. */
function prefixKey(r: ForkRun): string {
  const { faults: _faults, name: _name, description: _description, ...rest } = r.scenario;
  return JSON.stringify([rest, r.seed ?? r.scenario.seed, r.durationMs ?? r.scenario.durationMs]);
}

/** How many leading faults every list shares. */
function commonFaults(lists: readonly (readonly unknown[])[]): number {
  const first = lists[0]!;
  let k = 0;
  while (k < first.length && lists.every((l) => k < l.length && JSON.stringify(l[k]) === JSON.stringify(first[k]))) k++;
  return k;
}

/** When a run first departs from the shared faults, µs (Infinity when it never does). */
function departsUs(s: Scenario, common: number): number {
  return s.faults.slice(common).reduce((t, f) => Math.min(t, Math.round(f.atMs * 1000)), Number.POSITIVE_INFINITY);
}

/** How a batch was run: how many runs shared a prefix, and how much virtual time that saved. */
export interface ForkStats {
  groups: number;
  forked: number;
  /** Virtual time run once instead of once per forked run, summed over groups, ms. */
  sharedMs: number;
}

/**
 * Runs every run of `runs` (in order of `runs` for `onResult`), forking those that share a
 * prefix. Returns the results in the order of `runs`.
 */
export function runForked(runs: readonly ForkRun[], onResult?: (index: number, result: RunResult) => void, stats?: ForkStats): RunResult[] {
  const results = new Array<RunResult>(runs.length);
  const groups = new Map<string, number[]>();
  runs.forEach((r, i) => {
    const key = prefixKey(r);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const done = (i: number, res: RunResult) => {
    results[i] = res;
    onResult?.(i, res);
  };
  for (const members of groups.values()) {
    const first = runs[members[0]!]!;
    const common = commonFaults(members.map((i) => runs[i]!.scenario.faults));
    const forkUs = Math.min(...members.map((i) => departsUs(runs[i]!.scenario, common)));
    const opts = { seed: first.seed ?? first.scenario.seed, durationMs: first.durationMs ?? first.scenario.durationMs };
    if (members.length < 2 || !Number.isFinite(forkUs) || forkUs <= 0) {
      for (const i of members) done(i, new Simulation(runs[i]!.scenario, { seed: runs[i]!.seed, durationMs: runs[i]!.durationMs }).run());
      continue;
    }
    // Runs and their copies share one shape per class (see Simulation.forCopies).
    const base = Simulation.forCopies({ ...first.scenario, faults: first.scenario.faults.slice(0, common) }, opts);
    base.runUntil(forkUs - 1);
    const snap: SimSnapshot = base.freeze();
    if (stats) {
      stats.groups++;
      stats.forked += members.length;
      stats.sharedMs += ((members.length - 1) * (forkUs - 1)) / 1000;
    }
    for (const i of members) {
      const sim = snap.restore();
      sim.addFaults(runs[i]!.scenario);
      done(i, sim.run());
    }
  }
  return results;
}
