/** Messages between the host and its worker for slow read-only calls. */
import type { ApiResult, Method } from '../../../engine/index.ts';

/** The calls answered off the main thread: they read whole runs and build big strings. */
export const HEAVY_METHODS = ['runs:export', 'runs:compare'] as const satisfies readonly Method[];
/** One of them. */
export type HeavyMethod = (typeof HEAVY_METHODS)[number];

/** The worker's workerData: where it opens the runs database (read-only, on its own connection). */
export interface HeavyDatabase {
  dbPath: string;
  /** better-sqlite3's addon when it is not node_modules' (the desktop app's Electron build). */
  nativeBinding?: string;
}

/** Main → worker (sent by id through a RequestPool). */
export interface HeavyCall {
  method: HeavyMethod;
  params: unknown;
}
/** Worker → main. */
export type HeavyResult = ApiResult<unknown>;

/** Whether a method is answered by the worker. */
export function isHeavy(method: unknown): method is HeavyMethod {
  return (HEAVY_METHODS as readonly unknown[]).includes(method);
}
