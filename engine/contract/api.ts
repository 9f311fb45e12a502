/**
 * The one API between the renderer and the Node side, shared by every transport (Electron
 * IPC, the loopback WebSocket of the browser host, in-memory for tests). Methods are
 * `domain:verb`; params are validated with these schemas on the receiving side; errors cross
 * as values `{ code, message }`, never as exceptions.
 */
import { z } from 'zod';
import type { RunSummary, SessionOutcome } from '../metrics/summary.ts';
import type { TimeSeries } from '../metrics/run-metrics.ts';
import type { Checkpoint } from '../model/world.ts';
import type { Fault, Scenario } from '../scenario/schema.ts';
import type { ScenarioProblem } from '../scenario/issues.ts';
import type { Comparison } from '../compare/compare.ts';
import type { Assumption } from '../assumptions.ts';
import type { LiveSnapshot } from './snapshot.ts';
import type { FlowRow } from '../live/sessions-table.ts';
import type { WhatIfState } from '../whatif/types.ts';
import type { SeekView } from './seek.ts';
import { EVENT_CATEGORIES } from '../replay/describe.ts';

/**
 * Error codes every transport uses. `busy`: the host has too much queued for this connection
 * (try again later); `too-big`: a valid scenario asks for more work or memory than the machine
 * can give (the message names the JSON path and the figure).
 */
export const ERROR_CODES = ['bad-method', 'bad-params', 'not-found', 'bad-scenario', 'conflict', 'database', 'unauthorized', 'internal', 'busy', 'too-big'] as const;
/** An error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];
/** An error as a value. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For bad-scenario: every problem, with its JSON path. */
  problems?: ScenarioProblem[];
}
/** What every call returns. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const runId = z.string().min(1).max(100);
const filePath = z.string().min(1).max(4096);
const MAX_SCENARIO_BYTES = 20 * 1024 * 1024;
const speed = z.union([z.number().min(0.1).max(1000), z.literal('max')]);
/** Every state a stored run can be in; `running` is the only one that changes again. */
export const RUN_STATUSES = ['running', 'completed', 'stopped', 'failed', 'interrupted'] as const;
/** A stored run's state. */
export type RunStatus = (typeof RUN_STATUSES)[number];
/** Run ids naming each run once (comparing or exporting a run against itself is a mistake). */
const distinctRunIds = (min: number) =>
  z
    .array(runId)
    .min(min)
    .max(8)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'names the same run more than once' });
const EXPORT_FORMATS = ['html', 'csv-sessions', 'csv-counters', 'csv-series'] as const;
/** A format `runs:export` renders. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * A time-travel seek's target (exactly one of `tUs`, `event`, `fault`, `step` with `from`) and
 * which sessions tables to return (one router's, or every router's, `limit` sessions each).
 */
const seekFields = {
  tUs: z.number().min(0).max(86_400_000_000).optional(),
  event: z.number().int().min(0).optional(),
  fault: z.number().int().min(0).max(100_000).optional(),
  step: z.enum(['forward', 'back']).optional(),
  from: z.number().int().min(0).optional(),
  categories: z.array(z.enum(EVENT_CATEGORIES)).min(1).max(EVENT_CATEGORIES.length).optional(),
  router: z.string().min(1).max(64).optional(),
  limit: z.number().int().min(1).max(2000).default(200),
};
function oneSeekTarget(
  p: { tUs?: number | undefined; event?: number | undefined; fault?: number | undefined; step?: string | undefined; from?: number | undefined; categories?: unknown },
  ctx: z.RefinementCtx,
): void {
  const given = (['tUs', 'event', 'fault', 'step'] as const).filter((k) => p[k] !== undefined);
  if (given.length !== 1) ctx.addIssue({ code: 'custom', message: `give exactly one of tUs, event, fault or step (got ${given.length === 0 ? 'none' : given.join(', ')})` });
  if (p.step !== undefined && p.from === undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'step needs from: the event number it starts at' });
  if (p.step === undefined && (p.from !== undefined || p.categories !== undefined))
    ctx.addIssue({ code: 'custom', path: [p.from !== undefined ? 'from' : 'categories'], message: 'only a step takes from and categories' });
}

/** Params schema of every method. */
export const PARAMS = {
  'app:info': z.object({}).strict(),
  'templates:list': z.object({}).strict(),
  'templates:get': z.object({ file: z.string().min(1).max(200) }).strict(),
  'scenario:validate': z.object({ scenario: z.unknown() }).strict(),
  'scenarios:list': z.object({}).strict(),
  'scenarios:save': z.object({ id: z.string().min(1).max(100).optional(), scenario: z.unknown() }).strict(),
  'scenarios:get': z.object({ id: z.string().min(1).max(100) }).strict(),
  'scenarios:delete': z.object({ id: z.string().min(1).max(100) }).strict(),
  'sim:start': z
    .object({ scenario: z.unknown(), seed: z.number().int().min(0).max(4294967295).optional(), speed: speed.default(1), paused: z.boolean().default(false), label: z.string().max(200).optional() })
    .strict(),
  'sim:pause': z.object({}).strict(),
  'sim:resume': z.object({}).strict(),
  'sim:step': z.object({ events: z.number().int().min(1).max(100000).default(1) }).strict(),
  'sim:stop': z.object({}).strict(),
  'sim:speed': z.object({ speed }).strict(),
  'sim:inject': z.object({ fault: z.unknown() }).strict(),
  'sim:state': z.object({}).strict(),
  'sim:sessions': z.object({ router: z.string().min(1).max(64), limit: z.number().int().min(1).max(5000).default(200) }).strict(),
  // Time travel over the paused live run (up to where it stands).
  'sim:seek': z.object(seekFields).strict().superRefine(oneSeekTarget),
  'runs:list': z
    .object({ scenario: z.string().max(200).optional(), status: z.enum(RUN_STATUSES).optional(), limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) })
    .strict(),
  'runs:get': z.object({ id: runId }).strict(),
  'runs:sessions': z.object({ id: runId, limit: z.number().int().min(1).max(100000).default(200) }).strict(),
  'runs:events': z
    .object({ id: runId, kind: z.string().max(100).optional(), node: z.string().max(64).optional(), fromMs: z.number().optional(), limit: z.number().int().min(1).max(10000).default(500) })
    .strict(),
  'runs:delete': z.object({ id: runId }).strict(),
  // Time travel over a stored run (re-run from its scenario, seed and fault log; cached per run).
  'runs:seek': z
    .object({ runId, ...seekFields })
    .strict()
    .superRefine(oneSeekTarget),
  'runs:compare': z.object({ ids: distinctRunIds(2) }).strict(),
  'runs:export': z.object({ ids: distinctRunIds(1), format: z.enum(EXPORT_FORMATS) }).strict(),
  // N-1 analysis (the What if view): one analysis at a time, progress as `whatif:progress` events.
  'whatif:start': z
    .object({
      scenario: z.unknown(),
      failEach: z.enum(['router', 'spoke', 'hub', 'link']),
      keepFaults: z.boolean().default(false),
      failAtMs: z.number().int().min(0).max(86_400_000).optional(),
      failForMs: z.number().int().min(1).max(86_400_000).optional(),
      seeds: z.number().int().min(1).max(20).default(1),
    })
    .strict(),
  'whatif:state': z.object({}).strict(),
  'whatif:cancel': z.object({}).strict(),
  'whatif:report': z.object({ sweepId: z.string().min(1).max(100) }).strict(),
  // Desktop shell only (native dialogs, PDF); the browser host answers `bad-method`. A path the
  // renderer names is honoured only when the shell handed it out first.
  'file:open': z.object({ path: filePath.optional() }).strict(),
  'file:save': z.object({ text: z.string().max(MAX_SCENARIO_BYTES), suggestedName: z.string().max(200).optional(), path: filePath.optional() }).strict(),
  'file:export': z.object({ ids: distinctRunIds(1), format: z.enum(['pdf', ...EXPORT_FORMATS]), suggestedName: z.string().max(200).optional() }).strict(),
  'file:take-pending': z.object({}).strict(),
} as const;

/** Methods only the desktop shell answers. */
export const SHELL_METHODS = ['file:open', 'file:save', 'file:export', 'file:take-pending'] as const;

/** A method name. */
export type Method = keyof typeof PARAMS;
/** Every method name. */
export const METHODS = Object.keys(PARAMS) as Method[];
/** What a caller passes to `method` (defaults may be left out). */
export type Params<M extends Method> = z.input<(typeof PARAMS)[M]>;
/** What the receiving side works with once `method`'s params are validated (defaults filled in). */
export type ParsedParams<M extends Method> = z.output<(typeof PARAMS)[M]>;
/** A caller's params argument for `method`: optional when every param may be left out. */
export type CallArgs<M extends Method> = Record<string, never> extends Params<M> ? [params?: Params<M>] : [params: Params<M>];

/** A template shipped with the app. */
export interface TemplateInfo {
  file: string;
  name: string;
  description: string;
}
/** A stored run as lists show it. */
export interface RunRow {
  id: string;
  scenarioName: string;
  seed: number;
  durationMs: number;
  status: RunStatus;
  startedAt: string;
  wallMs: number | null;
  fingerprint: string | null;
  source: string;
  label: string | null;
  /** Headline numbers, when finished. */
  sessions: { total: number; affected: number; recovered: number; failed: number } | null;
  outageP95Ms: number | null;
  /** The stored summary cannot be read (a damaged row): shown, but without numbers. */
  damaged?: boolean;
}
/** A stored run in full (what opening it shows). */
export interface RunDetail extends RunRow {
  scenario: Scenario;
  summary: RunSummary | null;
  series: TimeSeries | null;
  faultLog: { atMs: number; fault: Fault; source: 'scheduled' | 'live' }[];
  checkpoints: Checkpoint[];
  engineVersion: string;
}
/** A stored control-plane/session event. */
export interface StoredEvent {
  tUs: number;
  node: string;
  kind: string;
  session: number;
  detail: Record<string, string | number | boolean>;
}

/** Result type of every method. */
export interface Results {
  'app:info': { version: string; engineVersion: string; database: string | null; host: 'electron' | 'browser' | 'memory'; assumptions: readonly Assumption[] };
  'templates:list': TemplateInfo[];
  'templates:get': { file: string; scenario: unknown };
  'scenario:validate': { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };
  'scenarios:list': { id: string; name: string; updatedAt: string }[];
  'scenarios:save': { id: string };
  'scenarios:get': { id: string; scenario: unknown };
  'scenarios:delete': { deleted: boolean };
  'sim:start': { runId: string | null };
  'sim:pause': LiveSnapshot | null;
  'sim:resume': LiveSnapshot | null;
  'sim:step': LiveSnapshot | null;
  'sim:stop': { runId: string | null; summary: RunSummary | null };
  'sim:speed': { speed: number | 'max' };
  'sim:inject': { atMs: number };
  'sim:state': LiveSnapshot | null;
  'sim:sessions': FlowRow[];
  'sim:seek': SeekView;
  'runs:list': RunRow[];
  'runs:get': RunDetail;
  'runs:sessions': SessionOutcome[];
  'runs:events': StoredEvent[];
  'runs:delete': { deleted: boolean };
  'runs:seek': SeekView;
  'runs:compare': Comparison;
  'runs:export': { filename: string; mime: string; content: string };
  'whatif:start': { sweepId: string; runs: number };
  /** The analysis in progress, else the last one (null: none since the lab started). */
  'whatif:state': WhatIfState | null;
  'whatif:cancel': { cancelled: boolean };
  /** The N-1 report (HTML): ranking table and blast-radius map. */
  'whatif:report': { filename: string; mime: string; content: string };
  /** null: the person cancelled the dialog. */
  'file:open': { path: string; text: string } | null;
  'file:save': { path: string } | null;
  'file:export': { path: string } | null;
  /** The file the app was launched with (command line or the OS), once. */
  'file:take-pending': { path: string; text: string } | null;
}

/** Commands of the desktop shell's native menus, sent to the renderer. */
export const MENU_COMMANDS = ['new', 'open', 'save', 'save-as', 'export-report', 'undo', 'redo', 'run-pause', 'step', 'stop', 'assumptions', 'about'] as const;
/** A menu command. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Events pushed to the renderer. */
export interface Events {
  /** At most 20 per second while a run is live. */
  'sim:snapshot': LiveSnapshot;
  /** A live run ended (completed, stopped or failed). */
  'sim:ended': { runId: string | null; status: RunRow['status']; summary: RunSummary | null; message?: string };
  /** The list of stored runs changed. */
  'runs:changed': Record<string, never>;
  /** Time travel re-runs a stored run before its first seek (a big run takes seconds): how far it has got, virtual ms (5 a second). */
  'runs:seek-progress': { runId: string; doneMs: number; endMs: number };
  /** An N-1 analysis progressed (at most 5 a second) or ended (`state` not `running`). */
  'whatif:progress': WhatIfState;
  /** A native menu item was chosen (desktop shell only); `path` for Open Recent and files from the OS. */
  'menu:command': { command: MenuCommand; path?: string };
}
/** An event name. */
export type EventName = keyof Events;

/** Validates a call's params; returns the parsed params or an error value. */
export function parseParams<M extends Method>(method: M, params: unknown): ApiResult<ParsedParams<M>> {
  const schema = PARAMS[method];
  const r = schema.safeParse(params ?? {});
  if (r.success) return { ok: true, value: r.data as ParsedParams<M> };
  const msg = r.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ');
  return { ok: false, error: { code: 'bad-params', message: `${method}: ${msg}` } };
}

/** Whether a string names a method of the contract. */
export function isMethod(m: unknown): m is Method {
  return typeof m === 'string' && Object.hasOwn(PARAMS, m);
}
