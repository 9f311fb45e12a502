/**
 * Replay: re-runs a stored run from what the database holds — the scenario snapshot (which has
 * the scheduled faults), seed, duration and the LIVE faults of the fault log — and checks the
 * fingerprint. Scheduled faults are not passed again: the engine schedules them from the
 * scenario, and passing them as live faults too would apply them twice.
 */
import { ENGINE_VERSION, parseScenario, Simulation, type RunResult } from '../../../engine/index.ts';
import type { RunDatabase } from '../db/database.ts';
import { getCheckpoints, getFaultLog } from '../db/repos/run-results.ts';
import { getRunRow } from '../db/repos/runs.ts';

/** A replay that ran. */
export interface ReplayOutcome {
  ok: true;
  runId: string;
  scenario: string;
  seed: number;
  durationMs: number;
  originalFingerprint: string;
  replayFingerprint: string;
  match: boolean;
  /** Virtual time of the first stored checkpoint the replay disagrees with, or null. */
  firstDifferenceAtMs: number | null;
  liveFaults: number;
  engineVersion: { stored: string; current: string };
  wallMs: number;
  result: RunResult;
}

/** Why a run could not be replayed. */
export interface ReplayRefusal {
  ok: false;
  reason: 'unknown-run' | 'no-result' | 'invalid-scenario';
  message: string;
}

/** Re-runs stored run `runId`; `clock` times the replay (wall ms). */
export function replayRun(db: RunDatabase, runId: string, clock: () => number = () => performance.now()): ReplayOutcome | ReplayRefusal {
  const row = getRunRow(db, runId);
  if (row === undefined) return { ok: false, reason: 'unknown-run', message: `there is no run ${runId} in ${db.file}` };
  if (row.fingerprint === null) {
    return { ok: false, reason: 'no-result', message: `run ${runId} in ${db.file} is ${row.status} and has no results to compare with` };
  }
  const parsed = parseScenario(JSON.parse(row.scenarioJson) as unknown);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    return { ok: false, reason: 'invalid-scenario', message: `the scenario stored with run ${runId} no longer loads (${first ? `${first.path}: ${first.message}` : 'invalid'})` };
  }
  const liveFaults = getFaultLog(db, runId)
    .filter((e) => e.source === 'live')
    .map((e) => ({ atMs: e.atMs, fault: e.fault }));
  const started = clock();
  const sim = new Simulation(parsed.scenario, { seed: row.seed, durationMs: row.durationMs, liveFaults });
  if (row.stoppedAtUs !== null) sim.runToStop(row.events ?? Number.POSITIVE_INFINITY, row.stoppedAtUs);
  const result = row.stoppedAtUs !== null ? sim.result() : sim.run();
  const wallMs = clock() - started;
  const replayFingerprint = result.summary.fingerprint;
  return {
    ok: true,
    runId,
    scenario: row.scenarioName,
    seed: row.seed,
    durationMs: row.durationMs,
    originalFingerprint: row.fingerprint,
    replayFingerprint,
    match: replayFingerprint === row.fingerprint,
    firstDifferenceAtMs: firstDifference(getCheckpoints(db, runId), result.checkpoints, replayFingerprint !== row.fingerprint, row.durationMs),
    liveFaults: liveFaults.length,
    engineVersion: { stored: row.engineVersion, current: ENGINE_VERSION },
    wallMs,
    result,
  };
}

/** The first stored checkpoint the replay disagrees with; the end when only the end differs. */
function firstDifference(stored: readonly { tMs: number; fingerprint: string }[], replayed: readonly { tMs: number; fingerprint: string }[], differs: boolean, endMs: number): number | null {
  const byTime = new Map(replayed.map((c) => [c.tMs, c.fingerprint]));
  for (const c of stored) if (byTime.get(c.tMs) !== c.fingerprint) return c.tMs;
  return differs ? endMs : null;
}
