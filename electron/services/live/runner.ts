/**
 * The live run (main-thread side): starts a worker per run, relays its snapshots as
 * `sim:snapshot` events, stores the run in the database as it starts, as live faults are
 * injected and when it ends, and answers the control methods of the contract.
 */
import { Worker } from 'node:worker_threads';
import {
  checkWork,
  type ApiResult,
  type ErrorCode,
  type Events,
  type Fault,
  type FlowRow,
  type LiveSnapshot,
  type RunSummary,
  type Scenario,
  type SeekTarget,
  type SeekView,
} from '../../../engine/index.ts';
import type { RunDatabase } from '../db/index.ts';
import { failRun, finishRun, recordLiveFault, startRun, stopRun, TraceCapture } from '../runs/index.ts';
import { workerEntry } from '../workers.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** Sends an event to every connected renderer. */
export type Emit = <E extends keyof Events>(event: E, payload: Events[E]) => void;

type Reply = (r: { ok: true; value: unknown } | { ok: false; message: string; code?: ErrorCode }) => void;

/**
 * How long the worker of the run that ended last is kept (its world copies serve time travel
 * over that run without re-running it), ms after its last use.
 */
const KEEP_ENDED_MS = 10 * 60_000;

/** The worker of the run that ended last, its timeline intact, and the seeks it is answering. */
interface KeptRun {
  runId: string;
  worker: Worker;
  timer: ReturnType<typeof setTimeout> | null;
  waiting: Map<number, (r: ApiResult<SeekView> | null) => void>;
}

/** At most one live run at a time. */
export class LiveRunner {
  private worker: Worker | null = null;
  private kept: KeptRun | null = null;
  private runId: string | null = null;
  private nextId = 1;
  private readonly replies = new Map<number, Reply>();
  private ended: Promise<{ runId: string | null; summary: RunSummary | null }> | null = null;
  private resolveEnded: ((v: { runId: string | null; summary: RunSummary | null }) => void) | null = null;

  constructor(
    private readonly db: RunDatabase | null,
    /** Pushes an event to every connected renderer (other services share it). */
    readonly emit: Emit,
  ) {}

  /** Whether a run is live (running or paused). */
  get live(): boolean {
    return this.worker !== null;
  }

  /** Starts a run of a validated scenario; stores its row first when there is a database. */
  start(scenario: Scenario, opts: { seed?: number; speed: number | 'max'; paused: boolean; label?: string }): ApiResult<{ runId: string | null }> {
    if (this.worker) return { ok: false, error: { code: 'conflict', message: 'a run is already live: stop it before starting another' } };
    // The lab has no --force: a run past the estimate's soft limit would freeze the lab or run it
    // out of memory, so it is refused with the figures (the command line can still run it).
    const work = checkWork(scenario);
    if (work.level !== 'ok') return { ok: false, error: { code: 'too-big', message: `${work.message}; srlab run --force can still run it outside the lab` } };
    let runId: string | null = null;
    if (this.db) {
      try {
        runId = startRun(this.db, { scenario, ...(opts.seed !== undefined ? { seed: opts.seed } : {}), source: 'app', ...(opts.label ? { label: opts.label } : {}) });
      } catch (e) {
        return { ok: false, error: { code: 'database', message: e instanceof Error ? e.message : String(e) } };
      }
    }
    // The last run's copies make way for this run's.
    this.dropKept();
    const { file, options } = workerEntry('live-worker');
    const worker = new Worker(file, options);
    this.worker = worker;
    this.runId = runId;
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve));
    worker.on('message', (m: FromWorker) => (this.worker === worker ? this.receive(m) : this.receiveKept(worker, m)));
    worker.on('error', (e) => {
      if (this.worker === worker) this.fail(`the run's worker failed: ${e.message}`, null);
      else if (this.kept?.worker === worker) this.dropKept();
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.fail(`the run's worker exited (code ${code})`, null);
      else if (this.kept?.worker === worker) this.dropKept();
    });
    this.send({ type: 'start', runId, scenario, ...(opts.seed !== undefined ? { seed: opts.seed } : {}), speed: opts.speed, paused: opts.paused });
    if (runId) this.emit('runs:changed', {});
    return { ok: true, value: { runId } };
  }

  /** Pauses (snapshot follows as an event). */
  pause(): void {
    this.send({ type: 'pause' });
  }
  /** Resumes. */
  resume(): void {
    this.send({ type: 'resume' });
  }
  /** Runs `events` events while paused. */
  step(events: number): void {
    this.send({ type: 'step', events });
  }
  /** Changes the pace. */
  setSpeed(speed: number | 'max'): void {
    this.send({ type: 'speed', speed });
  }

  /** Stops the run and waits until it is stored. */
  async stop(): Promise<{ runId: string | null; summary: RunSummary | null }> {
    if (!this.worker || !this.ended) return { runId: null, summary: null };
    const ended = this.ended;
    this.send({ type: 'stop' });
    return ended;
  }

  /** Injects a fault now; it goes into the run's stored fault log. */
  async inject(fault: Fault): Promise<ApiResult<{ atMs: number }>> {
    const r = await this.ask<{ atMs: number }>({ type: 'inject', id: 0, fault });
    if (!r.ok) return r;
    if (this.db && this.runId) {
      try {
        recordLiveFault(this.db, this.runId, { atMs: r.value.atMs, fault: { ...fault, atMs: r.value.atMs } });
      } catch {
        // The fault still ran; the stored log is completed from the result at the end.
      }
    }
    return r;
  }

  /** A router's session table now. */
  sessions(router: string, limit: number): Promise<ApiResult<FlowRow[]>> {
    return this.ask({ type: 'sessions', id: 0, router, limit });
  }

  /** Time travel: the paused run as it was at `target` (up to where it stands). */
  seek(target: SeekTarget, opts: { router?: string; limit: number }): Promise<ApiResult<SeekView>> {
    return this.ask({ type: 'seek', id: 0, target, limit: opts.limit, ...(opts.router !== undefined ? { router: opts.router } : {}) });
  }

  /**
   * Time travel over the run that ended last, from the copies its worker took while it ran:
   * no re-run. Null when that worker is no longer kept (another run started, it was idle too
   * long) or the run is another one: the stored run is then re-run to travel it.
   */
  seekEnded(runId: string, target: SeekTarget, opts: { router?: string; limit: number }): Promise<ApiResult<SeekView> | null> | null {
    const k = this.kept;
    if (k === null || k.runId !== runId) return null;
    this.keepFor(k);
    const id = this.nextId++;
    return new Promise((resolve) => {
      k.waiting.set(id, resolve);
      // Alive while it answers (an idle kept worker never keeps the process alive).
      k.worker.ref();
      k.worker.postMessage({ type: 'seek', id, target, limit: opts.limit, ...(opts.router !== undefined ? { router: opts.router } : {}) } satisfies ToWorker);
    });
  }

  /** The full state now (all counters), or null when no run is live. */
  async state(): Promise<ApiResult<LiveSnapshot | null>> {
    if (!this.worker) return { ok: true, value: null };
    return this.ask({ type: 'state', id: 0 });
  }

  /** Ends everything (server shutdown): stops a live run and stores it. */
  async close(): Promise<void> {
    if (this.worker) await this.stop();
    this.dropKept();
  }

  /** Keeps the worker of a run that ended and was stored, for time travel over it. */
  private keep(runId: string, worker: Worker): void {
    this.dropKept();
    worker.unref();
    const k: KeptRun = { runId, worker, timer: null, waiting: new Map() };
    this.keepFor(k);
    this.kept = k;
  }

  /** (Re)starts the kept worker's idle clock. */
  private keepFor(k: KeptRun): void {
    if (k.timer !== null) clearTimeout(k.timer);
    k.timer = setTimeout(() => {
      if (this.kept === k) this.dropKept();
    }, KEEP_ENDED_MS);
    k.timer.unref();
  }

  /** Ends the kept worker; seeks it was answering go to the stored run instead. */
  private dropKept(): void {
    const k = this.kept;
    if (k === null) return;
    this.kept = null;
    if (k.timer !== null) clearTimeout(k.timer);
    for (const resolve of k.waiting.values()) resolve(null);
    k.waiting.clear();
    void k.worker.terminate();
  }

  private receiveKept(worker: Worker, m: FromWorker): void {
    const k = this.kept;
    if (k === null || k.worker !== worker || m.type !== 'reply') return;
    const resolve = k.waiting.get(m.id);
    k.waiting.delete(m.id);
    if (k.waiting.size === 0) worker.unref();
    resolve?.(m.ok ? { ok: true, value: m.value as SeekView } : { ok: false, error: { code: m.code ?? 'bad-params', message: m.message } });
  }

  private ask<T>(m: Extract<ToWorker, { id: number }>): Promise<ApiResult<T>> {
    if (!this.worker) return Promise.resolve({ ok: false, error: { code: 'conflict', message: 'no run is live' } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.replies.set(id, (r) => resolve(r.ok ? { ok: true, value: r.value as T } : { ok: false, error: { code: r.code ?? 'bad-params', message: r.message } }));
      this.send({ ...m, id });
    });
  }

  private send(m: ToWorker): void {
    this.worker?.postMessage(m);
  }

  private receive(m: FromWorker): void {
    switch (m.type) {
      case 'snapshot':
        this.emit('sim:snapshot', m.snapshot);
        return;
      case 'reply':
        this.replies.get(m.id)?.(m.ok ? { ok: true, value: m.value } : { ok: false, message: m.message, ...(m.code ? { code: m.code } : {}) });
        this.replies.delete(m.id);
        return;
      case 'failed':
        this.fail(m.message, m.wallMs);
        return;
      case 'ended': {
        const runId = this.runId;
        if (this.db && runId) {
          try {
            // Keep the "log truncated" mark: the worker saw traceSeen events and kept the first ones.
            const trace = new TraceCapture();
            for (const e of m.trace) trace.events.push(e);
            trace.seen = m.traceSeen;
            if (m.status === 'completed') finishRun(this.db, runId, m.result, trace, m.wallMs);
            else stopRun(this.db, runId, { result: m.result, trace, wallMs: m.wallMs, stoppedAtUs: m.stoppedAtUs });
          } catch (e) {
            const message = `the run finished but could not be stored: ${e instanceof Error ? e.message : String(e)}`;
            try {
              failRun(this.db, runId, message, m.wallMs);
            } catch {
              // Left `running`: the next open of the database marks it interrupted.
            }
            this.emit('sim:ended', { runId, status: 'failed', summary: m.result.summary, message });
            return this.cleanup(runId, m.result.summary);
          }
        }
        this.emit('sim:ended', { runId, status: m.status, summary: m.result.summary });
        return this.cleanup(runId, m.result.summary, this.db !== null && runId !== null);
      }
    }
  }

  private fail(message: string, wallMs: number | null): void {
    const runId = this.runId;
    if (this.db && runId) {
      try {
        failRun(this.db, runId, message, wallMs);
      } catch {
        // Reported below; the next open marks a run left behind as interrupted anyway.
      }
    }
    this.emit('sim:ended', { runId, status: 'failed', summary: null, message });
    this.cleanup(runId, null);
  }

  /** `keep`: the run ended and is stored: its worker stays a while to answer time travel over it. */
  private cleanup(runId: string | null, summary: RunSummary | null, keep = false): void {
    const w = this.worker;
    this.worker = null;
    this.runId = null;
    for (const [, r] of this.replies) r({ ok: false, message: 'the run ended' });
    this.replies.clear();
    this.resolveEnded?.({ runId, summary });
    this.resolveEnded = null;
    this.ended = null;
    if (w && keep && runId !== null) this.keep(runId, w);
    else if (w) void w.terminate();
    if (runId) this.emit('runs:changed', {});
  }
}
