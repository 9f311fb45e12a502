#!/usr/bin/env node
// `npm run dist [-- electron-builder flags]`: builds the renderer and the Electron bundles, then
// runs electron-builder with build/electron/electron-builder.config.cjs (installers land in
// dist/release). electron-builder rebuilds better-sqlite3 for Electron IN PLACE in
// node_modules; the Node build the CLI and tests use is saved first and put back afterwards.
// Packaging needs Electron itself for the target platform, which electron-builder downloads
// (from github.com, or $ELECTRON_MIRROR) into its cache: without it, this stops early and says so.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleElectron } from './bundle.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONFIG = join(ROOT, 'build', 'electron', 'electron-builder.config.cjs');
const TIMEOUT_MS = 45 * 60 * 1000;
const version = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const args = process.argv.slice(2);

function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}

function cacheDirs() {
  const home = homedir();
  const dirs = [process.env.electron_config_cache, process.env.ELECTRON_CACHE, join(process.env.XDG_CACHE_HOME || join(home, '.cache'), 'electron'), join(home, 'Library', 'Caches', 'electron')];
  if (process.env.LOCALAPPDATA) dirs.push(join(process.env.LOCALAPPDATA, 'electron', 'Cache'));
  return dirs.filter((d) => d && existsSync(d));
}

function cachedZip(dir, depth = 2) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isFile() && e.name.startsWith(`electron-v${version}-`) && e.name.endsWith('.zip')) return true;
    if (e.isDirectory() && depth > 0 && cachedZip(join(dir, e.name), depth - 1)) return true;
  }
  return false;
}

/** Whether electron-builder will find Electron: cached, a mirror, or github.com reachable. */
async function electronObtainable() {
  if (process.env.ELECTRON_MIRROR || process.env.electron_config_mirror) return true;
  if (cacheDirs().some((d) => cachedZip(d))) return true;
  try {
    const r = await fetch(`https://github.com/electron/electron/releases/download/v${version}/SHASUMS256.txt`, { method: 'HEAD', signal: AbortSignal.timeout(20_000) });
    return r.ok;
  } catch {
    return false;
  }
}

if (!(await electronObtainable())) {
  fail(
    `Cannot package: electron-builder needs Electron ${version} for the target platform, which it downloads from github.com into its cache, and it is neither cached nor downloadable here (offline?); no installer was made.`,
  );
}

console.log('Building the renderer…');
const vite = await import('vite');
await vite.build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
console.log('Bundling the Electron shell…');
await bundleElectron({ root: ROOT });

// Save Node's build of better-sqlite3: electron-builder's rebuild overwrites it in place.
const nativeBuild = join(ROOT, 'node_modules', 'better-sqlite3', 'build');
const saved = join(mkdtempSync(join(tmpdir(), 'srlab-dist-')), 'build');
cpSync(nativeBuild, saved, { recursive: true });
let code;
try {
  // npm passes its own `nodedir` config down as npm_config_nodedir; node-gyp would then compile
  // against Node's headers instead of Electron's and produce a module Electron cannot load.
  const { npm_config_nodedir: _a, NODEDIR: _b, ...env } = process.env;
  const builder = join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
  code = await new Promise((done) => {
    const child = spawn(process.execPath, [builder, '--config', CONFIG, '--publish', 'never', ...args], { cwd: ROOT, stdio: 'inherit', env });
    const timer = setTimeout(() => child.kill('SIGTERM'), TIMEOUT_MS);
    child.on('error', () => done(-1));
    child.on('exit', (c) => {
      clearTimeout(timer);
      done(c ?? -1);
    });
  });
} finally {
  rmSync(nativeBuild, { recursive: true, force: true });
  cpSync(saved, nativeBuild, { recursive: true });
  rmSync(dirname(saved), { recursive: true, force: true });
}
if (code !== 0) fail(`electron-builder failed (exit ${code}; its messages are above); no installer was made, and node_modules/better-sqlite3 is back to its Node build.`);
console.log('Installers are in dist/release.');
