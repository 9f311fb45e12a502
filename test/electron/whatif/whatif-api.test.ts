/**
 * The whatif:* methods (the app's N-1 analysis) through the API, on real worker threads and a
 * real runs database: an analysis starts at once and reports progress as events, refuses a
 * second one while it runs, ends with a ranking that matches its stored runs over a fault-free
 * baseline, exports a self-contained N-1 report, can be cancelled, and refuses bad input with
 * a message naming what is wrong. Its threads start when the view first asks and are kept
 * between analyses.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type RunDatabase } from '../../../electron/services/db/index.ts';
import { createApi } from '../../../electron/services/api/handlers.ts';
import { LiveRunner } from '../../../electron/services/live/runner.ts';
import { WhatIfService } from '../../../electron/services/whatif/service.ts';
import { generateLab, GENERATE_DEFAULTS, type WhatIfState } from '../../../engine/index.ts';
import { expectSelfContained } from '../reports/self-contained.ts';
import { until, value } from '../api-helpers.ts';

/** Two hubs, one spoke, and a fault of its own (hub1 restarts at 20 s). */
const DUAL_HUB = JSON.parse(readFileSync(new URL('../../../assets/scenarios/09-dual-hub-failover.srlab.json', import.meta.url), 'utf8')) as Record<string, unknown>;

let dir: string;
let db: RunDatabase;
let runner: LiveRunner;
let whatIf: WhatIfService;
let api: ReturnType<typeof createApi>;
const progress: WhatIfState[] = [];

/** Waits for the analysis `sweepId` to leave the running state; its last state. */
async function finished(sweepId: string): Promise<WhatIfState> {
  await until('the analysis', () => progress.some((s) => s.sweepId === sweepId && s.state !== 'running'));
  return progress.filter((s) => s.sweepId === sweepId).at(-1)!;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'srlab-whatif-'));
  db = openDatabase(join(dir, 'runs.db'));
  const emit = (event: string, payload: unknown) => {
    if (event === 'whatif:progress') progress.push(payload as WhatIfState);
  };
  runner = new LiveRunner(db, emit);
  whatIf = new WhatIfService(db, emit, 2);
  api = createApi({ db, dbPath: join(dir, 'runs.db'), runner, host: 'memory', appVersion: '0.0.0', whatIf });
});

afterAll(async () => {
  whatIf.close();
  await runner.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('whatif:* (N-1 analysis in the app)', () => {
  it('has no analysis before the first, and nothing to cancel; the view asking starts its threads', async () => {
    expect(value(await api.call('whatif:state'))).toBeNull();
    expect(value(await api.call('whatif:cancel'))).toEqual({ cancelled: false });
    // They load the engine while the person chooses what to fail.
    expect(whatIf.idleThreads).toBe(2);
  });

  it('fails each hub over a fault-free baseline, and ranks the hubs by the harm in their stored runs', async () => {
    const started = value(await api.call('whatif:start', { scenario: DUAL_HUB, failEach: 'hub', failAtMs: 15_000, failForMs: 10_000 }));
    expect(started.runs).toBe(3); // the baseline, hub1 fails, hub2 fails
    // Answered at once: the analysis is under way, and a second one is refused meanwhile.
    const running = value(await api.call('whatif:state'))!;
    expect(running).toMatchObject({ sweepId: started.sweepId, state: 'running', total: 3, failEach: 'hub' });
    expect(running.baseline).toEqual({ keptFaults: false, labFaults: 1, failAtMs: 15_000, failForMs: 10_000 });
    const second = await api.call('whatif:start', { scenario: DUAL_HUB, failEach: 'spoke' });
    expect(second.ok ? null : second.error.code).toBe('conflict');

    const done = await finished(started.sweepId);
    expect(done.state).toBe('done');
    expect(done.done).toBe(3);
    // Its threads are kept, warm, for the next analysis.
    await expect.poll(() => whatIf.idleThreads).toBe(2);
    expect(done.message).toBeUndefined();
    expect(value(await api.call('whatif:state'))).toEqual(done);
    // Progress counted up to the end, never down.
    const counts = progress.filter((s) => s.sweepId === started.sweepId).map((s) => s.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));

    // The baseline is the lab without its own fault, stored as a run.
    const baseline = value(await api.call('runs:get', { id: done.baselineRunId! }));
    expect(baseline.faultLog).toEqual([]);
    expect(done.ranking.map((r) => r.element).sort()).toEqual(['hub1', 'hub2']);
    for (const r of done.ranking) {
      expect(r.runIds).toHaveLength(1);
      const run = value(await api.call('runs:get', { id: r.runIds[0]! }));
      // Each run fails its hub, and only that, at the time asked.
      expect(run.faultLog.map((f) => ({ atMs: f.atMs, type: f.fault.type, node: 'node' in f.fault ? f.fault.node : null }))).toEqual([{ atMs: 15_000, type: 'node-restart', node: r.element }]);
      // Harm is what the run lost beyond the baseline.
      const s = run.summary!.sessions;
      const b = baseline.summary!.sessions;
      expect(r.sessionsLost).toBeCloseTo(Math.max(0, s.failed - b.failed), 9);
      expect(r.sessionsAffected).toBeCloseTo(Math.max(0, s.affected - b.affected), 9);
      expect(r.worstOutageMs).toBe(s.outageMs.max);
    }
    // Worst first.
    const [first, next] = done.ranking;
    expect(first!.rank).toBe(1);
    expect(first!.sessionsLost > next!.sessionsLost || (first!.sessionsLost === next!.sessionsLost && first!.sessionsAffected >= next!.sessionsAffected)).toBe(true);

    // The N-1 report: self-contained, with the ranking and the map.
    const report = value(await api.call('whatif:report', { sweepId: started.sweepId }));
    expect(report.filename).toMatch(/^n-1-.+\.html$/);
    expect(report.mime).toBe('text/html');
    expectSelfContained(report.content);
    expect(report.content).toContain('aria-label="Blast-radius map"');
    const rows = [...report.content.matchAll(/<tr><td class="n">(\d+)<\/td><td>hub <b>(hub\d)<\/b>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(rows).toEqual(done.ranking.map((r) => `${r.rank} ${r.element}`));
    for (const r of done.ranking) expect(report.content).toContain(r.runIds[0]!);
  });

  it('keeps the lab’s own faults in every run when asked', async () => {
    const started = value(await api.call('whatif:start', { scenario: DUAL_HUB, failEach: 'hub', keepFaults: true, failAtMs: 40_000 }));
    const done = await finished(started.sweepId);
    expect(done.state).toBe('done');
    expect(done.baseline).toMatchObject({ keptFaults: true, labFaults: 1 });
    const baseline = value(await api.call('runs:get', { id: done.baselineRunId! }));
    expect(baseline.faultLog.map((f) => f.fault.type)).toEqual(['node-restart']);
  });

  it('cancels an analysis in progress; its report is refused', async () => {
    const big = generateLab({ ...GENERATE_DEFAULTS, spokes: 12, hubs: 2, durationMs: 120_000 });
    const started = value(await api.call('whatif:start', { scenario: big, failEach: 'spoke' }));
    expect(value(await api.call('whatif:cancel'))).toEqual({ cancelled: true });
    const end = await finished(started.sweepId);
    expect(end.state).toBe('cancelled');
    const report = await api.call('whatif:report', { sweepId: started.sweepId });
    expect(report.ok ? null : report.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/cancelled/) });
  });

  it('refuses a lab with problems, bad parameters and an unknown analysis, saying what is wrong', async () => {
    const bad = await api.call('whatif:start', { scenario: { ...DUAL_HUB, nodes: 'none' }, failEach: 'hub' });
    expect(bad.ok ? null : bad.error.code).toBe('bad-scenario');
    expect(bad.ok ? [] : bad.error.problems?.map((p) => p.path)).toContain('nodes');
    const kind = await api.call('whatif:start', { scenario: DUAL_HUB, failEach: 'switch' as never });
    expect(kind.ok ? null : kind.error).toMatchObject({ code: 'bad-params', message: expect.stringMatching(/failEach/) });
    const unknown = await api.call('whatif:report', { sweepId: 's-nothing' });
    expect(unknown.ok ? null : unknown.error).toMatchObject({ code: 'not-found', message: expect.stringMatching(/s-nothing/) });
  });
});
