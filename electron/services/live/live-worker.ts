/**
 * The live run's worker thread: owns the Simulation, paces it against the wall clock, posts
 * snapshots at most 20 times a second, answers control messages, and posts the result at the
 * end. The main thread stays free for the window or the WebSocket.
 */
import { parentPort } from 'node:worker_threads';
import { NumberedLog, seekTimeline, seekView, runFaults, Simulation, SnapshotBuilder, sessionTable, Timeline, TimelineCursor, timelineEvery } from '../../../engine/index.ts';
import { Pacer } from './pacing.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const SNAPSHOT_MS = 50;
const TRACE_CAP = 200_000;
/** Log entries a joining window gets (the renderer keeps 5 000). */
const JOIN_LOG = 5000;

const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);

let sim: Simulation | null = null;
let builder: SnapshotBuilder | null = null;
let runId: string | null = null;
let pacer = new Pacer(1);
let state: 'running' | 'paused' | 'ended' = 'paused';
/** How the run ended (a completed run's stored end is its planned end). */
let endedAs: 'completed' | 'stopped' | null = null;
let startedWall = 0;
let lastSnapshot = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
/** The run's event log, each entry with the number of the event that wrote it (time travel shows the log up to a moment). */
const trace = new NumberedLog(TRACE_CAP);
/** World copies taken between slices, for time travel while paused (sim:seek). */
let timeline: Timeline | null = null;
/** The timeline with the copy time travel showed last (a Step goes on from it). */
let cursor: TimelineCursor | null = null;

function snapshot(): void {
  if (!sim || !builder) return;
  lastSnapshot = performance.now();
  post({ type: 'snapshot', snapshot: builder.build(runId, state, pacer.speed, pacer.achieved()) });
}

function schedule(): void {
  if (timer === null && state === 'running') timer = setTimeout(tick, 5);
}

/**
 * Most events one slice may run before the worker looks at its messages again: a few ms of
 * work, however many events one virtual µs holds (100 000 sessions starting together, a flood
 * of flaps), so `stop`, `pause` and questions are answered within a tick.
 */
const SLICE_EVENTS = 20_000;

/**
 * Runs towards `target` (virtual µs) for at most `max` events, one event at a time while any
 * is due, then lets the engine finish the step to `target` (no events left before it: only the
 * clock moves). Same events in the same order as one `runUntil(target)`: the run does not
 * depend on the slicing.
 */
function advance(s: Simulation, target: number, max: number): void {
  for (let n = 0; n < max; n++) {
    const next = s.peekUs();
    if (next > target || next > s.endUs) {
      s.runUntil(target);
      return;
    }
    s.step();
  }
}

function tick(): void {
  timer = null;
  if (!sim || state !== 'running') return;
  try {
    const t0 = performance.now();
    let t1 = t0;
    // At "max" keep running chunks until the tick's budget is used; paced, one target per tick.
    do {
      const s = performance.now();
      advance(sim, pacer.target(s, sim.nowUs), SLICE_EVENTS);
      timeline?.record(sim);
      t1 = performance.now();
      pacer.done(s, t1, sim.nowUs);
    } while (pacer.speed === 'max' && !sim.done && t1 - t0 < pacer.budgetMs);
    if (sim.done) return finish('completed');
    if (t1 - lastSnapshot >= SNAPSHOT_MS) snapshot();
  } catch (e) {
    state = 'ended';
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e), wallMs: performance.now() - startedWall });
    return;
  }
  schedule();
}

function finish(status: 'completed' | 'stopped'): void {
  if (!sim) return;
  state = 'ended';
  endedAs = status;
  snapshot();
  const result = sim.result();
  post({ type: 'ended', status, result, trace: trace.events, traceSeen: trace.seen, wallMs: performance.now() - startedWall, stoppedAtUs: sim.nowUs });
}

function handle(m: ToWorker): void {
  switch (m.type) {
    case 'start': {
      runId = m.runId;
      let b: SnapshotBuilder | null = null;
      // Seeks restore copies of this run: it runs on objects of their shape (Simulation.forCopies).
      sim = Simulation.forCopies(m.scenario, {
        ...(m.seed !== undefined ? { seed: m.seed } : {}),
        trace: (e) => {
          trace.push(e, sim?.w.events ?? 0);
          b?.onTrace(e);
        },
      });
      builder = b = new SnapshotBuilder(sim);
      const every = timelineEvery(m.scenario);
      timeline = new Timeline({ everyEvents: every });
      timeline.record(sim);
      cursor = new TimelineCursor(timeline, every);
      pacer = new Pacer(m.speed);
      startedWall = performance.now();
      pacer.anchor(startedWall, 0);
      state = m.paused ? 'paused' : 'running';
      snapshot();
      schedule();
      return;
    }
    case 'pause':
      if (state === 'running') state = 'paused';
      snapshot();
      return;
    case 'resume':
      if (state === 'paused' && sim) {
        state = 'running';
        pacer.anchor(performance.now(), sim.nowUs);
        schedule();
      }
      return;
    case 'step':
      if (sim && state === 'paused') {
        for (let i = 0; i < m.events && sim.step(); i++);
        timeline?.record(sim);
        if (sim.done) return finish('completed');
        snapshot();
      }
      return;
    case 'speed':
      pacer.speed = m.speed;
      if (sim) pacer.anchor(performance.now(), sim.nowUs);
      return;
    case 'stop':
      if (sim && state !== 'ended') finish('stopped');
      return;
    case 'inject': {
      if (!sim || state === 'ended') return post({ type: 'reply', id: m.id, ok: false, message: 'no run is live' });
      const r = sim.inject(m.fault);
      // Older copies do not have this fault pending: a seek past it starts from this one.
      if (r.ok) {
        timeline?.record(sim, true);
        cursor?.forget();
      }
      return post(r.ok ? { type: 'reply', id: m.id, ok: true, value: { atMs: r.atMs } } : { type: 'reply', id: m.id, ok: false, message: r.message });
    }
    case 'sessions':
      return post({ type: 'reply', id: m.id, ok: true, value: sim ? sessionTable(sim, m.router, m.limit) : [] });
    case 'state': {
      if (!sim || !builder) return post({ type: 'reply', id: m.id, ok: true, value: null });
      // A window joining mid-run gets the log so far too (as much as a window keeps), not only
      // what happens from now on: every window sees the whole run.
      const full = builder.build(runId, state, pacer.speed, pacer.achieved(), true);
      const log = trace.events.slice(-JOIN_LOG);
      return post({ type: 'reply', id: m.id, ok: true, value: { ...full, log, logDropped: trace.seen - log.length } });
    }
    case 'seek':
      return seek(m);
  }
}

/**
 * Time travel: the run as it was at a moment up to where it stands (paused: a running run moves
 * on), or, once it ended, over the whole stored run, answered as a re-run of it answers.
 */
function seek(m: Extract<ToWorker, { type: 'seek' }>): void {
  if (!sim || !cursor) return post({ type: 'reply', id: m.id, ok: false, code: 'conflict', message: 'no run is live' });
  if (state === 'running') return post({ type: 'reply', id: m.id, ok: false, code: 'conflict', message: 'the run is running: pause it to travel back in time' });
  const t0 = performance.now();
  // A completed run ends at its planned end (its clock may have stopped at its last event).
  const extent = { endUs: endedAs === 'completed' ? sim.endUs : sim.nowUs, endEvents: sim.w.events };
  const faults = runFaults(sim);
  const pos = seekTimeline(cursor, m.target, extent, faults);
  const speed = state === 'ended' ? 1 : pacer.speed;
  const view = seekView(pos, { runId, state, speed, extent, faults, log: trace, limit: m.limit, ...(m.router !== undefined ? { router: m.router } : {}) });
  cursor.keep(pos.sim);
  post({ type: 'reply', id: m.id, ok: true, value: { ...view, wallMs: performance.now() - t0 } });
}

port.on('message', handle);
