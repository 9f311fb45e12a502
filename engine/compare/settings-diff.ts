/**
 * Which scenario settings differ between runs, as paths in the `--set` syntax (spec/cli.md), so
 * a difference reads as the command that would make it: `authority.sessionRecoveryDetection.mode`,
 * `nodes[hub1].softwareVersion`, `links[wan1].latencyMs`, `faults[2].atMs`, `seed`, `durationMs`.
 */
import type { Scenario } from '../scenario/schema.ts';

/** One setting that is not the same in every run. */
export interface SettingDiff {
  /** Path in `--set` syntax. */
  path: string;
  /**
   * The setting in each run, in the runs' order; `undefined` where the run does not have it (a
   * fault or node only some runs have, an override only some routers set). JSON turns it to null.
   */
  values: unknown[];
}

/** A run's scenario with the seed and duration it actually ran with (overrides applied). */
export interface DiffInput {
  scenario: Scenario;
  seed: number;
  durationMs: number;
}

/**
 * Fields left out of the diff: they name or describe a scenario, grade it (objectives), or place it on the canvas, and
 * change nothing the engine does. `seed` and `durationMs` come from the run, not the file.
 */
export const IGNORED_ROOT_KEYS: readonly string[] = ['$schema', 'format', 'formatVersion', 'name', 'description', 'seed', 'durationMs', 'objectives'];
/** Fields left out wherever they appear (node labels and canvas positions). */
export const IGNORED_KEYS: readonly string[] = ['label', 'position'];

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function ignored(path: string, key: string): boolean {
  return IGNORED_KEYS.includes(key) || (path === '' && IGNORED_ROOT_KEYS.includes(key));
}

function same(values: readonly unknown[]): boolean {
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first);
}

/** Arrays whose elements are all objects with a string `id` are matched by id, others by index. */
function hasIds(arrays: readonly unknown[][]): boolean {
  return arrays.every((a) => a.every((el) => isObject(el) && typeof el['id'] === 'string'));
}

function diffArrays(path: string, values: readonly unknown[], out: SettingDiff[]): void {
  const arrays: unknown[][] = values.map((v) => (Array.isArray(v) ? v : []));
  const byId = hasIds(arrays);
  const idOf = (el: unknown): string | undefined => (isObject(el) && typeof el['id'] === 'string' ? el['id'] : undefined);
  // Elements in first-seen order across runs, so added elements come after the shared ones.
  const keys: string[] = [];
  if (byId) {
    for (const a of arrays) {
      for (const el of a) {
        const id = idOf(el);
        if (id !== undefined && !keys.includes(id)) keys.push(id);
      }
    }
  } else {
    const longest = Math.max(...arrays.map((a) => a.length));
    for (let i = 0; i < longest; i++) keys.push(String(i));
  }
  for (const k of keys) {
    const elements = arrays.map((a) => (byId ? a.find((el) => idOf(el) === k) : a[Number(k)]));
    const at = `${path}[${k}]`;
    // A whole element only some runs have is one difference, not one per field.
    if (elements.some((el) => el === undefined)) {
      if (!same(elements)) out.push({ path: at, values: elements });
    } else {
      diffValues(at, elements, out);
    }
  }
}

function diffValues(path: string, values: readonly unknown[], out: SettingDiff[]): void {
  if (same(values)) return;
  const present = values.filter((v) => v !== undefined);
  if (present.length > 0 && present.every(isObject)) {
    const keys: string[] = [];
    for (const v of present.filter(isObject)) {
      for (const k of Object.keys(v)) if (!keys.includes(k) && !ignored(path, k)) keys.push(k);
    }
    for (const k of keys)
      diffValues(
        path === '' ? k : `${path}.${k}`,
        values.map((v) => (isObject(v) ? v[k] : undefined)),
        out,
      );
    return;
  }
  if (present.length > 0 && present.every(Array.isArray)) return diffArrays(path, values, out);
  out.push({ path, values: [...values] });
}

/**
 * Every setting that differs between runs, `seed` and `durationMs` first, then in scenario order.
 * Objects are compared field by field; arrays of objects with an `id` element by element matched
 * by id, other arrays by index. Names, descriptions, labels and canvas positions are ignored.
 */
export function settingsDiff(runs: readonly DiffInput[]): SettingDiff[] {
  const out: SettingDiff[] = [];
  const seeds = runs.map((r) => r.seed);
  if (!same(seeds)) out.push({ path: 'seed', values: seeds });
  const durations = runs.map((r) => r.durationMs);
  if (!same(durations)) out.push({ path: 'durationMs', values: durations });
  diffValues(
    '',
    runs.map((r) => r.scenario),
    out,
  );
  return out;
}
