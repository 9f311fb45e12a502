import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from './import-graph.ts';

describe('the engine in a browser', () => {
  it('bundles engine/index.ts for the browser with nothing from Node', async () => {
    const r = await build({
      absWorkingDir: ROOT,
      entryPoints: ['engine/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(r.errors).toEqual([]);
    const inputs = Object.keys(r.metafile.inputs);
    // Only the engine's own files and zod (its one dependency) go in.
    expect(inputs.filter((f) => !f.startsWith('engine/') && !f.startsWith('node_modules/zod/'))).toEqual([]);
    expect(r.outputFiles[0]!.text).not.toMatch(/\brequire\(|from\s*["']node:/);
  });
});
