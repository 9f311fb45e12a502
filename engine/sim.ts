/**
 * A run of the emulator: builds the world from a scenario, processes events in `(time, seq)`
 * order, accepts live faults, and produces the result.
 */
import type { Fault, Scenario } from './scenario/schema.ts';
import { faultProblems } from './scenario/validate.ts';
import { parseScenario } from './scenario/load.ts';
import { generateLab, GENERATE_DEFAULTS } from './scenario/generate.ts';
import { Ev, Loss, SAMPLE_US } from './model/constants.ts';
import { linkOfDir, scheduleBfdTick, scheduleSample } from './model/events.ts';
import { World, type WorldOptions, type FaultLogEntry } from './model/world.ts';
import { WORLD_BLANKS, WORLD_CLONERS } from './model/blanks.ts';
import { FrozenGraph, reachable } from './core/clone.ts';
import type { TraceEvent } from './model/trace.ts';
import { routerReceive, healthCheckDeadline } from './model/router-logic.ts';
import { expireDue } from './model/session-table.ts';
import { bfdTick } from './model/bfd.ts';
import { scheduleTraffic, startSession, clientTick, retransmit, appTimeout, serverTick, hostReceive } from './model/hosts.ts';
import { applyFault, faultNode, linkTimer, nodeUp, scanTick } from './model/faults.ts';
import { C } from './metrics/counters.ts';
import type { RunResult } from './metrics/summary.ts';
import { buildResult } from './metrics/result.ts';

/** Fingerprint checkpoints are taken every virtual second (at the sample on the second). */
export const CHECKPOINT_US = 1_000_000;

export type { WorldOptions as RunOptions, FaultLogEntry };

/** A live or batch run. */
export class Simulation {
  /** The run's world (read-only use outside the engine: snapshots, tests). */
  readonly w: World;
  private finalized: RunResult | null = null;
  /**
   * Live faults not yet applied, by time: a live fault at time T takes effect after every
   * event at T, so replaying a fault log from times alone reproduces the run exactly.
   */
  private readonly pendingLive: { atUs: number; index: number }[] = [];
  /** The event {@link step} last processed (time µs, node index, kind). */
  readonly lastEvent = { time: 0, node: 0, kind: 0 };

  /** Builds a run. The scenario must come from the loader (validated, defaults filled). */
  constructor(scenario: Scenario, opts: WorldOptions = {}) {
    const w = (this.w = new World(scenario, opts));
    for (const r of w.routerList) {
      const phase = w.streams.stream(`bfd:${r.id}`).int(r.bfdTxUs);
      scheduleBfdTick(w, phase, r.node, r.bootGen);
    }
    scheduleTraffic(w);
    w.faultLog.forEach((e, i) => {
      if (e.source === 'live') this.pendingLive.push({ atUs: Math.round(e.atMs * 1000), index: i });
      else scheduleFault(w, i);
    });
    this.pendingLive.sort((x, y) => x.atUs - y.atUs || x.index - y.index);
    scheduleSample(w, SAMPLE_US);
  }

  /**
   * A run like `new Simulation(scenario, opts)` whose objects have the shapes restored copies
   * have. A process that both runs and restores (a sweep thread forking N-1 runs, a worker
   * seeking) should start its runs this way: code that sees one shape per class runs up to
   * twice as fast as code that sees two (measured on forked N-1 runs).
   */
  static forCopies(scenario: Scenario, opts: WorldOptions = {}): Simulation {
    const { trace, ...rest } = opts;
    return new Simulation(scenario, rest).freeze().restore(trace ? { trace } : {});
  }

  /**
   * A copy of the whole run as it stands (every pending event, random stream, session and
   * counter). Restoring it and running on gives exactly what running on from here gives.
   */
  snapshot(): SimSnapshot {
    return new SimSnapshot(this, false);
  }

  /**
   * A snapshot made of this run's own objects, without copying them: this run must not be used
   * afterwards (the prefix of a fork, run only to be copied).
   */
  freeze(): SimSnapshot {
    return new SimSnapshot(this, true);
  }

  /**
   * Continues this run as `scenario`: the same lab whose fault list starts with the faults this
   * run already has and adds more, none of them before now. This is the fork of a run shared up
   * to its first differing fault: scheduled faults run before any other event at their time, so
   * the fork gives the fingerprint of the whole run.
   */
  addFaults(scenario: Scenario): void {
    const w = this.w;
    const have = w.faultLog;
    if (this.pendingLive.length > 0 || have.some((e) => e.source === 'live')) throw new Error('addFaults: the run has live faults');
    if (scenario.faults.length < have.length || have.some((e, i) => JSON.stringify(e.fault) !== JSON.stringify(scenario.faults[i]))) {
      throw new Error("addFaults: the new fault list does not continue the run's");
    }
    const later = scenario.faults.slice(have.length);
    if (w.events > 0 && later.some((f) => Math.round(f.atMs * 1000) <= w.now)) throw new Error('addFaults: the run is already past a new fault');
    w.scenario = scenario;
    for (const f of later) {
      const i = have.push({ atMs: f.atMs, fault: f, source: 'scheduled' }) - 1;
      scheduleFault(w, i);
    }
  }

  /** Current virtual time, µs. */
  get nowUs(): number {
    return this.w.now;
  }

  /** End of the run, µs. */
  get endUs(): number {
    return this.w.endUs;
  }

  /** Whether every event up to the end has run. */
  get done(): boolean {
    const live = this.pendingLive;
    return this.w.queue.peekTime() > this.w.endUs && (live.length === 0 || live[0]!.atUs > this.w.endUs);
  }

  /** Runs events up to and including virtual time `tUs` (capped at the end); returns events run. */
  runUntil(tUs: number): number {
    const w = this.w;
    // Virtual time is whole µs; hosts pacing by the wall clock may ask for fractions.
    const limit = Math.min(Math.floor(tUs), w.endUs);
    let n = 0;
    while (this.processNext(limit)) n++;
    if (limit > w.now) w.now = limit;
    return n;
  }

  /**
   * Brings the run to where a stopped run stopped: `events` events run (no further), and the
   * clock at `atUs`. A run stopped between two events of one µs (a slice or a step ended there)
   * leaves the second pending, which `runUntil(atUs)` would run.
   */
  runToStop(events: number, atUs: number): void {
    const w = this.w;
    const limit = Math.min(Math.floor(atUs), w.endUs);
    while (w.events < events && this.processNext(limit)) {
      /* running */
    }
    if (limit > w.now) w.now = limit;
  }

  /** Runs exactly one event (if any remains before the end). Returns false when done. */
  step(): boolean {
    return this.processNext(this.w.endUs);
  }

  /** Processes the next event (or live fault) at or before `limit`; false when there is none. */
  private processNext(limit: number): boolean {
    const w = this.w;
    const q = w.queue;
    const live = this.pendingLive;
    const next = q.peekTime();
    if (live.length > 0 && live[0]!.atUs < next && live[0]!.atUs <= limit) {
      this.applyLive();
      w.events++;
      return true;
    }
    if (next > limit) return false;
    q.take();
    const ev = q.last;
    w.now = ev.time;
    w.fp.add(ev.time, ev.node, ev.kind);
    w.events++;
    const last = this.lastEvent;
    last.time = ev.time;
    last.node = ev.node;
    last.kind = ev.kind;
    this.dispatch(ev.kind, ev.node, ev.a, ev.b);
    q.settle();
    return true;
  }

  private applyLive(): void {
    const w = this.w;
    const { atUs, index } = this.pendingLive.shift()!;
    if (atUs > w.now) w.now = atUs;
    const node = Math.max(0, faultNode(w, w.faultLog[index]!.fault));
    w.fp.add(w.now, node, Ev.Fault);
    this.lastEvent.time = w.now;
    this.lastEvent.node = node;
    this.lastEvent.kind = Ev.Fault;
    applyFault(w, index);
  }

  /** Time of the next pending event, µs (Infinity when none). No side effects. */
  peekUs(): number {
    return this.w.queue.peekTime();
  }

  /**
   * Injects a fault now (its `atMs` is replaced by the current virtual time). It takes effect
   * after every event at the current time, and goes into the run's fault log, so a replay
   * re-applies it at the same point. Returns an error message for a fault whose target does not
   * exist or does not fit.
   */
  inject(fault: Fault): { ok: true; atMs: number } | { ok: false; message: string } {
    const w = this.w;
    // The same rules as a fault in the file.
    const problems = faultProblems(w.scenario, fault);
    if (problems.length > 0) return { ok: false, message: problems.map((p) => `${p.path}: ${p.message}`).join('; ') };
    const atMs = w.now / 1000;
    const index = w.faultLog.push({ atMs, fault: { ...fault, atMs }, source: 'live' }) - 1;
    this.pendingLive.push({ atUs: w.now, index });
    return { ok: true, atMs };
  }

  /** Runs to the end and returns the result (idempotent). */
  run(): RunResult {
    this.runUntil(this.w.endUs);
    return this.result();
  }

  /** The result; finishes the run's measurement (call once the run is done or stopped). */
  result(): RunResult {
    this.finalized ??= buildResult(this.w);
    return this.finalized;
  }

  private dispatch(kind: number, node: number, a: number, b: number): void {
    const w = this.w;
    switch (kind) {
      case Ev.LinkArrival: {
        const l = w.links[linkOfDir(a)]!;
        const d = l.dirs[a & 1]!;
        const p = d.dequeue();
        const next = d.first;
        if (next !== null) w.queue.reschedule(next.arrT, next.arrSeq);
        if (!l.up) return w.drop(p, Loss.LinkDown, l.index);
        const nat = l.nat;
        if (nat !== null && d.to === nat.inside && p.oDstAddr === nat.addr) {
          const inside = nat.inbound(p.oDstPort, w.now);
          if (inside < 0) {
            w.bump(w.routers[nat.inside]!, C.NatDropped);
            return w.drop(p, Loss.Nat, l.index);
          }
          p.oDstAddr = nat.inside + 1;
          p.oDstPort = inside;
        }
        const r = w.routers[d.to];
        if (r) routerReceive(w, r, p, l.index);
        else hostReceive(w, p, l.index);
        return;
      }
      case Ev.AppStart:
        startSession(w, w.traffic[a]!, b, null);
        return;
      case Ev.AppTick: {
        const app = w.apps[a]!;
        if (app.gen === b) clientTick(w, app);
        return;
      }
      case Ev.ServerTick:
        serverTick(w, w.apps[a]!, b);
        return;
      case Ev.Retransmit:
        retransmit(w, w.apps[a]!, b);
        return;
      case Ev.AppTimeout:
        appTimeout(w, w.apps[a]!, b);
        return;
      case Ev.HealthCheckDeadline:
        healthCheckDeadline(w, w.routers[node]!, a, b);
        return;
      case Ev.SessionExpiry:
        expireDue(w, a);
        return;
      case Ev.BfdTick:
        bfdTick(w, w.routers[node]!, b);
        return;
      case Ev.Fault:
        applyFault(w, a);
        return;
      case Ev.NodeUp:
        nodeUp(w, w.routers[a]!, b);
        return;
      case Ev.Sample:
        w.sample();
        if (w.now % CHECKPOINT_US === 0) w.checkpoints.push({ tMs: w.now / 1000, events: w.events, fingerprint: w.fp.hex() });
        if (w.now + SAMPLE_US <= w.endUs) scheduleSample(w, w.now + SAMPLE_US);
        return;
      case Ev.ScanTick:
        scanTick(w, node, a);
        return;
      case Ev.LinkTimer:
        linkTimer(w, a, b);
        return;
    }
  }
}

/** Scheduled faults take `seq` values below every other event's: at their time they run first. */
const FAULT_SEQ_BASE = -(2 ** 40);

function scheduleFault(w: World, i: number): void {
  const e = w.faultLog[i]!;
  w.queue.push(Math.round(e.atMs * 1000), FAULT_SEQ_BASE + i, Ev.Fault, Math.max(0, faultNode(w, e.fault)), i, 0);
}

/** A small lab: the blank a copy of a run or its world is made from (their constructors need one). */
let tiny: Scenario | null = null;
function tinyLab(): Scenario {
  if (tiny) return tiny;
  const r = parseScenario(generateLab({ ...GENERATE_DEFAULTS, spokes: 1, hubs: 1, durationMs: 1000 }));
  if (!r.ok) throw new Error('the blank lab does not load');
  return (tiny = r.scenario);
}

/**
 * Blanks of the run and its world as their constructors make them (on the smallest lab): a copy
 * then has the classes' own hidden classes, numbers in their own fields, where a spread copy
 * ran a restored run about a quarter slower.
 */
const SIM_BLANKS: ReadonlyMap<object, (original: object) => object> = new Map([
  ...WORLD_BLANKS,
  [World.prototype, () => new World(tinyLab())],
  [Simulation.prototype, () => new Simulation(tinyLab())],
]);

/** A frozen copy of a run (see {@link Simulation.snapshot}); restore it as often as needed. */
export class SimSnapshot {
  private readonly graph: FrozenGraph<Simulation>;
  /** Virtual time of the copy, µs. */
  readonly nowUs: number;
  /** Events the copy had processed. */
  readonly events: number;

  /** @internal */
  constructor(sim: Simulation, own: boolean) {
    this.graph = new FrozenGraph(sim, { shared: reachable(sim.w.scenario), cloners: WORLD_CLONERS, blanks: SIM_BLANKS }, own);
    this.nowUs = sim.w.now;
    this.events = sim.w.events;
  }

  /** A live run from the copy; `trace` receives its events from here on (none by default). */
  restore(opts: { trace?: (e: TraceEvent) => void } = {}): Simulation {
    const copy = this.graph.thaw();
    copy.w.trace = opts.trace ?? null;
    return copy;
  }
}

/** Runs a scenario to the end and returns the result. */
export function runScenario(scenario: Scenario, opts: WorldOptions = {}): RunResult {
  return new Simulation(scenario, opts).run();
}
