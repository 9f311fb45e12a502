/**
 * Where a worker thread's entry file is. The CLI and the browser host run from one esbuild
 * bundle (electron/cli/srlab.mjs builds it with each worker as its own entry, side by side);
 * tests and tsx run the TypeScript sources, started through worker-shim.mjs, which loads tsx.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fromRoot } from './paths.ts';
import { dirname, join } from 'node:path';
import type { WorkerOptions } from 'node:worker_threads';

/** The workers there are (each an entry of the bundle). */
export type WorkerName = 'live-worker' | 'sweep-worker' | 'heavy-worker' | 'seek-worker';

const SOURCES: Record<WorkerName, string> = {
  'live-worker': 'electron/services/live/live-worker.ts',
  'sweep-worker': 'electron/services/sweeps/sweep-worker.ts',
  'heavy-worker': 'electron/services/host/heavy-worker.ts',
  'seek-worker': 'electron/services/timetravel/seek-worker.ts',
};

/** The file and options to start worker `name` with. */
export function workerEntry(name: WorkerName): { file: string; options: WorkerOptions } {
  if (process.env.SRLAB_BUNDLED === '1') {
    // esbuild replaced the condition above; the bundle's workers sit next to it.
    // In a packaged app the workers are unpacked next to the archive (a worker cannot start from
    // inside app.asar), so a path into the archive points at its .asar.unpacked twin.
    const dir = dirname(fileURLToPath(import.meta.url)).replace(/\.asar([\\/])/, '.asar.unpacked$1');
    return { file: join(dir, `${name}.mjs`), options: {} };
  }
  // From the project root, not this file: inside another bundle (the benchmarks) this file's URL is the bundle's.
  const entry = pathToFileURL(fromRoot(SOURCES[name])).href;
  return { file: fromRoot('electron/services/worker-shim.mjs'), options: { workerData: { __srlabEntry: entry } } };
}
