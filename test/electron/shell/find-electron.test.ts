import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../build/electron/find-electron.mjs';

const dir = join('/p', 'node_modules', 'electron');

/** An fs-like object over a map of files. */
function fakeFs(files: Record<string, string>) {
  return {
    existsSync: (p: string) => Object.hasOwn(files, p),
    readFileSync: (p: string) => {
      if (!Object.hasOwn(files, p)) throw Object.assign(new Error(`ENOENT ${p}`), { code: 'ENOENT' });
      return files[p]!;
    },
  };
}

describe('findElectronBinary', () => {
  it('finds the binary path.txt names under dist', () => {
    const fs = fakeFs({ [join(dir, 'path.txt')]: 'electron', [join(dir, 'dist', 'electron')]: '' });
    expect(findElectronBinary({ electronDir: dir, env: {}, fs })).toEqual({ ok: true, path: join(dir, 'dist', 'electron') });
  });

  it('reports no-path-txt when the download never ran (install script denied)', () => {
    expect(findElectronBinary({ electronDir: dir, env: {}, fs: fakeFs({}) })).toEqual({ ok: false, reason: 'no-path-txt', path: null });
  });

  it('reports no-binary when path.txt names a file that is not there', () => {
    const fs = fakeFs({ [join(dir, 'path.txt')]: 'Electron.app/Contents/MacOS/Electron\n' });
    expect(findElectronBinary({ electronDir: dir, env: {}, fs })).toEqual({ ok: false, reason: 'no-binary', path: join(dir, 'dist', 'Electron.app/Contents/MacOS/Electron') });
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH when set (with path.txt or without)', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' };
    expect(findElectronBinary({ electronDir: dir, env, fs: fakeFs({ [join('/opt/electron', 'electron')]: '' }) })).toEqual({ ok: true, path: join('/opt/electron', 'electron') });
    const fs = fakeFs({ [join(dir, 'path.txt')]: 'electron.exe', [join('/opt/electron', 'electron.exe')]: '' });
    expect(findElectronBinary({ electronDir: dir, env, fs })).toEqual({ ok: true, path: join('/opt/electron', 'electron.exe') });
  });

  it('reports override-missing when the override folder has no binary', () => {
    const r = findElectronBinary({ electronDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/none' }, fs: fakeFs({}) });
    expect(r).toEqual({ ok: false, reason: 'override-missing', path: join('/opt/none', 'electron') });
  });

  it('answers for this machine without downloading anything', () => {
    const r = findElectronBinary({ electronDir: join(process.cwd(), 'node_modules', 'electron'), env: {} });
    expect(typeof r.ok).toBe('boolean');
  });
});
