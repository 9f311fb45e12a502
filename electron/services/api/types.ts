/**
 * The shapes every API handler module shares: what the handlers need, and one typed
 * implementation per method (params as the contract's schema leaves them after validation,
 * result as the contract promises).
 */
import type { ApiError, ApiResult, Method, ParsedParams, Results } from '../../../engine/index.ts';
import type { RunDatabase } from '../db/index.ts';
import type { LiveRunner } from '../live/runner.ts';
import type { WhatIfService } from '../whatif/service.ts';

/** What the handlers need. */
export interface ApiDeps {
  db: RunDatabase | null;
  dbPath: string | null;
  runner: LiveRunner;
  host: 'electron' | 'browser' | 'memory';
  appVersion: string;
  /** The N-1 analyses (default: one of its own, sharing the runner's events). */
  whatIf?: WhatIfService;
}

/** One method's implementation: validated params in, a result value (or error value) out. */
export type MethodImpl<M extends Method> = (params: ParsedParams<M>) => Promise<ApiResult<Results[M]>> | ApiResult<Results[M]>;

/** The implementations of some methods (a domain's file provides its own `domain:*`). */
export type Handlers<M extends Method> = { [K in M]: MethodImpl<K> };

/** A result value. */
export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
/** An error value. */
export const err = (code: ApiError['code'], message: string, extra: Partial<ApiError> = {}): ApiResult<never> => ({ ok: false, error: { code, message, ...extra } });
/** The answer of every database method when the lab runs without a database. */
export const noDb: ApiResult<never> = err('database', 'no run database is open');
