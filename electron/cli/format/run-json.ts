/** The `run --json` object of spec/cli.md. */
import type { RunSummary, SessionOutcome } from '../../../engine/index.ts';

/** The `run --json` object: the run summary plus the host's fields, in the order cli.md shows. */
export interface RunJson {
  runId: string | null;
  scenario: string;
  seed: number;
  durationMs: number;
  engineVersion: string;
  fingerprint: string;
  sessions: RunSummary['sessions'];
  packets: RunSummary['packets'];
  control: RunSummary['control'];
  exposure: RunSummary['exposure'];
  counters: RunSummary['counters'];
  wallMs: number;
  events: number;
  /** With `--session-outcomes` only. */
  sessionOutcomes?: SessionOutcome[];
}

/** Builds the object key by key, so the printed order is cli.md's whatever order the summary has. */
export function runJson(summary: RunSummary, wallMs: number, runId: string | null, sessions?: readonly SessionOutcome[]): RunJson {
  const out: RunJson = {
    runId,
    scenario: summary.scenario,
    seed: summary.seed,
    durationMs: summary.durationMs,
    engineVersion: summary.engineVersion,
    fingerprint: summary.fingerprint,
    sessions: summary.sessions,
    packets: summary.packets,
    control: summary.control,
    exposure: summary.exposure,
    counters: summary.counters,
    wallMs: Math.round(wallMs * 10) / 10,
    events: summary.events,
  };
  if (sessions !== undefined) out.sessionOutcomes = [...sessions];
  return out;
}
