#!/usr/bin/env node
// The srlab bin. Plain JavaScript so Node can start it directly. It runs the TypeScript
// sources as one esbuild bundle, cached under node_modules/.cache and rebuilt when a source
// is newer: bundling inlines the engine's const enums, which makes runs about twice as fast
// as loading the sources one by one. If esbuild is missing it falls back to tsx.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

// `srlab schema | head -1` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts') || e.name.endsWith('.mjs')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

// Every entry of the bundle: the command line and the worker threads it starts.
const ENTRIES = {
  main: join(here, 'main.ts'),
  'live-worker': join(root, 'electron', 'services', 'live', 'live-worker.ts'),
  'sweep-worker': join(root, 'electron', 'services', 'sweeps', 'sweep-worker.ts'),
  'heavy-worker': join(root, 'electron', 'services', 'host', 'heavy-worker.ts'),
  'seek-worker': join(root, 'electron', 'services', 'timetravel', 'seek-worker.ts'),
  // BullMQ's sandboxed processor for `srlab worker` (BullMQ imports it in its own worker thread).
  'queue-processor': join(root, 'electron', 'services', 'queue', 'processor.ts'),
};

async function loadBundled() {
  const outDir = join(root, 'node_modules', '.cache', 'srlab');
  const out = join(outDir, 'main.mjs');
  let stale = true;
  try {
    const built = Math.min(...Object.keys(ENTRIES).map((name) => statSync(join(outDir, `${name}.mjs`)).mtimeMs));
    stale = built < Math.max(newestSource(join(root, 'engine')), newestSource(join(root, 'electron')));
  } catch {
    stale = true;
  }
  if (stale) {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: ENTRIES,
      bundle: true,
      platform: 'node',
      format: 'esm',
      // Code only some commands need (the queue's BullMQ and Redis clients) is loaded when asked.
      splitting: true,
      chunkNames: 'chunk-[hash]',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      write: false,
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
      logLevel: 'silent',
      absWorkingDir: root,
      // Inside the bundle import.meta.url is the cache folder: tell the code where it came from.
      define: { 'process.env.SRLAB_BUNDLED': '"1"', 'process.env.SRLAB_ROOT': JSON.stringify(root + '/') },
    });
    mkdirSync(outDir, { recursive: true });
    // Another srlab may be building at the same moment: write aside, then rename over.
    for (const file of result.outputFiles) {
      const tmp = `${file.path}.${process.pid}.tmp`;
      writeFileSync(tmp, file.contents);
      renameSync(tmp, file.path);
    }
    forgetOldChunks(outDir, new Set(result.outputFiles.map((f) => basename(f.path))));
  }
  return import(pathToFileURL(out).href);
}

/**
 * Chunks are named by their content, so each rebuild leaves the last one's behind (a megabyte
 * or two each time a source changes). Removes those this build did not write, once they are
 * an hour old: a process started from an older build may still load one of its chunks lazily.
 */
function forgetOldChunks(outDir, written) {
  const before = Date.now() - 3_600_000;
  for (const name of readdirSync(outDir)) {
    if (written.has(name) || !/^chunk-.*\.mjs(\.map)?$|\.tmp$/.test(name)) continue;
    try {
      const p = join(outDir, name);
      if (statSync(p).mtimeMs < before) rmSync(p, { force: true });
    } catch {
      // Another srlab removed it first.
    }
  }
}

async function loadSources() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('./main.ts');
}

let mod;
try {
  mod = await loadBundled();
} catch {
  mod = await loadSources();
}
// exitCode rather than exit(): let stdout drain when it is a pipe.
process.exitCode = await mod.main(process.argv.slice(2));
