import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// conventions.md: electron/main is the only code importing Electron's main APIs, electron/preload
// the only code importing contextBridge/ipcRenderer, and electron/services never imports electron.
const root = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}
const importsElectron = (text: string) => /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]electron['"]/.test(text.replace(/^\s*import\s+type\s.*$/gm, ''));
const read = (f: string) => readFileSync(join(root, f), 'utf8');

describe('process boundaries', () => {
  it('nothing outside electron/main and electron/preload imports electron at run time', () => {
    const offenders = ['electron', 'engine', 'renderer/src']
      .flatMap(sources)
      .filter((f) => !f.startsWith(join('electron', 'main')) && !f.startsWith(join('electron', 'preload')))
      .filter((f) => importsElectron(read(f)));
    expect(offenders).toEqual([]);
  });

  it('only the preload uses contextBridge and ipcRenderer', () => {
    const users = sources('electron').filter((f) => /\b(contextBridge|ipcRenderer)\b/.test(read(f).replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
    expect(users.map((f) => relative('electron', f))).toEqual([join('preload', 'preload.ts')]);
  });

  it('the preload loads nothing at run time but electron and the channel names', () => {
    const text = read(join('electron', 'preload', 'preload.ts'));
    const runtime = [...text.matchAll(/^import\s+(?!type\s)[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(runtime.sort()).toEqual(['./channels.ts', 'electron']);
  });

  it('the renderer and the engine never reach into the Electron shell', () => {
    const offenders = ['engine', 'renderer/src'].flatMap(sources).filter((f) => /from\s+['"][^'"]*electron\/(main|preload)\//.test(read(f)));
    expect(offenders).toEqual([]);
  });
});
