/**
 * Sweep threads kept between sweeps (the app's What if keeps them warm): the next sweep runs on
 * the same threads, and a kept thread never forks a run from the prefix of another sweep's lab,
 * even when both sweeps' fork keys are the same (same seed, no --vary): every fingerprint equals
 * the run done whole. Idle threads end after their idle time, or when the pool closes.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ThreadPool, threadExecutor } from '../../../electron/services/sweeps/executor.ts';
import { planSweep, type SweepSpec } from '../../../electron/services/sweeps/plan.ts';
import { runSweep } from '../../../electron/services/sweeps/run-sweep.ts';

const lab = (name: string) => JSON.parse(readFileSync(new URL(`../../../assets/scenarios/${name}.srlab.json`, import.meta.url), 'utf8')) as unknown;
const DUAL_HUB = lab('09-dual-hub-failover');
const HUB_RESTART = lab('08-hub-restart-bfd');

const spec: SweepSpec = { vary: [], seeds: 1, seed: 7, failEach: 'router', failAtMs: 15_000, failForMs: 5_000 };

/** Every run's label and fingerprint, in job order. */
async function fingerprints(raw: unknown, opts: Parameters<typeof threadExecutor>[1]): Promise<string[]> {
  const plan = planSweep(raw, spec);
  if (!plan.ok) throw new Error(plan.problems.join('; '));
  const run = await runSweep({ jobs: plan.jobs, spec: { ...spec, scenarioFile: 'test' }, executor: threadExecutor(1, opts), db: null });
  return run.outcomes.map((o) => `${o.job.label}: ${o.result?.summary.fingerprint ?? o.error}`);
}

const pools: ThreadPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.close();
});

describe('a pool of sweep threads', () => {
  it('runs the next sweep on the same thread, forking each run from its own lab, fingerprint for fingerprint as the runs done whole', async () => {
    const pool = new ThreadPool(60_000);
    pools.push(pool);
    const first = await fingerprints(DUAL_HUB, { pool });
    expect(pool.size).toBe(1);
    // Same seed and no --vary: this sweep's fork keys are the first one's.
    const second = await fingerprints(HUB_RESTART, { pool });
    expect(pool.started).toBe(1);
    expect(pool.size).toBe(1);
    expect(second).toEqual(await fingerprints(HUB_RESTART, { fork: false }));
    expect(first).toEqual(await fingerprints(DUAL_HUB, { fork: false }));
    expect(second.length).toBeGreaterThan(2);
  }, 120_000);

  it('ends a thread idle for its idle time, and every idle thread when it closes', async () => {
    const pool = new ThreadPool(300);
    pools.push(pool);
    await fingerprints(HUB_RESTART, { pool });
    expect(pool.size).toBe(1);
    await expect.poll(() => pool.size, { timeout: 10_000 }).toBe(0);
    const kept = new ThreadPool(60_000);
    pools.push(kept);
    kept.prewarm(2);
    expect(kept.size).toBe(2);
    kept.close();
    expect(kept.size).toBe(0);
  }, 120_000);
});
