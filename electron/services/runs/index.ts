/** Stored runs: start, finish, stop, fail and replay (the CLI now, the app later). */
export { failRun, finishRun, recordLiveFault, startRun, stopRun, type StartRunInput, type TraceInput } from './store-run.ts';
export { replayRun, type ReplayOutcome, type ReplayRefusal } from './replay-run.ts';
export { EVENT_LOG_CAP, TraceCapture } from './trace-capture.ts';
export { newRunId } from './ids.ts';
