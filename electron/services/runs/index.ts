/** Stored runs: start, finish, stop, fail, replay; read back as the contract shows them; compared; exported. */
export { failRun, finishRun, recordLiveFault, startRun, stopRun } from './store-run.ts';
export { replayRun, type ReplayOutcome } from './replay-run.ts';
export { EVENT_LOG_CAP, TraceCapture } from './trace-capture.ts';
export { newRunId } from './ids.ts';
export { compareStored, listedRow, loadDetails, loadRunDetail } from './stored-runs.ts';
export { exportRuns } from './export-runs.ts';
