/**
 * Database benchmarks (issue: every run a durable record): how fast a finished run is stored,
 * and what a one-hour, 10 000-session run costs. Prints figures, asserts nothing.
 *
 * The one-hour run is SYNTHESISED from a real 60 s run of 10 000 sessions: running the engine
 * for a virtual hour would take minutes, and storing cost depends on row and sample counts, not
 * on how they were produced. Its series are the real ones repeated to 36 000 samples, its
 * checkpoints repeated to 3 600, its trace events repeated (time-shifted) up to the 200 000 cap;
 * sessions and counters are the real ones.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario, Simulation, type RunResult, type TimeSeries, type TraceEvent } from '../../engine/index.ts';
import { getSeries, getSessions, listRuns, openDatabase, type RunDatabase } from '../../electron/services/db/index.ts';
import { EVENT_LOG_CAP, finishRun, startRun, TraceCapture } from '../../electron/services/runs/index.ts';
import type { Figure } from './engine-bench.ts';
import { meshScenario } from './scenarios.ts';

const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** Rows a stored result takes (series count one row per metric). */
function rowsOf(r: RunResult, events: number): number {
  const s = r.series;
  const metrics = 4 + Object.keys(s.controlPps).length + Object.keys(s.linkMbps).length + Object.keys(s.linkUtilPct).length;
  const counters = Object.values(r.summary.counters).reduce((n, c) => n + Object.keys(c).length, 0);
  return 1 + r.sessions.length + counters + metrics + r.checkpoints.length + r.faultLog.length + events;
}

/** A real 60 s run: 10 000 sessions at 0.2 pps over 20 spokes, a hub losing its sessions. */
function realRun(): { result: RunResult; trace: TraceCapture; scenario: ReturnType<typeof meshScenario> } {
  const base = meshScenario({ spokes: 20, hubs: 2, sessions: 10_000, ppsPerSession: 0.2, durationMs: 60_000 });
  const parsed = parseScenario({ ...base, faults: [{ atMs: 20_000, type: 'session-loss', node: 'hub1', fraction: 1 }] });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  const trace = new TraceCapture();
  const result = new Simulation(parsed.scenario, { trace: trace.push }).run();
  return { result, trace, scenario: parsed.scenario };
}

function repeat(values: readonly number[], n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = values[i % values.length]!;
  return out;
}

/** Scales a 60 s result up to one hour (see the file comment). */
function oneHour(r: RunResult, trace: readonly TraceEvent[]): { result: RunResult; events: TraceEvent[] } {
  const samples = 36_000;
  const s = r.series;
  const group = (g: Record<string, number[]>) => Object.fromEntries(Object.entries(g).map(([k, v]) => [k, repeat(v, samples)]));
  const series: TimeSeries = {
    tMs: Array.from({ length: samples }, (_, i) => (i + 1) * 100),
    activeSessions: repeat(s.activeSessions, samples),
    sessionsInOutage: repeat(s.sessionsInOutage, samples),
    deliveredPps: repeat(s.deliveredPps, samples),
    lostPps: repeat(s.lostPps, samples),
    controlPps: group(s.controlPps),
    linkMbps: group(s.linkMbps),
    linkUtilPct: group(s.linkUtilPct),
  };
  const checkpoints = Array.from({ length: 3600 }, (_, i) => ({ ...r.checkpoints[i % r.checkpoints.length]!, tMs: (i + 1) * 1000 }));
  const events: TraceEvent[] = [];
  for (let k = 0; events.length < EVENT_LOG_CAP; k++) for (const e of trace) if (events.length < EVENT_LOG_CAP) events.push({ ...e, tUs: e.tUs + k * 60_000_000 });
  return { result: { ...r, series, checkpoints, summary: { ...r.summary, durationMs: 3_600_000 } }, events };
}

/**
 * Stores `result` as a CLI run would (row first, results in one transaction). Returns wall ms
 * and this process's CPU ms for the results: on a busy machine the wall figure swings with
 * other load, the CPU figure much less.
 */
function timeStore(db: RunDatabase, scenario: ReturnType<typeof meshScenario>, result: RunResult, events: TraceCapture | readonly TraceEvent[]): { wall: number; cpu: number } {
  const id = startRun(db, { scenario, source: 'cli' });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  finishRun(db, id, result, events, 0);
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** All database figures. */
export function dbFigures(): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'srlab-db-bench-'));
  try {
    const { result, trace, scenario } = realRun();
    const db = openDatabase(join(dir, 'bench.db'));
    timeStore(db, scenario, result, trace); // warm-up: statements prepared, file grown
    const rows = rowsOf(result, trace.events.length);
    const { wall: ms, cpu } = timeStore(db, scenario, result, trace);
    const rate = (rows / ms) * 1000;
    const cpuRate = (rows / cpu) * 1000;
    const hour = oneHour(result, trace.events);
    const hourRows = rowsOf(hour.result, hour.events.length);
    const hourMs = timeStore(db, scenario, hour.result, hour.events).wall;
    const [latest] = listRuns(db, { limit: 1 });
    let t = performance.now();
    getSeries(db, latest!.id);
    const seriesMs = performance.now() - t;
    t = performance.now();
    getSessions(db, latest!.id, { limit: 100 });
    const worstMs = performance.now() - t;
    db.close();
    const mb = statSync(join(dir, 'bench.db')).size / 1e6;
    t = performance.now();
    openDatabase(join(dir, 'bench.db')).close();
    const openMs = performance.now() - t;
    return [
      { name: `store a 60 s, 10k-session run (${fmt(rows)} rows, ${fmt(trace.events.length)} events)`, value: `${fmt(ms)} ms` },
      { name: 'rows stored per second (wall time)', value: fmt(rate), target: '≥ 250,000', ok: rate >= 250_000 },
      { name: 'rows stored per second of CPU time (less sensitive to other load)', value: fmt(cpuRate) },
      { name: `store a one-hour 10k-session run (synthesised; ${fmt(hourRows)} rows)`, value: `${fmt(hourMs / 1000, 2)} s`, target: '≤ 5 s', ok: hourMs <= 5000 },
      { name: 'read back its time series (36 000 samples per metric)', value: `${fmt(seriesMs)} ms` },
      { name: 'read back its 100 worst sessions', value: `${fmt(worstMs, 1)} ms` },
      { name: `open with the quick check (${fmt(mb, 1)} MB file)`, value: `${fmt(openMs)} ms` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
