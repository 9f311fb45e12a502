/**
 * The app's N-1 analysis (the What if view): plans a --fail-each sweep of the lab on screen,
 * runs it on worker threads (one core left for the app), stores every run, streams progress as
 * `whatif:progress` events at most 5 a second, and keeps the finished analyses for their report.
 * One analysis at a time. Its threads are started when the view opens and kept between
 * analyses (ended after two idle minutes): on a lab of a dozen routers, loading the engine and
 * warming a JIT is most of an analysis, so the next one answers in a fraction of the time.
 */
import { availableParallelism } from 'node:os';
import { parseScenario, type ApiResult, type EventName, type Events, type ParsedParams, type Scenario, type WhatIfState } from '../../../engine/index.ts';
import type { RunDatabase } from '../db/index.ts';
import { rankFailures } from '../sweeps/aggregate.ts';
import { ThreadPool, threadExecutor } from '../sweeps/executor.ts';
import { planSweep } from '../sweeps/plan.ts';
import { newSweepId, runSweep } from '../sweeps/run-sweep.ts';
import { n1Report } from '../reports/n1-report.ts';
import { err, ok } from '../api/results.ts';

type Emit = <E extends EventName>(event: E, payload: Events[E]) => void;

/** Analyses kept for their reports. */
const KEEP = 8;
const PROGRESS_EVERY_MS = 200;

interface Analysis {
  state: WhatIfState;
  scenario: Scenario;
  abort: AbortController;
}

/** One per lab (browser host or desktop app). */
export class WhatIfService {
  private readonly analyses = new Map<string, Analysis>();
  private current: Analysis | null = null;
  private last: Analysis | null = null;
  private readonly threads = new ThreadPool();

  constructor(
    private readonly db: RunDatabase | null,
    private readonly emit: Emit,
    private readonly workers = Math.max(1, availableParallelism() - 1),
  ) {}

  /** Plans and starts an analysis; answers at once with its id and size. */
  start(p: ParsedParams<'whatif:start'>): ApiResult<{ sweepId: string; runs: number }> {
    if (this.current) return err('conflict', `an analysis (${this.current.state.sweepId}) is already running; cancel it first`);
    const parsed = parseScenario(p.scenario);
    if (!parsed.ok) return err('bad-scenario', 'the lab has problems; fix them before asking what if', { problems: parsed.problems });
    const spec = {
      vary: [],
      seeds: p.seeds,
      failEach: p.failEach,
      keepFaults: p.keepFaults,
      ...(p.failAtMs !== undefined ? { failAtMs: p.failAtMs } : {}),
      ...(p.failForMs !== undefined ? { failForMs: p.failForMs } : {}),
    };
    const plan = planSweep(p.scenario, spec);
    if (!plan.ok) return err('bad-params', plan.problems.join('; '));
    const sweepId = newSweepId(this.db);
    const b = plan.baseline!;
    const a: Analysis = {
      scenario: parsed.scenario,
      abort: new AbortController(),
      state: {
        sweepId,
        scenarioName: parsed.scenario.name,
        failEach: p.failEach,
        state: 'running',
        done: 0,
        total: plan.jobs.length,
        elapsedMs: 0,
        etaMs: null,
        baseline: { keptFaults: b.keptFaults, labFaults: b.labFaults.length, failAtMs: b.atMs, failForMs: b.forMs },
        baselineRunId: null,
        ranking: [],
      },
    };
    this.current = a;
    this.remember(a);
    let lastEmit = 0;
    const t0 = performance.now();
    void runSweep({
      jobs: plan.jobs,
      spec: { ...spec, scenarioFile: `${parsed.scenario.name} (app)` },
      executor: threadExecutor(Math.min(this.workers, plan.jobs.length), { pool: this.threads }),
      db: this.db,
      sweepId,
      signal: a.abort.signal,
      onProgress: (_d, _t, pr) => {
        a.state = { ...a.state, done: pr.done, elapsedMs: pr.elapsedMs, etaMs: pr.etaMs };
        const now = performance.now();
        if (now - lastEmit >= PROGRESS_EVERY_MS && pr.done < pr.total) {
          lastEmit = now;
          this.emit('whatif:progress', a.state);
        }
      },
    }).then(
      (run) => {
        const baseline = run.outcomes.find((o) => o.job.failed === null);
        a.state = { ...a.state, state: 'done', done: run.outcomes.length, etaMs: 0, elapsedMs: performance.now() - t0, ranking: rankFailures(run.outcomes), baselineRunId: baseline?.runId ?? null };
        const failed = run.outcomes.filter((o) => o.error !== null).length;
        if (failed > 0) a.state.message = `${failed} run${failed === 1 ? '' : 's'} failed: ${run.outcomes.find((o) => o.error)!.error}`;
        this.finish(a);
      },
      (e: unknown) => {
        const cancelled = a.abort.signal.aborted;
        a.state = {
          ...a.state,
          state: cancelled ? 'cancelled' : 'failed',
          etaMs: null,
          elapsedMs: performance.now() - t0,
          message: cancelled ? 'cancelled' : e instanceof Error ? e.message : String(e),
        };
        this.finish(a);
      },
    );
    this.emit('whatif:progress', a.state);
    return ok({ sweepId, runs: plan.jobs.length });
  }

  /** The analysis in progress, else the last one. */
  state(): WhatIfState | null {
    return (this.current ?? this.last)?.state ?? null;
  }

  /** The view is open: start its threads now, so they have loaded the engine when asked to run. */
  prepare(): void {
    if (!this.current) this.threads.prewarm(this.workers);
  }

  /** Threads idle and ready (for tests). */
  get idleThreads(): number {
    return this.threads.size;
  }

  /** Cancels the analysis in progress (its finished runs stay stored). */
  cancel(): { cancelled: boolean } {
    if (!this.current) return { cancelled: false };
    this.current.abort.abort();
    return { cancelled: true };
  }

  /** The N-1 report of a finished analysis. */
  report(sweepId: string): ApiResult<{ filename: string; mime: string; content: string }> {
    const a = this.analyses.get(sweepId);
    if (!a) return err('not-found', `no analysis ${sweepId} in this session of the lab`);
    if (a.state.state !== 'done') return err('conflict', `analysis ${sweepId} is ${a.state.state}; its report comes when it is done`);
    const slug =
      a.scenario.name
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60) || 'lab';
    return ok({ filename: `n-1-${slug}.html`, mime: 'text/html', content: n1Report({ scenario: a.scenario, state: a.state }) });
  }

  /** Cancels what runs and ends the threads (the lab is closing). */
  close(): void {
    this.current?.abort.abort();
    this.threads.close();
  }

  private finish(a: Analysis): void {
    if (this.current === a) this.current = null;
    this.last = a;
    this.emit('whatif:progress', a.state);
    if (this.db) this.emit('runs:changed', {});
  }

  private remember(a: Analysis): void {
    this.analyses.set(a.state.sweepId, a);
    while (this.analyses.size > KEEP) this.analyses.delete(this.analyses.keys().next().value!);
  }
}
