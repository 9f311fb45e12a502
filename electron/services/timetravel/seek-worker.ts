/**
 * The stored-run seek worker: re-runs a stored run from its scenario, seed and fault log once,
 * keeping world copies along the way (a Timeline) and the event log with event numbers, then
 * answers seeks from them. The two runs used most recently stay cached.
 */
import { NumberedLog, parseScenario, runFaults, seekTimeline, seekView, Simulation, Timeline, TimelineCursor, timelineEvery, type SeekExtent, type SeekFault } from '../../../engine/index.ts';
import { err } from '../api/results.ts';
import { serveRequests } from '../request-pool.ts';
import type { SeekCall, SeekProgress, SeekResult, StoredRunInputs } from './protocol.ts';

/** One stored run, ready to travel. */
interface Travel {
  timeline: TimelineCursor;
  log: NumberedLog;
  faults: SeekFault[];
  extent: SeekExtent;
}

const CACHED_RUNS = 2;
const cache = new Map<string, Travel>();

/** How often the re-run says how far it has got, ms of wall time. */
const PROGRESS_MS = 200;

/** Re-runs the stored run to where it ended, recording copies; tells `progress` how far it has got. */
function build(run: StoredRunInputs, progress: (p: SeekProgress) => void): Travel | string {
  const parsed = parseScenario(JSON.parse(run.scenarioJson) as unknown);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    return `the scenario stored with run ${run.runId} no longer loads (${first ? `${first.path}: ${first.message}` : 'invalid'})`;
  }
  const log = new NumberedLog();
  let sim: Simulation | null = null;
  // Seeks restore copies of this run: it runs on objects of their shape (Simulation.forCopies).
  sim = Simulation.forCopies(parsed.scenario, { seed: run.seed, durationMs: run.durationMs, liveFaults: run.liveFaults, trace: (e) => log.push(e, sim?.w.events ?? 0) });
  const every = timelineEvery(parsed.scenario);
  const timeline = new Timeline({ everyEvents: every });
  timeline.record(sim);
  const endUs = run.stoppedAtUs ?? sim.endUs;
  const endEvents = run.stoppedAtEvents ?? Number.POSITIVE_INFINITY;
  // Slices of at most 20 000 events between looks at the clock (a copy only every `every` events).
  const chunk = Math.min(20_000, Math.max(1000, Math.floor(every / 4)));
  // Told at the start, every PROGRESS_MS, and at the end.
  progress({ doneMs: 0, endMs: endUs / 1000 });
  let told = performance.now();
  while (!sim.done && sim.peekUs() <= endUs && sim.w.events < endEvents) {
    for (let n = 0; n < chunk && sim.peekUs() <= endUs && sim.w.events < endEvents; n++) if (!sim.step()) break;
    timeline.record(sim);
    const now = performance.now();
    if (now - told >= PROGRESS_MS) {
      told = now;
      progress({ doneMs: sim.nowUs / 1000, endMs: endUs / 1000 });
    }
  }
  sim.runToStop(endEvents, endUs);
  progress({ doneMs: endUs / 1000, endMs: endUs / 1000 });
  return { timeline: new TimelineCursor(timeline, every), log, faults: runFaults(sim), extent: { endUs, endEvents: sim.w.events } };
}

function travel(run: StoredRunInputs, progress: (p: SeekProgress) => void): Travel | string {
  const have = cache.get(run.runId);
  if (have) {
    // Most recently used last.
    cache.delete(run.runId);
    cache.set(run.runId, have);
    return have;
  }
  const t = build(run, progress);
  if (typeof t === 'string') return t;
  cache.set(run.runId, t);
  while (cache.size > CACHED_RUNS) cache.delete(cache.keys().next().value!);
  return t;
}

function answer(m: SeekCall, progress: (p: SeekProgress) => void): SeekResult {
  const t0 = performance.now();
  const t = travel(m.run, progress);
  if (typeof t === 'string') return { ok: false, error: { code: 'conflict', message: t } };
  const pos = seekTimeline(t.timeline, m.target, t.extent, t.faults);
  const view = seekView(pos, { runId: m.run.runId, state: 'ended', speed: 1, extent: t.extent, faults: t.faults, log: t.log, limit: m.limit, ...(m.router !== undefined ? { router: m.router } : {}) });
  t.timeline.keep(pos.sim);
  return { ok: true, value: { ...view, wallMs: performance.now() - t0 } };
}

serveRequests<SeekCall, SeekResult, SeekProgress>(answer, (e) => err('internal', `runs:seek failed: ${e instanceof Error ? e.message : String(e)}`));
