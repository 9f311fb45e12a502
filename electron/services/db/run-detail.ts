/** A run with its parsed scenario and summary: two repository reads put together. */
import type { RunSummary } from '../../../engine/index.ts';
import type { RunDatabase } from './database.ts';
import { getCounters } from './repos/run-results.ts';
import { getRunRow } from './repos/runs.ts';
import type { RunRecord } from './rows.ts';

/** One run for display or replay. */
export interface RunDetail extends RunRecord {
  /** The effective scenario the run used (after --set and overrides), as stored. */
  scenario: unknown;
  /** The summary with its counters, or null when the run has no results (or they are damaged). */
  summary: RunSummary | null;
  /** The stored scenario or summary is not readable JSON (then `scenario`/`summary` is null). */
  damaged: boolean;
}

function parsed(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The summary is stored without its counters (they live in `run_counters`, one source of
 * truth) but with an empty `counters` key, so putting them back keeps the engine's key order.
 */
export function getRun(db: RunDatabase, id: string): RunDetail | undefined {
  const row = getRunRow(db, id);
  if (row === undefined) return undefined;
  const { scenarioJson, summaryJson, ...record } = row;
  let summary: RunSummary | null = null;
  let damaged = false;
  if (summaryJson !== null) {
    const s = parsed(summaryJson);
    const value = s.ok ? s.value : null;
    const sessions = typeof value === 'object' && value !== null ? (value as { sessions?: { total?: unknown } | null }).sessions : undefined;
    if (typeof sessions === 'object' && sessions !== null && typeof sessions.total === 'number') {
      summary = value as RunSummary;
      summary.counters = getCounters(db, id);
    } else damaged = true;
  }
  const scenario = parsed(scenarioJson);
  if (!scenario.ok) damaged = true;
  return { ...record, scenario: scenario.ok ? scenario.value : null, summary, damaged };
}

/** The summary as stored: counters emptied (see {@link getRun}). */
export function summaryForStorage(summary: RunSummary): string {
  return JSON.stringify({ ...summary, counters: {} });
}
