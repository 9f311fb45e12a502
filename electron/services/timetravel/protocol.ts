/** Messages between the stored-run seek service (main thread) and its worker. */
import type { ApiResult, Fault, SeekTarget, SeekView } from '../../../engine/index.ts';

/** What re-running a stored run needs (the same inputs `srlab replay` uses). */
export interface StoredRunInputs {
  runId: string;
  /** The scenario as stored (JSON text: parsed only when the worker has no timeline of the run yet). */
  scenarioJson: string;
  seed: number;
  durationMs: number;
  liveFaults: { atMs: number; fault: Fault }[];
  /** Where a stopped run stopped, µs (null: it ran to its end). */
  stoppedAtUs: number | null;
  /** Events a stopped run had run (it may have stopped between two events of one µs). */
  stoppedAtEvents: number | null;
}

/** Main → worker (sent by id through a RequestPool). */
export interface SeekCall {
  run: StoredRunInputs;
  target: SeekTarget;
  router?: string;
  limit: number;
}

/** Worker → main. */
export type SeekResult = ApiResult<SeekView>;

/** Worker → main while it re-runs a stored run: virtual time done and to do, ms. */
export interface SeekProgress {
  doneMs: number;
  endMs: number;
}
