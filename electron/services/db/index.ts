/**
 * The runs database (Node only; never imports electron, and neither engine/ nor renderer/
 * import this). Open it with {@link openDatabase}; every query is a function of a repository
 * module taking the RunDatabase.
 */
export { openDatabase, type OpenOptions } from './open.ts';
export type { RunDatabase } from './database.ts';
export { DbError } from './errors.ts';
export { defaultDbPath } from './default-path.ts';
export { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations/index.ts';
export { FOREIGN_HOST_STALE_MS, ownerIsGone } from './recovery.ts';
export * from './rows.ts';
export { getRun } from './run-detail.ts';
export { countRuns, deleteRun, listRuns, updateRunNotes } from './repos/runs.ts';
export { countCounters, getCheckpoints, getCounters, getFaultLog, getSeries, getSeriesMetric } from './repos/run-results.ts';
export { countSessions, getSessions } from './repos/run-sessions.ts';
export { countEvents, countEventsByKind, getEvents } from './repos/run-events.ts';
export { deleteScenario, getScenario, listScenarios, saveScenario } from './repos/scenarios.ts';
export { getSweep, insertSweep, setSweepEnded } from './repos/sweeps.ts';
