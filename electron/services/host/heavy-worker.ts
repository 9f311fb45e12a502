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
import { HEAVY_METHODS, type HeavyCall, type HeavyMethod, type HeavyReply } from './heavy-protocol.ts';

const port = parentPort!;
const { dbPath } = workerData as { dbPath: string };
let db: RunDatabase | null = null;
let handlers: ReturnType<typeof runsHandlers> | null = null;

async function answer(method: HeavyMethod, params: unknown): Promise<ApiResult<unknown>> {
  if (!HEAVY_METHODS.includes(method)) return { ok: false, error: { code: 'bad-method', message: `${String(method)} is not answered here` } };
  const parsed = parseParams(method, params);
  if (!parsed.ok) return parsed;
  if (handlers === null) {
    db = openDatabase(dbPath, { readonly: true, mustExist: true, check: 'none' });
    handlers = runsHandlers(db);
  }
  return await (handlers[method] as (p: unknown) => ApiResult<unknown> | Promise<ApiResult<unknown>>)(parsed.value);
}

port.on('message', async (m: HeavyCall) => {
  let result: ApiResult<unknown>;
  try {
    result = await answer(m.method, m.params);
  } catch (e) {
    result = { ok: false, error: { code: 'internal', message: `${m.method} failed: ${e instanceof Error ? e.message : String(e)}` } };
  }
  port.postMessage({ id: m.id, result } satisfies HeavyReply);
});

port.on('close', () => db?.close());
