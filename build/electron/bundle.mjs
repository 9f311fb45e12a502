#!/usr/bin/env node
// `npm run build:electron`: bundles the Electron shell with esbuild into dist/electron/.
//   main.mjs         the main process (ESM), with every services/engine module inlined;
//                    electron and better-sqlite3 stay external (the latter is native).
//   live-worker.mjs  the live run's worker thread (and every other worker of
//                    electron/services/workers.ts that exists), next to main.mjs, where
//                    workerEntry() looks when SRLAB_BUNDLED is '1'.
//   preload.cjs      the preload: one CommonJS file (a sandboxed preload cannot load others).
// SRLAB_ROOT is NOT defined here: electron/main/env.ts sets it at run time from
// app.getAppPath() (the project in development, the asar archive when packaged).
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Worker entries (name → source), as in electron/services/workers.ts; missing ones skipped. */
const WORKERS = {
  'live-worker': 'electron/services/live/live-worker.ts',
  'sweep-worker': 'electron/services/sweeps/sweep-worker.ts',
  'heavy-worker': 'electron/services/host/heavy-worker.ts',
  'seek-worker': 'electron/services/timetravel/seek-worker.ts',
};

// ESM output may still contain require() calls from bundled CommonJS packages.
const REQUIRE_SHIM = "import { createRequire as __srlabCreateRequire } from 'node:module'; const require = __srlabCreateRequire(import.meta.url);";

/** Builds dist/electron; returns the files written. */
export async function bundleElectron({ root = ROOT, outDir = join(root, 'dist', 'electron'), minify = false } = {}) {
  const esbuild = await import('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  const entryPoints = { main: join(root, 'electron', 'main', 'main.ts') };
  for (const [name, src] of Object.entries(WORKERS)) if (existsSync(join(root, src))) entryPoints[name] = join(root, src);
  const common = { bundle: true, absWorkingDir: root, logLevel: 'warning', sourcemap: 'linked', minify, legalComments: 'none', metafile: true };
  const node = await esbuild.build({
    ...common,
    entryPoints,
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node22', // Electron 45's Node
    external: ['electron', 'better-sqlite3'],
    define: { 'process.env.SRLAB_BUNDLED': '"1"' },
    banner: { js: REQUIRE_SHIM },
  });
  const preload = await esbuild.build({
    ...common,
    entryPoints: { preload: join(root, 'electron', 'preload', 'preload.ts') },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    format: 'cjs',
    target: 'chrome140', // Electron 45's Chromium
    external: ['electron'],
  });
  return [...Object.keys(node.metafile.outputs), ...Object.keys(preload.metafile.outputs)].filter((f) => !f.endsWith('.map')).map((f) => resolve(root, f));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const files = await bundleElectron();
    console.log(`Built the Electron shell: ${files.map((f) => f.slice(ROOT.length + 1)).join(', ')}`);
  } catch (error) {
    console.error(`Could not bundle the Electron shell: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
