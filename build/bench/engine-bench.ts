/**
 * Engine benchmarks (issue 2): prints figures and ratios, asserts nothing. Run through
 * `npm run bench`, which bundles this file so it measures what the CLI runs.
 */
import { spawnSync } from 'node:child_process';
import { Simulation } from '../../engine/index.ts';
import { holdLoop } from './hold-heap.ts';
import { meshScenario } from './scenarios.ts';
import { toyDes } from './toy-des.ts';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** One row of figures. */
export interface Figure {
  name: string;
  value: string;
  target?: string;
  ok?: boolean;
}

/** JS heap plus typed-array backing stores (which V8's heapUsed leaves out). */
function memoryUsed(): { heap: number; buffers: number } {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
}

/** Engine event rate at ~pendingTarget pending events vs a bare heap hold loop at that size. */
export function benchEventRate(rounds = 2): Figure[] {
  let engineRate = 0;
  let heapRate = 0;
  let pending = 0;
  for (let round = 0; round < rounds; round++) {
    // 50 000 bidirectional sessions: their 100 000 client and server ticks are pending at any time.
    const sc = meshScenario({ spokes: 50, hubs: 2, sessions: 50_000, ppsPerSession: 2, durationMs: 20_000 });
    const sim = new Simulation(sc);
    sim.runUntil(3_000_000); // warm up: every session open, steady load
    pending = sim.w.queue.size;
    const e0 = sim.w.events;
    const t0 = performance.now();
    sim.runUntil(20_000_000);
    const wall = performance.now() - t0;
    engineRate = Math.max(engineRate, ((sim.w.events - e0) / wall) * 1000);
    holdLoop(pending, 200_000); // warm up the JIT
    heapRate = Math.max(heapRate, holdLoop(pending, 4_000_000).opsPerSec);
  }
  const heap = { opsPerSec: heapRate };
  const ratio = engineRate / heap.opsPerSec;
  return [
    { name: 'engine events/s (steady load)', value: fmt(engineRate) },
    { name: 'pending events during measurement', value: fmt(pending) },
    { name: 'bare binary heap hold loop ops/s (same pending size)', value: fmt(heap.opsPerSec) },
    { name: `ratio engine ÷ bare heap (best of ${rounds} each)`, value: fmt(ratio, 3), target: '≥ 0.6', ok: ratio >= 0.6 },
  ];
}

/** One large run's wall time. */
function loadRound(spokes: number, hubs: number, sessions: number, pps: number, durationMs: number): { wall: number; events: number; sent: number } {
  const sc = meshScenario({ spokes, hubs, sessions, ppsPerSession: pps, durationMs });
  const t0 = performance.now();
  const sim = new Simulation(sc);
  sim.runUntil(sim.endUs);
  const res = sim.result();
  return { wall: performance.now() - t0, events: res.summary.events, sent: res.summary.packets.sent };
}

/**
 * Run by a fresh child process (`bench.mjs --memory-round …`): the memory of a large run once
 * every session has started, bytes per session. In the bench's own process the figure moved by
 * 100 bytes from one run to the next: earlier rounds' garbage (typed-array backing stores freed
 * late by V8's concurrent sweeper) was still counted before the run and gone after it.
 */
export function memoryRound(spokes: number, hubs: number, sessions: number, pps: number): { heapPer: number; buffersPer: number } {
  const before = memoryUsed();
  const sim = new Simulation(meshScenario({ spokes, hubs, sessions, ppsPerSession: pps, durationMs: 60_000 }));
  sim.runUntil(2_000_000); // every session has started (starts are spread over ≤ 1 s)
  const after = memoryUsed();
  // Read after measuring, so the run is reachable while memoryUsed collects.
  if (sim.w.events === 0) throw new Error('the memory round ran nothing');
  return { heapPer: (after.heap - before.heap) / sessions, buffersPer: (after.buffers - before.buffers) / sessions };
}

/**
 * Runs this bench bundle again as a child process in one of its child modes (`--memory-round`,
 * `--fork-jobs`: see main.ts), so that what it measures starts from a fresh process; its stdout.
 */
export function benchChild(mode: string, args: readonly string[], nodeFlags: readonly string[] = []): string {
  const r = spawnSync(process.execPath, [...nodeFlags, process.argv[1]!, mode, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench ${mode} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

function memoryInChild(spokes: number, hubs: number, sessions: number, pps: number): { heapPer: number; buffersPer: number } {
  return JSON.parse(benchChild('--memory-round', [spokes, hubs, sessions, pps].map(String), ['--expose-gc'])) as { heapPer: number; buffersPer: number };
}

/** A large run: virtual ÷ wall time and events/s, best of `rounds` (the machine is shared); bytes per session from a fresh process. */
export function benchLoad(label: string, spokes: number, hubs: number, sessions: number, pps: number, durationMs: number, speedTarget: number, bytesTarget?: number, rounds = 2): Figure[] {
  const first = loadRound(spokes, hubs, sessions, pps, durationMs);
  let wall = first.wall;
  for (let round = 1; round < rounds; round++) wall = Math.min(wall, loadRound(spokes, hubs, sessions, pps, durationMs).wall);
  const mem = memoryInChild(spokes, hubs, sessions, pps);
  const perSession = mem.heapPer + mem.buffersPer;
  const speed = durationMs / wall;
  return [
    { name: `${label}: virtual ÷ wall time (best of ${rounds})`, value: `${fmt(speed, 2)}×`, target: `≥ ${speedTarget}×`, ok: speed >= speedTarget },
    { name: `${label}: events/s`, value: fmt((first.events / wall) * 1000) },
    { name: `${label}: packets sent`, value: fmt(first.sent) },
    {
      name: `${label}: bytes per session (JS heap + typed arrays)`,
      value: `${fmt(mem.heapPer)} + ${fmt(mem.buffersPer)} = ${fmt(perSession)}`,
      ...(bytesTarget ? { target: `≤ ${bytesTarget}`, ok: perSession <= bytesTarget } : {}),
    },
    { name: `${label}: wall time`, value: `${fmt(wall / 1000, 2)} s` },
  ];
}

/**
 * The engine against a quick toy DES of the same traffic (10k sessions × 10 pps, 20 spokes, 2
 * hubs, 20 s of virtual time), side by side in this process, alternating, best of `rounds` each
 * (on this shared machine one round can take half again as long as the next).
 */
export function benchVsToy(rounds = 5): Figure[] {
  let engine = Number.POSITIVE_INFINITY;
  let toy = Number.POSITIVE_INFINITY;
  let toyEvents = 0;
  let engineEvents = 0;
  for (let round = 0; round < rounds; round++) {
    const sc = meshScenario({ spokes: 20, hubs: 2, sessions: 10_000, ppsPerSession: 10, durationMs: 20_000 });
    gc();
    const t0 = performance.now();
    engineEvents = new Simulation(sc).run().summary.events;
    engine = Math.min(engine, performance.now() - t0);
    gc();
    const t = toyDes(10_000, 20, 10, 20_000);
    toy = Math.min(toy, t.wallMs);
    toyEvents = t.events;
  }
  const ratio = toy / engine;
  return [
    { name: 'toy DES, 10k sessions × 10 pps, 20 s (flat heap, Map flows)', value: `${fmt(toy)} ms, ${fmt(toyEvents)} events` },
    { name: 'engine, same traffic', value: `${fmt(engine)} ms, ${fmt(engineEvents)} events` },
    { name: `engine speed ÷ toy speed (wall time, best of ${rounds})`, value: fmt(ratio, 3), target: '≥ 1.5', ok: ratio >= 1.5 },
  ];
}

/**
 * A run past 2^31 µs (35.8 min of virtual time), where times stop fitting V8's small integers
 * and every time computed is a double: its event rate after that (minutes 40-50, past the
 * minute in which V8 adapts its code) ÷ before (minutes 25-35). Past that point each time an
 * object's field stores is boxed anew (router sessions keep theirs in typed arrays, see
 * session-store.ts; application sessions do not). 1 000 sessions × 2 pps over 10 spokes,
 * 50 min, one run.
 */
export function benchLongRun(): Figure[] {
  const sc = meshScenario({ spokes: 10, hubs: 2, sessions: 1_000, ppsPerSession: 2, durationMs: 50 * 60_000 });
  const sim = new Simulation(sc);
  const rate = (fromMin: number, toMin: number): number => {
    sim.runUntil(fromMin * 60_000_000);
    const e0 = sim.w.events;
    const t0 = performance.now();
    sim.runUntil(toMin * 60_000_000);
    return (sim.w.events - e0) / (performance.now() - t0);
  };
  const before = rate(25, 35);
  const after = rate(40, 50);
  return [
    { name: 'long run (50 min): events/s in minutes 25-35', value: fmt(before * 1000) },
    { name: 'long run: events/s in minutes 40-50 (times past 2^31 µs) ÷ 25-35', value: fmt(after / before, 2) },
  ];
}

/** All engine figures. */
export function engineFigures(): Figure[] {
  return [
    ...benchVsToy(),
    ...benchEventRate(),
    ...benchLoad('10k sessions × 10 pps, 20 spokes, 2 hubs, 60 s', 20, 2, 10_000, 10, 60_000, 10),
    ...benchLoad('100k sessions × 1 pps, 1000 spokes, 2 hubs, 60 s', 1000, 2, 100_000, 1, 60_000, 2, 1024),
    ...benchLongRun(),
  ];
}
