/**
 * Objectives: what a lab file asks a student to achieve, checked against the run (issue 10 §3).
 * Each objective has an `id`, a `text` for students, an optional `hint`, and an `expect` in one
 * of four forms:
 *
 * - `{ metric, op, value }`: a number of the `run --json` summary, e.g. `sessions.outageMs.max`;
 * - `{ counter, node, op, value }`: a router's counter, as `show stats` names it;
 * - `{ series, stat, window?, op, value }`: a statistic of a time series over a window of the
 *   run — absolute (`fromMs`/`toMs`), or relative to a scheduled fault: `before: "F1"`, or
 *   `after: "F1"` with `delayMs`/`forMs` (F1, F2… are the scenario's faults in time order);
 * - `{ node, mode }`: the session-recovery-detection mode a router actually runs (a router older
 *   than 6.1.0 runs packet-based whatever it is configured with).
 *
 * The schema checks each objective on its own (paths are checked against the summary's shape);
 * `checkObjectives` checks what needs the whole scenario (nodes, faults, ids).
 */
import { z } from 'zod';
import { COUNTER_PATHS } from '../metrics/counters.ts';
import { CONTROL_KINDS, LOSS_CAUSES, RECOVERY_KINDS } from '../model/constants.ts';
import type { ScenarioProblem } from './issues.ts';

/** The objective field naming a time window (spelled once: JSON paths in messages are built from it). */
const WINDOW_KEY = 'window';

/** Comparison operators an objective may use. */
export const OBJECTIVE_OPS = ['<=', '<', '==', '>=', '>', '!='] as const;
/** A comparison operator. */
export type ObjectiveOp = (typeof OBJECTIVE_OPS)[number];

/**
 * Every number of the `run --json` summary an objective may name, except the per-router ones
 * (`exposure.byRouter.<router>`; counters have their own form). `wallMs` is left out on purpose:
 * it is the host's wall-clock time, different on every machine, so it cannot grade anything.
 */
export const METRIC_PATHS: readonly string[] = [
  'durationMs',
  'events',
  'sessions.total',
  'sessions.affected',
  'sessions.recovered',
  'sessions.failed',
  ...['p50', 'p95', 'p99', 'max'].map((p) => `sessions.outageMs.${p}`),
  ...RECOVERY_KINDS.map((k) => `sessions.recoveredBy.${k}`),
  'packets.sent',
  'packets.delivered',
  'packets.lost',
  ...LOSS_CAUSES.map((c) => `packets.lostBy.${c}`),
  ...CONTROL_KINDS.flatMap((k) => [`control.${k}.count`, `control.${k}.bytes`]),
  'exposure.total',
];

/** Per-router metric paths: `exposure.byRouter.<router id>`. */
export const ROUTER_METRIC = /^exposure\.byRouter\.([A-Za-z0-9_.-]{1,64})$/;

/** Time series an objective may take a statistic of (100 ms samples of the run). */
export const SERIES_NAMES: readonly string[] = ['sessionsInOutage', 'activeSessions', 'deliveredPps', 'lostPps', ...CONTROL_KINDS.map((k) => `controlPps.${k}`)];

/** Statistics of a series over a time window (see ObjectiveWindow). */
export const SERIES_STATS = ['max', 'min', 'mean', 'first', 'last'] as const;

const FAULT_TAG = /^F[1-9][0-9]{0,5}$/;
const ID = /^[A-Za-z0-9_.-]{1,64}$/;

/** A time window of the run (series objectives). */
const WindowSchema = z
  .strictObject({
    fromMs: z.number().min(0).optional().describe('window start, ms from the start of the run'),
    toMs: z.number().min(0).optional().describe('window end, ms from the start of the run (default: the end)'),
    before: z.string().optional().describe("the window ends when this fault happens: F1, F2… (the scenario's faults in time order)"),
    after: z.string().optional().describe('the window starts when this fault happens (plus delayMs): F1, F2…'),
    delayMs: z.number().min(0).optional().describe('with after: start this long after the fault'),
    forMs: z.number().positive().optional().describe('with after: the window lasts this long (default: to the end)'),
  })
  .superRefine((w, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const absolute = w.fromMs !== undefined || w.toMs !== undefined;
    const forms = [absolute, w.before !== undefined, w.after !== undefined].filter(Boolean).length;
    if (forms > 1) ctx.addIssue({ code: 'custom', message: 'use one of: fromMs/toMs, before, or after (with delayMs/forMs)' });
    for (const k of ['before', 'after'] as const) {
      const tag = w[k];
      if (tag !== undefined && !FAULT_TAG.test(tag)) add(k, `must name a fault as F1, F2… (the scenario's faults in time order); "${tag}" does not`);
    }
    if (w.after === undefined) {
      if (w.delayMs !== undefined) add('delayMs', 'is only for a window that starts after a fault ("after": "F1")');
      if (w.forMs !== undefined) add('forMs', 'is only for a window that starts after a fault ("after": "F1")');
    }
    if (w.fromMs !== undefined && w.toMs !== undefined && w.toMs <= w.fromMs) add('toMs', `must be later than fromMs (${w.fromMs})`);
  });

/** A window as written in a file. */
export type ObjectiveWindow = z.output<typeof WindowSchema>;

const ExpectSchema = z
  .strictObject({
    // The JSON Schema lists the paths, so an editor completes them; the check here words the errors.
    metric: z
      .string()
      .optional()
      .meta({
        description: 'a number of the run --json summary, e.g. sessions.outageMs.max (wallMs is not: it differs per machine)',
        anyOf: [{ enum: [...METRIC_PATHS] }, { type: 'string', pattern: ROUTER_METRIC.source }],
      }),
    counter: z
      .string()
      .optional()
      .meta({ description: 'a router counter as show stats names it (needs node)', enum: [...COUNTER_PATHS] }),
    series: z
      .string()
      .optional()
      .meta({ description: 'a time series of the run, sampled every 100 ms', enum: [...SERIES_NAMES] }),
    stat: z.enum(SERIES_STATS).optional().describe('with series: the statistic over the window (default max)'),
    window: WindowSchema.optional().describe('with series: the part of the run to look at (default: all of it)'),
    node: z.string().optional().describe('the router, for counter and mode'),
    mode: z.enum(['packet-based', 'inactivity-based']).optional().describe('the session-recovery-detection mode the router actually runs'),
    op: z.enum(OBJECTIVE_OPS).optional().describe('how the measured value compares with value (mode: == or !=, default ==)'),
    value: z.number().optional().describe('the value to compare with'),
  })
  .superRefine((e, ctx) => {
    const add = (path: string | null, message: string) => ctx.addIssue({ code: 'custom', path: path === null ? [] : [path], message });
    const forms = (['metric', 'counter', 'series', 'mode'] as const).filter((k) => e[k] !== undefined);
    if (forms.length !== 1) {
      add(null, forms.length === 0 ? 'needs one of metric, counter, series or mode' : `has ${forms.join(' and ')}: give only one of metric, counter, series or mode`);
      return;
    }
    const form = forms[0]!;
    if (e.metric !== undefined && !METRIC_PATHS.includes(e.metric) && !ROUTER_METRIC.test(e.metric)) {
      add(
        'metric',
        unknownPath(
          'number in the run --json summary',
          e.metric,
          [...METRIC_PATHS, 'exposure.byRouter.<router>'],
          e.metric.startsWith('counters.') ? ' (for a router counter use "counter" and "node")' : '',
        ),
      );
    }
    if (e.counter !== undefined && !(COUNTER_PATHS as readonly string[]).includes(e.counter)) add('counter', unknownPath('router counter', e.counter, COUNTER_PATHS));
    if (e.series !== undefined && !SERIES_NAMES.includes(e.series)) add('series', unknownPath('time series', e.series, SERIES_NAMES));
    if ((form === 'counter' || form === 'mode') && e.node === undefined) add('node', `is required with ${form}: the router whose ${form} is meant`);
    if ((form === 'metric' || form === 'series') && e.node !== undefined) add('node', `is only for counter and mode${form === 'metric' ? " (a router's exposure is exposure.byRouter.<router>)" : ''}`);
    if (form !== 'series') {
      if (e.stat !== undefined) add('stat', 'is only for series');
      if (e.window !== undefined) add('window', 'is only for series (the summary and the counters cover the whole run)');
    }
    if (form === 'mode') {
      if (e.op !== undefined && e.op !== '==' && e.op !== '!=') add('op', 'must be == or != with mode');
      if (e.value !== undefined) add('value', 'is not used with mode (the mode is the expected value)');
    } else {
      if (e.op === undefined) add('op', `is required (one of ${OBJECTIVE_OPS.join(' ')})`);
      if (e.value === undefined) add('value', 'is required: the number to compare with');
    }
  });

/** What an objective expects, as written in a file. */
export type ObjectiveExpect = z.output<typeof ExpectSchema>;

/** One objective of a lab file. */
export const ObjectiveSchema = z
  .strictObject({
    id: z.string().regex(ID, 'must be 1 to 64 characters: letters, digits, "_", "." or "-"').describe('unique within the file'),
    text: z.string().min(1).max(500).describe('what the student should achieve, in words'),
    hint: z.string().min(1).max(2000).optional().describe('shown on request'),
    expect: ExpectSchema,
  })
  .describe("Something the run must show; srlab check and the app's Objectives panel grade it.");

/** One objective. */
export type Objective = z.output<typeof ObjectiveSchema>;

/** The scenario's `objectives` field: optional, so a lab without exercises stays as it was. */
export const ObjectivesSchema = z.array(ObjectiveSchema).max(200).optional().describe('Exercises that grade themselves: each objective is checked against the run (srlab check).');

/** What `checkObjectives` needs of a scenario (structural, to keep this file free of schema.ts). */
interface ScenarioView {
  durationMs: number;
  nodes: readonly { id: string; kind: string }[];
  faults: readonly { atMs: number }[];
  objectives?: readonly Objective[] | undefined;
}

/** Problems only the whole scenario shows: duplicate ids, unknown routers and faults, windows after the end. */
export function checkObjectives(s: ScenarioView): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  const kinds = new Map(s.nodes.map((n) => [n.id, n.kind]));
  const seen = new Set<string>();
  (s.objectives ?? []).forEach((o, i) => {
    const at = `objectives[${i}]`;
    if (seen.has(o.id)) out.push({ path: `${at}.id`, message: `objective id "${o.id}" is used by more than one objective` });
    seen.add(o.id);
    const e = o.expect;
    const router = (id: string, path: string) => {
      const kind = kinds.get(id);
      if (kind === undefined) out.push({ path, message: `node "${id}" does not exist` });
      else if (kind !== 'spoke' && kind !== 'hub') out.push({ path, message: `must be a router (spoke or hub); "${id}" is a ${kind}` });
    };
    if (e.node !== undefined) router(e.node, `${at}.expect.node`);
    const byRouter = e.metric === undefined ? null : ROUTER_METRIC.exec(e.metric);
    if (byRouter) router(byRouter[1]!, `${at}.expect.metric`);
    const w = e.window;
    if (w) {
      for (const k of ['before', 'after'] as const) {
        const tag = w[k];
        if (tag === undefined || !FAULT_TAG.test(tag)) continue;
        const n = Number(tag.slice(1));
        if (n > s.faults.length)
          out.push({
            path: `${at}.expect.${WINDOW_KEY}.${k}`,
            message: `fault ${tag} does not exist: the scenario has ${s.faults.length === 0 ? 'no faults' : `${s.faults.length} (F1…F${s.faults.length}, in time order)`}`,
          });
      }
      if (w.fromMs !== undefined && w.fromMs >= s.durationMs) out.push({ path: `${at}.expect.${WINDOW_KEY}.fromMs`, message: `is not before the end of the run (durationMs ${s.durationMs})` });
    }
  });
  return out;
}

function unknownPath(what: string, given: string, known: readonly string[], extra = ''): string {
  const near = nearest(given, known);
  return `"${given}" is not a ${what}${extra}${near ? `; did you mean "${near}"?` : ''}`;
}

/** The known path nearest to `given` (edit distance, at most a third of its length). */
function nearest(given: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(given.length / 3)) + 1;
  for (const k of known) {
    const d = distance(given.toLowerCase(), k.toLowerCase(), bestD);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

function distance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
