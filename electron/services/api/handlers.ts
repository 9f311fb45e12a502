/**
 * The API's implementation (engine/contract/api.ts) on the Node side, shared by the browser
 * host and the Electron bridge: validates the method and params, then answers from the
 * database, the live runner, the templates, the comparison and the reports. One file per
 * domain provides its methods, typed per method; every failure is an error value and nothing
 * throws past `handle`.
 */
import { ASSUMPTIONS, ENGINE_VERSION, isMethod, parseParams, parseScenario, type ApiResult, type CallArgs, type Method, type ParsedParams, type Results } from '../../../engine/index.ts';
import { listTemplates, readTemplate } from './templates.ts';
import { runsHandlers } from './runs-handlers.ts';
import { scenariosHandlers } from './scenarios-handlers.ts';
import { simHandlers } from './sim-handlers.ts';
import { whatIfHandlers } from '../whatif/handlers.ts';
import { WhatIfService } from '../whatif/service.ts';
import { SeekService } from '../timetravel/seek-service.ts';
import { seekTables, seekTarget } from '../timetravel/params.ts';
import { err, ok, type Handlers, type MethodImpl } from './results.ts';
import type { ApiDeps } from './types.ts';

export type { ApiDeps } from './types.ts';

/** The browser host cannot show native dialogs: the renderer uploads and downloads instead. */
function shellOnly(): Handlers<'file:open' | 'file:save' | 'file:export' | 'file:take-pending'> {
  const no = (m: string) => () => err('bad-method', `${m} is only available in the desktop app`);
  return { 'file:open': no('file:open'), 'file:save': no('file:save'), 'file:export': no('file:export'), 'file:take-pending': no('file:take-pending') };
}

/** The app:*, templates:* and scenario:* methods. */
function appHandlers(deps: ApiDeps): Handlers<'app:info' | 'templates:list' | 'templates:get' | 'scenario:validate'> {
  return {
    'app:info': () => ok({ version: deps.appVersion, engineVersion: ENGINE_VERSION, database: deps.dbPath, host: deps.host, assumptions: ASSUMPTIONS }),
    'templates:list': () => ok(listTemplates()),
    'templates:get': (p) => {
      const scenario = readTemplate(p.file);
      return scenario === undefined ? err('not-found', `no template named "${p.file}"`) : ok({ file: p.file, scenario });
    },
    'scenario:validate': (p) => {
      const r = parseScenario(p.scenario);
      return ok(r.ok ? { ok: true as const, scenario: r.scenario } : { ok: false as const, problems: r.problems });
    },
  };
}

/** Time travel over stored runs (answered in the seek service's worker). */
function seekHandlers(seek: SeekService): Handlers<'runs:seek'> {
  return { 'runs:seek': (p) => seek.seek({ runId: p.runId, target: seekTarget(p), ...seekTables(p) }) };
}

/** Builds the dispatcher: `handle(method, params)`. */
export function createApi(deps: ApiDeps) {
  const impl: Handlers<Method> = {
    ...appHandlers(deps),
    ...simHandlers(deps.runner),
    ...shellOnly(),
    ...scenariosHandlers(deps.db),
    ...runsHandlers(deps.db),
    ...whatIfHandlers(deps.whatIf ?? new WhatIfService(deps.db, deps.runner.emit)),
    ...seekHandlers(deps.seek ?? new SeekService(deps.db, deps.runner)),
  };

  /** Answers one call with its validated params (the one place params meet their method's implementation). */
  function answer<M extends Method>(method: M, params: ParsedParams<M>): Promise<ApiResult<Results[M]>> | ApiResult<Results[M]> {
    return (impl[method] as MethodImpl<M>)(params);
  }

  /** Answers one call; never throws. */
  async function handle(method: unknown, params: unknown): Promise<ApiResult<unknown>> {
    if (!isMethod(method)) return err('bad-method', `unknown method ${JSON.stringify(method)}`);
    const parsed = parseParams(method, params);
    if (!parsed.ok) return parsed;
    try {
      return await answer(method, parsed.value);
    } catch (e) {
      return err('internal', `${method} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** `handle` for Node-side callers that name the method in code: params and result typed by the contract. */
  function call<M extends Method>(method: M, ...args: CallArgs<M>): Promise<ApiResult<Results[M]>> {
    return handle(method, args[0] ?? {}) as Promise<ApiResult<Results[M]>>;
  }
  return { handle, call };
}
