/**
 * The host's worker thread for slow read-only calls (exports, comparisons, reports): it opens
 * the runs database read-only on its own connection (WAL lets it read while the main thread
 * writes) and answers one call at a time, so the main thread stays free for other clients and
 * the live run. Same params validation and handlers as the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseParams, type ApiResult } from '../../../engine/index.ts';
import { openDatabase, type RunDatabase } from '../db/index.ts';
import { runsHandlers } from '../api/runs-handlers.ts';
import { err } from '../api/results.ts';
import { serveRequests } from '../request-pool.ts';
import { HEAVY_METHODS, type HeavyCall, type HeavyDatabase, type HeavyMethod, type HeavyResult } from './heavy-protocol.ts';

const { dbPath, nativeBinding } = workerData as HeavyDatabase;
let db: RunDatabase | null = null;
let handlers: ReturnType<typeof runsHandlers> | null = null;

async function answer(method: HeavyMethod, params: unknown): Promise<ApiResult<unknown>> {
  if (!HEAVY_METHODS.includes(method)) return { ok: false, error: { code: 'bad-method', message: `${String(method)} is not answered here` } };
  const parsed = parseParams(method, params);
  if (!parsed.ok) return parsed;
  if (handlers === null) {
    db = openDatabase(dbPath, { readonly: true, mustExist: true, check: 'none', ...(nativeBinding ? { nativeBinding } : {}) });
    handlers = runsHandlers(db);
  }
  return await (handlers[method] as (p: unknown) => ApiResult<unknown> | Promise<ApiResult<unknown>>)(parsed.value);
}

serveRequests<HeavyCall, HeavyResult>(
  (m) => answer(m.method, m.params),
  (e, m) => err('internal', `${m.method} failed: ${e instanceof Error ? e.message : String(e)}`),
);

parentPort?.on('close', () => db?.close());
