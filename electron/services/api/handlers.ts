/**
 * The API's implementation (engine/contract/api.ts) on the Node side, shared by the browser
 * host and the Electron bridge: validates the method and params, then answers from the
 * database, the live runner, the templates, the comparison and the reports. Every failure is
 * an error value; nothing throws past `handle`.
 */
import {
  ASSUMPTIONS,
  ENGINE_VERSION,
  FaultSchema,
  isMethod,
  parseParams,
  parseScenario,
  type ApiError,
  type ApiResult,
  type Method,
  type Results,
} from '../../../engine/index.ts';
import type { RunDatabase } from '../db/index.ts';
import type { LiveRunner } from '../live/runner.ts';
import { listTemplates, readTemplate } from './templates.ts';
import { runsHandlers } from './runs-handlers.ts';
import { scenariosHandlers } from './scenarios-handlers.ts';

/** What the handlers need. */
export interface ApiDeps {
  db: RunDatabase | null;
  dbPath: string | null;
  runner: LiveRunner;
  host: 'electron' | 'browser' | 'memory';
  appVersion: string;
}

/** One method's implementation. */
export type MethodImpl<M extends Method> = (params: never) => Promise<ApiResult<Results[M]>> | ApiResult<Results[M]>;

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const err = (code: ApiError['code'], message: string, extra: Partial<ApiError> = {}): ApiResult<never> => ({ ok: false, error: { code, message, ...extra } });

/** The browser host cannot show native dialogs: the renderer uploads and downloads instead. */
function shellOnly() {
  const no = (m: string) => () => err('bad-method', `${m} is only available in the desktop app`);
  return { 'file:open': no('file:open'), 'file:save': no('file:save'), 'file:export': no('file:export'), 'file:take-pending': no('file:take-pending') };
}

/** Builds the dispatcher: `handle(method, params)`. */
export function createApi(deps: ApiDeps) {
  const { runner } = deps;
  const impl: { [M in Method]: (p: never) => Promise<ApiResult<Results[M]>> | ApiResult<Results[M]> } = {
    'app:info': () => ok({ version: deps.appVersion, engineVersion: ENGINE_VERSION, database: deps.dbPath, host: deps.host, assumptions: ASSUMPTIONS }),
    'templates:list': () => ok(listTemplates()),
    'templates:get': (p: { file: string }) => {
      const scenario = readTemplate(p.file);
      return scenario === undefined ? err('not-found', `no template named "${p.file}"`) : ok({ file: p.file, scenario });
    },
    'scenario:validate': (p: { scenario: unknown }) => {
      const r = parseScenario(p.scenario);
      return ok(r.ok ? { ok: true as const, scenario: r.scenario } : { ok: false as const, problems: r.problems });
    },
    'sim:start': (p: { scenario: unknown; seed?: number; speed: number | 'max'; paused: boolean; label?: string }) => {
      const r = parseScenario(p.scenario);
      if (!r.ok) return err('bad-scenario', `the scenario has ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`, { problems: r.problems });
      return runner.start(r.scenario, { speed: p.speed, paused: p.paused, ...(p.seed !== undefined ? { seed: p.seed } : {}), ...(p.label ? { label: p.label } : {}) });
    },
    'sim:pause': async () => {
      runner.pause();
      return runner.state();
    },
    'sim:resume': async () => {
      runner.resume();
      return runner.state();
    },
    'sim:step': async (p: { events: number }) => {
      runner.step(p.events);
      return runner.state();
    },
    'sim:stop': async () => ok(await runner.stop()),
    'sim:speed': (p: { speed: number | 'max' }) => {
      runner.setSpeed(p.speed);
      return ok({ speed: p.speed });
    },
    'sim:inject': (p: { fault: unknown }) => {
      const f = FaultSchema.safeParse(p.fault);
      if (!f.success) return err('bad-params', `sim:inject: not a fault: ${f.error.issues.map((i) => `${i.path.join('.') || 'fault'}: ${i.message}`).join('; ')}`);
      return runner.inject(f.data);
    },
    'sim:state': () => runner.state(),
    'sim:sessions': (p: { router: string; limit: number }) => runner.sessions(p.router, p.limit),
    ...shellOnly(),
    ...scenariosHandlers(deps.db),
    ...runsHandlers(deps.db),
  };

  /** Answers one call; never throws. */
  async function handle(method: unknown, params: unknown): Promise<ApiResult<unknown>> {
    if (!isMethod(method)) return err('bad-method', `unknown method ${JSON.stringify(method)}`);
    const parsed = parseParams(method, params);
    if (!parsed.ok) return parsed;
    try {
      return await (impl[method] as (p: unknown) => Promise<ApiResult<unknown>> | ApiResult<unknown>)(parsed.value);
    } catch (e) {
      return err('internal', `${method} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { handle };
}
