import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario, Simulation, type Fault, type RunResult, type Scenario } from '../../../engine/index.ts';
import { openDatabase, type OpenOptions, type RunDatabase } from '../../../electron/services/db/index.ts';
import { finishRun, startRun, TraceCapture } from '../../../electron/services/runs/index.ts';

/** Absolute path of a file in this folder's fixtures, or of the CLI's fixtures with `cli:`. */
export function fixturePath(name: string): string {
  const url = name.startsWith('cli:') ? `../cli/fixtures/${name.slice(4)}` : `./fixtures/${name}`;
  return fileURLToPath(new URL(url, import.meta.url));
}

/** A loaded fixture scenario (the CLI's spoke-hub by default). */
export function loadScenario(name = 'cli:spoke-hub.srlab.json'): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(fixturePath(name), 'utf8')) as unknown);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.scenario;
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'srlab-db-'));
}

/** A new database in a fresh folder. */
export function freshDb(opts: OpenOptions = {}): RunDatabase {
  return openDatabase(join(tempDir(), 'runs.db'), opts);
}

/** SHA-256 of a file's bytes. */
export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** What {@link storeRun} stored and what the engine produced. */
export interface StoredRun {
  runId: string;
  result: RunResult;
  trace: TraceCapture;
}

/**
 * Runs `scenario` as the CLI does (row first, engine, results in one transaction), optionally
 * injecting `inject` live at `injectAtUs`.
 */
export function storeRun(db: RunDatabase, scenario: Scenario = loadScenario(), opts: { seed?: number; durationMs?: number; inject?: Fault; injectAtUs?: number; traceCap?: number } = {}): StoredRun {
  const runId = startRun(db, { scenario, seed: opts.seed, durationMs: opts.durationMs, source: 'cli' });
  const trace = new TraceCapture(opts.traceCap);
  const sim = new Simulation(scenario, { seed: opts.seed, durationMs: opts.durationMs, trace: trace.push });
  if (opts.inject !== undefined) {
    sim.runUntil(opts.injectAtUs ?? 5_000_000);
    const injected = sim.inject(opts.inject);
    if (!injected.ok) throw new Error(injected.message);
  }
  const result = sim.run();
  finishRun(db, runId, result, trace, 42);
  return { runId, result, trace };
}
