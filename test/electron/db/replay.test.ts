import { describe, expect, it } from 'vitest';
import { getFaultLog } from '../../../electron/services/db/index.ts';
import { replayRun, startRun, stopRun } from '../../../electron/services/runs/index.ts';
import { compareStored, loadDetails } from '../../../electron/services/runs/stored-runs.ts';
import { Simulation } from '../../../engine/index.ts';
import { freshDb, loadScenario, storeRun } from './helpers.ts';

describe('replayRun', () => {
  it('reproduces the fingerprint of a run without live faults', () => {
    const db = freshDb();
    const { runId, result } = storeRun(db, loadScenario(), { seed: 5, durationMs: 12_000 });
    const r = replayRun(db, runId);
    expect(r).toMatchObject({ ok: true, match: true, liveFaults: 0, originalFingerprint: result.summary.fingerprint, replayFingerprint: result.summary.fingerprint, seed: 5, durationMs: 12_000 });
  });

  it('reproduces a run with a fault injected live, re-applying it at its time', () => {
    const db = freshDb();
    const { runId, result } = storeRun(db, loadScenario(), { inject: { type: 'link-down', link: 'wan1', durationMs: 1500, atMs: 0 }, injectAtUs: 3_200_000 });
    const withoutLive = new Simulation(loadScenario()).run();
    expect(result.summary.fingerprint).not.toBe(withoutLive.summary.fingerprint);
    const r = replayRun(db, runId);
    expect(r).toMatchObject({ ok: true, match: true, liveFaults: 1, firstDifferenceAtMs: null });
  });

  it('applies scheduled faults once: they come from the scenario snapshot only', () => {
    const db = freshDb();
    const { runId } = storeRun(db, loadScenario(), { inject: { type: 'session-loss', node: 'hub1', fraction: 1, atMs: 0 }, injectAtUs: 4_000_000 });
    expect(getFaultLog(db, runId).map((e) => e.source)).toEqual(['scheduled', 'live']);
    const r = replayRun(db, runId);
    if (!r.ok) throw new Error(r.message);
    expect(r.result.faultLog).toEqual(getFaultLog(db, runId));
    expect(r.match).toBe(true);
  });

  it('reports a mismatch and the first checkpoint that differs', () => {
    const db = freshDb();
    const { runId, result } = storeRun(db);
    db.sqlite.prepare(`UPDATE runs SET fingerprint = '0000000000000000' WHERE id = ?`).run(runId);
    db.sqlite.prepare(`UPDATE run_checkpoints SET fingerprint = 'x' WHERE run_id = ? AND t_ms >= 7000`).run(runId);
    const r = replayRun(db, runId);
    expect(r).toMatchObject({ ok: true, match: false, firstDifferenceAtMs: 7000, replayFingerprint: result.summary.fingerprint });
  });

  it('replays a stopped run up to where it stopped', () => {
    const db = freshDb();
    const scenario = loadScenario();
    const id = startRun(db, { scenario, source: 'app' });
    const sim = new Simulation(scenario);
    sim.runUntil(9_500_000);
    stopRun(db, id, { result: sim.result(), trace: [], wallMs: 1, stoppedAtUs: sim.nowUs });
    expect(replayRun(db, id)).toMatchObject({ ok: true, match: true });
  });

  it('replays a run stopped between two events of one microsecond up to the first of them', () => {
    const db = freshDb();
    const scenario = loadScenario();
    const id = startRun(db, { scenario, source: 'app' });
    const sim = new Simulation(scenario);
    // Stop (as a slice or a step can) with the next event due at the same µs.
    while (sim.step() && !(sim.w.events > 1000 && sim.peekUs() === sim.nowUs));
    expect(sim.peekUs()).toBe(sim.nowUs);
    stopRun(db, id, { result: sim.result(), trace: [], wallMs: 1, stoppedAtUs: sim.nowUs });
    const r = replayRun(db, id);
    expect(r).toMatchObject({ ok: true, match: true });
    if (r.ok) expect(r.result.summary.events).toBe(sim.w.events);
  });

  it('compares a stopped run with the whole run of the same lab as the same up to where it stopped, not as identical', () => {
    const db = freshDb();
    const scenario = loadScenario();
    const { runId: whole } = storeRun(db, scenario);
    const stopped = startRun(db, { scenario, source: 'app' });
    const sim = new Simulation(scenario);
    sim.runUntil(6_250_000);
    stopRun(db, stopped, { result: sim.result(), trace: [], wallMs: 1, stoppedAtUs: sim.nowUs });
    const details = loadDetails(db, [whole, stopped]);
    if (typeof details === 'string') throw new Error(details);
    const c = compareStored(details);
    if (typeof c === 'string') throw new Error(c);
    // The whole run goes on; the stopped one has nothing past its stop.
    expect(c.divergence?.[stopped]).toMatchObject({ kind: 'diverged', eventIndex: sim.w.events, b: null });
    const d = c.divergence?.[stopped];
    if (d?.kind === 'diverged') expect(d.a!.tMs).toBeGreaterThanOrEqual(6250);
  });

  it('refuses an unknown run id, naming it and the database', () => {
    const db = freshDb();
    expect(replayRun(db, 'no-such-run')).toEqual({ ok: false, reason: 'unknown-run', message: `there is no run no-such-run in ${db.file}` });
  });

  it('refuses a run that has no results', () => {
    const db = freshDb();
    const id = startRun(db, { scenario: loadScenario(), source: 'cli' });
    expect(replayRun(db, id)).toMatchObject({ ok: false, reason: 'no-result' });
  });
});
