/** runs:export — reports and CSV files of stored runs (filled in when the reports module lands). */
import type { ApiResult, RunDetail, Results } from '../../../engine/index.ts';
import type { RunDatabase } from '../db/index.ts';

/** Renders the export of one or more stored runs. */
export function exportRuns(_db: RunDatabase, _runs: RunDetail[], _format: string): ApiResult<Results['runs:export']> {
  return { ok: false, error: { code: 'internal', message: 'reports are not wired in yet' } };
}
