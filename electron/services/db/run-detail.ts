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
  /** The summary with its counters, or null when the run has no results. */
  summary: RunSummary | null;
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
  if (summaryJson !== null) {
    summary = JSON.parse(summaryJson) as RunSummary;
    summary.counters = getCounters(db, id);
  }
  return { ...record, scenario: JSON.parse(scenarioJson) as unknown, summary };
}

/** The summary as stored: counters emptied (see {@link getRun}). */
export function summaryForStorage(summary: RunSummary): string {
  return JSON.stringify({ ...summary, counters: {} });
}
