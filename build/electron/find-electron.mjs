// Where the Electron binary is, decided the way node_modules/electron/index.js decides it but
// WITHOUT requiring that package: requiring it downloads the binary when it is missing (which
// hangs or fails without the internet). Pure over an fs-like object, so it is tested anywhere.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {{ electronDir: string, env?: Record<string, string | undefined>, fs?: { existsSync(p: string): boolean, readFileSync(p: string, enc: 'utf8'): string } }} o
 * @returns {{ ok: true, path: string } | { ok: false, reason: 'no-path-txt' | 'no-binary' | 'override-missing', path: string | null }}
 */
export function findElectronBinary({ electronDir, env = process.env, fs = { existsSync, readFileSync } }) {
  const pathFile = join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, relative || 'electron');
    return fs.existsSync(path) ? { ok: true, path } : { ok: false, reason: 'override-missing', path };
  }
  if (!relative) return { ok: false, reason: 'no-path-txt', path: null };
  const path = join(electronDir, 'dist', relative);
  return fs.existsSync(path) ? { ok: true, path } : { ok: false, reason: 'no-binary', path };
}
