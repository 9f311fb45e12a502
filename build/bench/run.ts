/**
 * Bundles the benchmarks with esbuild (as the CLI runs the engine: cross-module const enums
 * inlined) and runs the bundle in a fresh Node with --expose-gc, so heap figures are exact.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = `${root}node_modules/.cache/srlab/bench.mjs`;
mkdirSync(`${root}node_modules/.cache/srlab`, { recursive: true });
await build({
  entryPoints: [`${root}build/bench/main.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: out,
  sourcemap: true,
  logLevel: 'warning',
  packages: 'external',
  define: { 'process.env.SRLAB_ROOT': JSON.stringify(root) },
  entryNames: 'bench',
});
const r = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
