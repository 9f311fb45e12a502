/** Row types of the runs database, as the repository functions return them (camelCase). */

/** Every state a run can be in. `running` is the only one that changes again. */
export const RUN_STATUSES = ['running', 'completed', 'stopped', 'failed', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Who started a run. */
export const RUN_SOURCES = ['cli', 'app', 'sweep'] as const;
export type RunSource = (typeof RUN_SOURCES)[number];

/** A new run row, written before the engine starts. */
export interface NewRun {
  id: string;
  scenarioName: string;
  /** The effective scenario (after --set and overrides) as JSON text. */
  scenarioJson: string;
  seed: number;
  durationMs: number;
  engineVersion: string;
  source: RunSource;
  sweepId: string | null;
  label: string | null;
  startedAt: number;
  ownerPid: number;
  ownerHost: string;
}

/** A run's own row, without the scenario and summary JSON. */
export interface RunRecord {
  id: string;
  scenarioName: string;
  seed: number;
  durationMs: number;
  engineVersion: string;
  /** Null until the run has results. */
  fingerprint: string | null;
  status: RunStatus;
  source: RunSource;
  sweepId: string | null;
  label: string | null;
  notes: string | null;
  /** ms since the epoch. */
  startedAt: number;
  finishedAt: number | null;
  wallMs: number | null;
  /** Engine events processed, null until the run has results. */
  events: number | null;
  /** Why a failed run failed. */
  error: string | null;
  /** Virtual time a stopped run stopped at, µs. */
  stoppedAtUs: number | null;
  ownerPid: number;
  ownerHost: string;
  /** Trace events stored, and whether the cap cut the log short. */
  eventLogCount: number;
  eventLogTruncated: boolean;
}

/** A run in a list: its row plus the headline numbers of its summary. */
export interface RunListItem extends RunRecord {
  sessionsTotal: number | null;
  sessionsAffected: number | null;
  sessionsFailed: number | null;
  outageP95Ms: number | null;
  /** Its stored summary or scenario cannot be read: listed without numbers. */
  damaged: boolean;
}

/** Filters for listing runs; every one is optional. */
export interface RunFilter {
  /** Scenario name contains this text (case-insensitive for ASCII). */
  scenario?: string;
  status?: RunStatus;
  source?: RunSource;
  sweepId?: string;
  /** Started at or after, ms since the epoch. */
  since?: number;
  /** Started before, ms since the epoch. */
  until?: number;
  /** Newest first; default 50, at most 10 000. */
  limit?: number;
  offset?: number;
}

/** A stored trace event, with its position in the run's log (for paging). */
export interface StoredEvent {
  /** Position in the database (ascending in run order); pass as `afterId` for the next page. */
  id: number;
  tUs: number;
  node: string;
  kind: string;
  session: number;
  detail: Record<string, string | number | boolean>;
}

/** Filters for a run's events. */
export interface EventFilter {
  kind?: string | readonly string[];
  node?: string;
  /** Virtual time range, µs, inclusive. */
  fromUs?: number;
  toUs?: number;
  /** Only events after this id (keyset paging: stable and fast however deep). */
  afterId?: number;
  /** Default 500, at most 10 000. */
  limit?: number;
}

/** A saved scenario design. */
export interface ScenarioRecord {
  id: string;
  name: string;
  json: string;
  createdAt: number;
  updatedAt: number;
}

/** A sweep: many runs of one scenario with varied values. */
export interface SweepRecord {
  id: string;
  specJson: string;
  createdAt: number;
  finishedAt: number | null;
  status: RunStatus;
  ownerPid: number;
  ownerHost: string;
}
