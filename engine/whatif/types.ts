/** What an N-1 (what-if) analysis reports, shared by the API, the app, the CLI and the reports. */

/** What each run of the analysis fails. */
export type FailEachKind = 'router' | 'spoke' | 'hub' | 'link';
/** Every value of {@link FailEachKind}. */
export const FAIL_EACH_KINDS: readonly FailEachKind[] = ['router', 'spoke', 'hub', 'link'];

/** One element of the analysis, ranked by the harm its failure causes beyond the baseline. */
export interface WhatIfRank {
  rank: number;
  kind: 'spoke' | 'hub' | 'link';
  element: string;
  /** Sessions that failed beyond the baseline, mean over seeds. */
  sessionsLost: number;
  /** Sessions that saw an outage beyond the baseline, mean over seeds. */
  sessionsAffected: number;
  worstOutageMs: number;
  /** The stored runs of this element's failure (empty when nothing was stored). */
  runIds: string[];
}

/** An analysis in progress or done. */
export interface WhatIfState {
  sweepId: string;
  scenarioName: string;
  failEach: FailEachKind;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  elapsedMs: number;
  /** Estimated wall time left (null until the first run is in). */
  etaMs: number | null;
  baseline: { keptFaults: boolean; labFaults: number; failAtMs: number; failForMs: number };
  /** The baseline's stored run (null until it is in, or when nothing is stored). */
  baselineRunId: string | null;
  /** Filled in when the analysis is done. */
  ranking: WhatIfRank[];
  message?: string;
}
