/**
 * Time travel (issue 10): seeking a stored run as the lab does it — `runs:seek` through the seek
 * service and its worker thread (the bundled worker `srlab lab` starts), from the request to
 * the answer ready to draw (snapshot, sessions tables, log, the event in words). Two runs: a
 * 60 s template and the 10k-session bench run (10 pps a session, 20 spokes, 2 hubs, 60 s, the
 * hub losing its sessions at 30 s). The first seek re-runs the run (reported apart); then
 * random moments and Step back, best and median of several. Prints; never asserted in tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario, Simulation, type Scenario, type SeekTarget } from '../../engine/index.ts';
import { openDatabase, type RunDatabase } from '../../electron/services/db/index.ts';
import { finishRun, startRun, TraceCapture } from '../../electron/services/runs/index.ts';
import { SeekService } from '../../electron/services/timetravel/seek-service.ts';
import type { Figure } from './engine-bench.ts';
import { meshScenario } from './scenarios.ts';

const root = process.env['SRLAB_ROOT'] ?? process.cwd();
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** Runs `scenario` and stores it (as the lab stores a finished run); returns its id. */
function store(db: RunDatabase, scenario: Scenario): string {
  const id = startRun(db, { scenario, source: 'cli' });
  const trace = new TraceCapture();
  const t0 = performance.now();
  const result = new Simulation(scenario, { trace: trace.push }).run();
  finishRun(db, id, result, trace, performance.now() - t0);
  return id;
}

/** A small deterministic generator for the random targets (the bench is repeatable). */
function targets(seed: number, n: number, endMs: number): number[] {
  let x = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(Math.round((x / 2 ** 32) * endMs * 1000));
  }
  return out;
}

async function timed(seek: SeekService, runId: string, target: SeekTarget): Promise<{ ms: number; events: number }> {
  const t0 = performance.now();
  const r = await seek.seek({ runId, target, limit: 200 });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`runs:seek failed: ${r.error.message}`);
  return { ms, events: r.value.snapshot.events };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function figuresFor(label: string, seek: SeekService, runId: string, endMs: number, n: number, targetMs: number): Promise<Figure[]> {
  const first = await timed(seek, runId, { tUs: 0 });
  const moments: number[] = [];
  for (const tUs of targets(7, n, endMs)) moments.push((await timed(seek, runId, { tUs })).ms);
  const steps: number[] = [];
  const again: number[] = [];
  const forward: number[] = [];
  for (const tUs of targets(11, Math.max(3, Math.floor(n / 2)), endMs)) {
    let at = await timed(seek, runId, { tUs });
    const first = await timed(seek, runId, { step: 'back', from: at.events });
    steps.push(first.ms);
    at = first;
    for (let i = 0; i < 3; i++) {
      at = await timed(seek, runId, { step: 'back', from: at.events });
      again.push(at.ms);
    }
    forward.push((await timed(seek, runId, { step: 'forward', from: at.events })).ms);
  }
  const best = Math.min(...moments);
  const worst = Math.max(...moments);
  return [
    { name: `${label}: first seek (re-runs the stored run, keeps world copies)`, value: `${fmt(first.ms)} ms` },
    { name: `${label}: seek to a random moment, best / median of ${n}`, value: `${fmt(best)} / ${fmt(median(moments))} ms` },
    // "Any moment": the target holds for the slowest of them.
    { name: `${label}: seek to a random moment, worst of ${n}`, value: `${fmt(worst)} ms`, target: `≤ ${fmt(targetMs)} ms`, ok: worst <= targetMs },
    { name: `${label}: Step back (one event) at a new moment, median of ${steps.length}`, value: `${fmt(median(steps))} ms` },
    { name: `${label}: Step back again, median of ${again.length}`, value: `${fmt(median(again))} ms` },
    { name: `${label}: Step (forward), median of ${forward.length}`, value: `${fmt(median(forward))} ms` },
  ];
}

/** Seek figures for a 60 s template run and the 10k-session bench run. */
export async function seekFigures(): Promise<Figure[]> {
  // The lab's own bundled worker (what `srlab lab` runs): build the CLI bundle if stale, then use it.
  const built = spawnSync(process.execPath, [join(root, 'electron/cli/srlab.mjs'), '--version'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`srlab --version failed: ${built.stderr}`);
  process.env['SRLAB_BUNDLED'] = '1';
  const dir = mkdtempSync(join(tmpdir(), 'srlab-seek-bench-'));
  const db = openDatabase(join(dir, 'runs.db'));
  const seek = new SeekService(db);
  try {
    const tpl = parseScenario(JSON.parse(readFileSync(join(root, 'assets/scenarios/01-spoke-and-hub-session-loss-packet-based.srlab.json'), 'utf8')) as unknown);
    if (!tpl.ok) throw new Error('template 01 does not load');
    const mesh = meshScenario({ spokes: 20, hubs: 2, sessions: 10_000, ppsPerSession: 10, durationMs: 60_000 });
    const big: Scenario = { ...mesh, faults: [{ type: 'session-loss', node: 'hub1', fraction: 1, atMs: 30_000 }] };
    const small = store(db, tpl.scenario);
    const large = store(db, big);
    return [...(await figuresFor('template 01 (60 s)', seek, small, tpl.scenario.durationMs, 20, 200)), ...(await figuresFor('10k sessions × 10 pps, 60 s', seek, large, big.durationMs, 8, 2000))];
  } finally {
    await seek.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
    delete process.env['SRLAB_BUNDLED'];
  }
}
