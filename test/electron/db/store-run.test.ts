import { describe, expect, it } from 'vitest';
import { COUNTER_PATHS, Simulation } from '../../../engine/index.ts';
import {
  countCounters,
  countEvents,
  countEventsByKind,
  countSessions,
  deleteRun,
  getCheckpoints,
  getCounters,
  getEvents,
  getFaultLog,
  getRun,
  getSeries,
  getSeriesMetric,
  getSessions,
  type RunDatabase,
  type StoredEvent,
} from '../../../electron/services/db/index.ts';
import { failRun, finishRun, recordLiveFault, startRun, stopRun, TraceCapture } from '../../../electron/services/runs/index.ts';
import { freshDb, loadScenario, storeRun } from './helpers.ts';

/** Every stored event of a run, paged through 7 at a time. */
function allEvents(db: RunDatabase, runId: string): StoredEvent[] {
  const out: StoredEvent[] = [];
  for (;;) {
    const page = getEvents(db, runId, { limit: 7, afterId: out[out.length - 1]?.id });
    if (page.length === 0) return out;
    out.push(...page);
  }
}

describe('a stored run', () => {
  const db = freshDb();
  const { runId, result, trace } = storeRun(db, loadScenario(), { inject: { type: 'session-loss', node: 'hub1', fraction: 1, atMs: 0 }, injectAtUs: 4_000_000 });

  it('is completed with the engine summary, counters included', () => {
    const run = getRun(db, runId)!;
    expect(run).toMatchObject({ status: 'completed', fingerprint: result.summary.fingerprint, events: result.summary.events, wallMs: 42, source: 'cli' });
    expect(run.summary).toEqual(result.summary);
    expect(Object.keys(run.summary!)).toEqual(Object.keys(result.summary));
  });

  it('has every session outcome', () => {
    expect(getSessions(db, runId, { order: 'id' })).toEqual(result.sessions);
  });

  it('has every counter of every router, zeros included, in order', () => {
    const counters = getCounters(db, runId);
    expect(counters).toEqual(result.summary.counters);
    expect(Object.keys(counters)).toEqual(Object.keys(result.summary.counters));
    expect(countCounters(db, runId)).toBe(Object.keys(counters).length * COUNTER_PATHS.length);
  });

  it('has the time series exactly, the time axis rebuilt', () => {
    expect(getSeries(db, runId)).toEqual(result.series);
    expect(getSeriesMetric(db, runId, 'linkMbps/wan1')).toEqual(result.series.linkMbps['wan1']);
  });

  it('has the fingerprint checkpoints', () => {
    expect(getCheckpoints(db, runId)).toEqual(result.checkpoints);
  });

  it('has the fault log, scheduled and live, in log order', () => {
    expect(getFaultLog(db, runId)).toEqual(result.faultLog);
    expect(result.faultLog.map((e) => e.source)).toEqual(['scheduled', 'live']);
  });

  it('has the trace events in run order', () => {
    const events = allEvents(db, runId);
    expect(events.map(({ id: _id, ...e }) => e)).toEqual(trace.events);
    expect(getRun(db, runId)).toMatchObject({ eventLogCount: trace.events.length, eventLogTruncated: false });
  });

  it('filters events by kind, node and time range', () => {
    const losses = getEvents(db, runId, { kind: 'session-loss' });
    expect(losses.map((e) => e.tUs)).toEqual([4_000_000, 8_000_000]);
    expect(getEvents(db, runId, { kind: ['session-loss', 'enable-metadata-sent'], node: 'hub1', fromUs: 5_000_000, toUs: 9_000_000 }).map((e) => e.kind)).toContain('session-loss');
    for (const e of getEvents(db, runId, { fromUs: 5_000_000, toUs: 9_000_000 })) expect(e.tUs).toBeGreaterThanOrEqual(5_000_000);
    const byKind = countEventsByKind(db, runId);
    expect(byKind.reduce((n, k) => n + k.count, 0)).toBe(trace.events.length);
  });

  it('lists sessions worst outage first, with a limit', () => {
    const worst = getSessions(db, runId, { limit: 2 });
    expect(worst).toHaveLength(2);
    const expected = [...result.sessions].sort((a, b) => b.outageMaxMs - a.outageMaxMs || b.outageTotalMs - a.outageTotalMs || a.id - b.id).slice(0, 2);
    expect(worst).toEqual(expected);
  });

  it('is deleted with everything stored with it', () => {
    const other = storeRun(db);
    expect(deleteRun(db, other.runId)).toBe(true);
    expect(getRun(db, other.runId)).toBeUndefined();
    expect([countSessions(db, other.runId), countCounters(db, other.runId), countEvents(db, other.runId)]).toEqual([0, 0, 0]);
    expect(getCheckpoints(db, other.runId)).toEqual([]);
    expect(getFaultLog(db, other.runId)).toEqual([]);
    expect(getSeries(db, other.runId)).toBeUndefined();
    expect(countSessions(db, runId)).toBe(result.sessions.length);
  });
});

describe('storing a run', () => {
  it('commits the running row before the engine starts', () => {
    const db = freshDb();
    const id = startRun(db, { scenario: loadScenario(), seed: 9, durationMs: 5000, source: 'app' });
    const run = getRun(db, id)!;
    expect(run).toMatchObject({ status: 'running', seed: 9, durationMs: 5000, fingerprint: null, summary: null, ownerPid: process.pid });
    expect(run.scenario).toMatchObject({ seed: 9, durationMs: 5000 });
    expect(db.sqlite.inTransaction).toBe(false);
  });

  it('keeps live faults injected while running, so an interrupted run still has them', () => {
    const db = freshDb();
    const id = startRun(db, { scenario: loadScenario(), source: 'app' });
    recordLiveFault(db, id, { atMs: 1234, fault: { type: 'session-loss', node: 'hub1', fraction: 0.5, atMs: 1234 } });
    expect(getFaultLog(db, id).map((e) => [e.source, e.atMs])).toEqual([
      ['scheduled', 8000],
      ['live', 1234],
    ]);
  });

  it('marks the event log truncated past the cap, keeping the first events', () => {
    const db = freshDb();
    const { runId, trace } = storeRun(db, loadScenario(), { traceCap: 5 });
    expect(trace.seen).toBeGreaterThan(5);
    expect(getRun(db, runId)).toMatchObject({ eventLogCount: 5, eventLogTruncated: true });
    expect(getEvents(db, runId).map(({ id: _id, ...e }) => e)).toEqual(trace.events);
  });

  it('stores nothing of the results when the run is no longer running (one transaction)', () => {
    const db = freshDb();
    const id = startRun(db, { scenario: loadScenario(), source: 'cli' });
    failRun(db, id, 'engine exploded');
    const result = new Simulation(loadScenario()).run();
    expect(() => finishRun(db, id, result, new TraceCapture(), 1)).toThrow(/is failed, not running/);
    expect([countSessions(db, id), countCounters(db, id)]).toEqual([0, 0]);
    expect(getRun(db, id)).toMatchObject({ status: 'failed', error: 'engine exploded', summary: null });
  });

  it('stores a stopped run with its partial results and where it stopped', () => {
    const db = freshDb();
    const scenario = loadScenario();
    const id = startRun(db, { scenario, source: 'app' });
    const sim = new Simulation(scenario);
    sim.runUntil(6_000_000);
    stopRun(db, id, { result: sim.result(), trace: [], wallMs: 3, stoppedAtUs: sim.nowUs });
    expect(getRun(db, id)).toMatchObject({ status: 'stopped', stoppedAtUs: 6_000_000, fingerprint: sim.result().summary.fingerprint });
  });

  it('stops a run without results', () => {
    const db = freshDb();
    const id = startRun(db, { scenario: loadScenario(), source: 'app' });
    stopRun(db, id);
    expect(getRun(db, id)).toMatchObject({ status: 'stopped', fingerprint: null });
  });
});
