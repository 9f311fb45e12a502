/** Messages between the host and its worker for slow read-only calls. */
import type { ApiResult, Method } from '../../../engine/index.ts';

/** The calls answered off the main thread: they read whole runs and build big strings. */
export const HEAVY_METHODS = ['runs:export', 'runs:compare'] as const satisfies readonly Method[];
/** One of them. */
export type HeavyMethod = (typeof HEAVY_METHODS)[number];

/** Main → worker. */
export interface HeavyCall {
  id: number;
  method: HeavyMethod;
  params: unknown;
}
/** Worker → main. */
export interface HeavyReply {
  id: number;
  result: ApiResult<unknown>;
}

/** Whether a method is answered by the worker. */
export function isHeavy(method: unknown): method is HeavyMethod {
  return (HEAVY_METHODS as readonly unknown[]).includes(method);
}
