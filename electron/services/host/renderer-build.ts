/**
 * The built renderer the host serves: dist/renderer, rebuilt with vite when a renderer source
 * is newer than the build (or it is missing), so `npm run lab` after an edit shows the edit.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';

const ROOT = PROJECT_ROOT;
/** Where the built renderer lives. */
export const RENDERER_DIST = join(ROOT, 'dist', 'renderer');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Whether dist/renderer is missing or older than a source under renderer/ or engine/. */
export function rendererIsStale(): boolean {
  const index = join(RENDERER_DIST, 'index.html');
  if (!existsSync(index)) return true;
  if (!existsSync(join(ROOT, 'renderer'))) return false; // packaged: sources are not shipped
  const built = statSync(index).mtimeMs;
  return Math.max(newest(join(ROOT, 'renderer')), newest(join(ROOT, 'engine'))) > built;
}

/** Builds the renderer when stale; returns what happened, for one line of output. */
export async function ensureRendererBuilt(log: (line: string) => void): Promise<void> {
  if (!rendererIsStale()) return;
  log('Building the lab’s user interface (first start or changed sources)…');
  const vite = await import('vite');
  await vite.build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}
