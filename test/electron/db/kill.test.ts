/**
 * The SIGKILL test: `srlab run --db` killed at a random moment, again and again, on ONE shared
 * database. After every kill the database must open, pass `PRAGMA integrity_check`, hold every
 * completed run whole (and unchanged), and show the killed run as `interrupted` — never
 * `running`, never a half-stored `completed`. SRLAB_KILL_ITERATIONS sets the count: 9 in `npm test`
 * (three of each kind, a new random seed each time), 200 with `npm run test:kill`;
 * SRLAB_KILL_SEED makes the kill times repeatable.
 *
 * A third of the kills fall anywhere in a run; a third during the engine run (timed from the
 * `started` announcement); a third during the results transaction, a short part of a run (timed
 * from `engine-done`; its length is measured on a whole run first). The first completed runs
 * are kept to the end as witnesses that earlier runs stay intact; later ones are checked, then
 * deleted, so the file (and the integrity check's time) stays bounded over hundreds of kills.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COUNTER_PATHS } from '../../../engine/index.ts';
import { countCounters, countEvents, countSessions, deleteRun, getCheckpoints, getFaultLog, getRun, getSeries, listRuns, openDatabase, type RunDatabase } from '../../../electron/services/db/index.ts';
import { fixturePath, loadScenario, tempDir } from './helpers.ts';

const LAUNCHER = fileURLToPath(new URL('../../../electron/cli/srlab.mjs', import.meta.url));
const SCENARIO = fixturePath('kill-load.srlab.json');
const ITERATIONS = Number(process.env['SRLAB_KILL_ITERATIONS'] ?? 9);
const SEED = Number(process.env['SRLAB_KILL_SEED'] ?? Date.now() % 1_000_000);

/** Where the kill landed, from the phases srlab announced before it died. */
type Landing = 'before the run row' | 'during the engine run' | 'after the engine, before the commit' | 'after storing' | 'not killed (finished first)';

interface Outcome {
  landing: Landing;
  ms: number;
  /** When each phase was announced, ms after the spawn. */
  phases: Record<string, number>;
}

/** When to kill: `afterMs` after `phase` was announced (after the spawn when phase is null). */
interface KillPlan {
  phase: 'started' | 'engine-done' | null;
  afterMs: number;
}

/** Runs srlab; kills it as planned (never when the plan is null). */
function runSrlab(db: string, plan: KillPlan | null): Promise<Outcome & { code: number | null }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [LAUNCHER, 'run', SCENARIO, '--db', db], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, SRLAB_DEBUG_PHASES: '1' },
    });
    let stderr = '';
    const phases: Record<string, number> = {};
    let timer: NodeJS.Timeout | null = null;
    const arm = () => (timer = setTimeout(() => child.kill('SIGKILL'), plan!.afterMs));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      for (const m of stderr.matchAll(/srlab: phase (\S+)\n/g)) {
        if (phases[m[1]!] !== undefined) continue;
        phases[m[1]!] = performance.now() - t0;
        // Reacting to the announcement lands the kill inside that phase, however slow this run is.
        if (plan !== null && plan.phase === m[1]) arm();
      }
    });
    if (plan !== null && plan.phase === null) arm();
    child.on('error', reject);
    // 'close': the process is gone (reaped) and stderr fully read.
    child.on('close', (code, signal) => {
      if (timer !== null) clearTimeout(timer);
      const has = (p: string) => stderr.includes(`srlab: phase ${p}\n`);
      const landing: Landing =
        signal !== 'SIGKILL'
          ? 'not killed (finished first)'
          : !has('started')
            ? 'before the run row'
            : !has('engine-done')
              ? 'during the engine run'
              : !has('stored')
                ? 'after the engine, before the commit'
                : 'after storing';
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`srlab exited ${code}: ${stderr}`));
      resolve({ landing, ms: performance.now() - t0, code, phases });
    });
  });
}

/** A small deterministic generator, so a failing sequence of kill times can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const ROUTERS = loadScenario('kill-load.srlab.json').nodes.filter((n) => n.kind === 'spoke' || n.kind === 'hub').length;

/** Asserts a completed run has all its rows. */
function expectWhole(db: RunDatabase, id: string, fingerprint: string): void {
  const run = getRun(db, id)!;
  expect(run.fingerprint).toBe(fingerprint);
  expect(countSessions(db, id)).toBe(run.summary!.sessions.total);
  expect(countCounters(db, id)).toBe(ROUTERS * COUNTER_PATHS.length);
  expect(getCheckpoints(db, id)).toHaveLength(Math.floor(run.durationMs / 1000));
  expect(countEvents(db, id)).toBe(run.eventLogCount);
  expect(getFaultLog(db, id)).toHaveLength(1);
  expect(getSeries(db, id)?.tMs).toHaveLength(run.durationMs / 100);
}

describe('srlab run killed with SIGKILL', () => {
  it(`leaves the shared database whole after each of ${ITERATIONS} kills`, { timeout: 240_000 + ITERATIONS * 10_000 }, async () => {
    const file = join(tempDir(), 'runs.db');
    await runSrlab(join(tempDir(), 'warm.db'), null); // builds the launcher's bundle when stale
    // A whole run times the phases and gives the fingerprint every completed run must have
    // (same scenario, same seed).
    const full = await runSrlab(file, null);
    const first = openDatabase(file);
    const [reference] = listRuns(first);
    first.close();
    expect(reference?.status).toBe('completed');
    const fingerprint = reference!.fingerprint!;
    const engineMs = full.phases['engine-done']! - full.phases['started']!;
    const storeMs = full.phases['stored']! - full.phases['engine-done']!;
    const random = rng(SEED);
    const tally = new Map<string, number>();
    const known = new Set<string>([reference!.id]);
    let checkMs = 0;
    const witnesses = new Set<string>([reference!.id]);
    for (let i = 0; i < ITERATIONS; i++) {
      const plan: KillPlan = [
        { phase: null, afterMs: random() * full.ms * 1.1 },
        { phase: 'started' as const, afterMs: random() * engineMs },
        { phase: 'engine-done' as const, afterMs: random() * storeMs * 1.3 },
      ][i % 3]!;
      const out = await runSrlab(file, plan);
      const context = `iteration ${i}, kill ${plan.afterMs.toFixed(0)} ms after ${plan.phase ?? 'the spawn'}, ${out.landing} (SRLAB_KILL_SEED=${SEED})`;
      const checkStart = performance.now();
      const db = openDatabase(file, { check: 'none' }); // the full check is the next line
      try {
        expect(db.sqlite.pragma('integrity_check', { simple: true }), context).toBe('ok');
        const runs = listRuns(db, { limit: 10_000 });
        expect(
          runs.filter((r) => r.status === 'running').map((r) => r.id),
          context,
        ).toEqual([]);
        for (const w of witnesses) expect(runs.find((r) => r.id === w)?.status, `${context}: witness ${w}`).toBe('completed');
        const fresh = runs.filter((r) => !known.has(r.id));
        expect(fresh.length, context).toBeLessThanOrEqual(1);
        for (const r of fresh) {
          known.add(r.id);
          const expected = out.landing === 'after storing' || out.landing === 'not killed (finished first)' ? ['completed'] : ['completed', 'interrupted'];
          expect(expected, context).toContain(r.status);
        }
        const outcome = `${out.landing} → ${fresh[0]?.status ?? 'no run row'}`;
        tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
        if (out.landing === 'during the engine run')
          expect(
            fresh.map((r) => r.status),
            context,
          ).toEqual(['interrupted']);
        for (const r of runs) if (r.status === 'completed') expectWhole(db, r.id, fingerprint);
        for (const r of fresh) {
          if (r.status === 'completed' && witnesses.size < 3) witnesses.add(r.id);
          else if (r.status === 'completed') deleteRun(db, r.id);
        }
      } finally {
        db.close();
        checkMs += performance.now() - checkStart;
      }
    }
    console.log(
      `kill test (${ITERATIONS} kills, SRLAB_KILL_SEED=${SEED}, a whole run ${full.ms.toFixed(0)} ms, engine ${engineMs.toFixed(0)} ms, results transaction ${storeMs.toFixed(0)} ms; checks after each kill ${(checkMs / ITERATIONS).toFixed(0)} ms on average):`,
      Object.fromEntries(tally),
    );
  });
});
