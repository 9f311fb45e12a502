import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
// No test may write the user's real runs database: commands without --db use this one.
const env = { SRLAB_DB: join(tmpdir(), `srlab-tests-${process.pid}.db`) };
// Files that replace a module with vi.mock: a mock needs a module graph of its own.
const MOCKING = ['test/electron/shell/preload.test.ts', 'test/electron/db/preflight-snapshot.test.ts'];

export default defineConfig({
  test: {
    root,
    // Vitest's default on a 2-core machine is ONE worker: every file in turn. Much of the suite
    // waits rather than computes (spawned CLIs, Chromium, worker threads, SQLite), so three
    // workers overlap those waits; every test waits on state, never on time, so load is safe.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'engine',
          root,
          include: ['test/engine/**/*.test.ts', 'test/golden/**/*.test.ts'],
          environment: 'node',
          // The engine is pure (no globals, no I/O): its files share one module graph per
          // worker instead of importing the engine afresh for each of 40 files.
          isolate: false,
          testTimeout: 60_000,
        },
      },
      {
        // Checks over the source tree itself: import cycles, lint boundaries, the engine in a browser.
        test: {
          name: 'repo',
          root,
          include: ['test/repo/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          root,
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // Files share one module graph per worker (React, React Flow, ECharts and the app are
          // imported once, not 25 times); setup.ts registers the per-test cleanup for each file.
          isolate: false,
          setupFiles: ['test/renderer/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          env,
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // Waits are on state; these limits only decide how long a broken page takes to fail,
          // and must hold on a machine loaded far beyond its cores (other suites, other people).
          testTimeout: 300_000,
          hookTimeout: 300_000,
          expect: { poll: { timeout: 60_000, interval: 100 } },
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'electron',
          root,
          env,
          // Files share one module graph per worker (the services, SQLite and the engine are
          // imported once per worker, not 55 times); files that mock a module run apart.
          isolate: false,
          include: ['test/electron/**/*.test.ts'],
          exclude: MOCKING,
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'electron-mocked',
          root,
          env,
          include: MOCKING,
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        // Hostile input: fuzzed scenario files, malformed requests and frames, damaged databases,
        // scenarios too big to run. Small by default; `npm run fuzz` (or SRLAB_FUZZ=large) runs more.
        test: {
          name: 'reliability',
          root,
          env,
          include: ['test/reliability/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
    ],
  },
});
