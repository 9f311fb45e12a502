/**
 * What every API handler module shares: one typed implementation per method (params as the
 * contract's schema leaves them after validation, result as the contract promises) and the
 * result and error values. A leaf module: domain services may use it without importing the API.
 */
import type { ApiError, ApiResult, Method, ParsedParams, Results } from '../../../engine/index.ts';

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
