#!/usr/bin/env node
// `npm start`: the desktop lab. Builds the renderer when a source is newer than dist/renderer,
// bundles the Electron shell (build/electron/bundle.mjs) and starts Electron on the project.
// When this machine has no Electron binary (its download was skipped or failed), it says so in
// one sentence and opens the same lab in the browser instead (`srlab lab`, with the remaining
// arguments). Whether the binary is there is decided WITHOUT requiring the electron package,
// which would try to download it.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../build/electron/find-electron.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const fallbackSentence = (reason) =>
  `Electron is not available on this machine (${reason === 'override-missing' ? 'ELECTRON_OVERRIDE_DIST_PATH names no Electron binary' : 'its binary could not be downloaded'}), so Session Recovery Lab opens in your browser instead.`;

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

async function ensureRendererBuilt() {
  const index = join(root, 'dist', 'renderer', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(newest(join(root, 'renderer')), newest(join(root, 'engine')))) return;
  console.error('Building the lab’s user interface (first start or changed sources)…');
  const vite = await import('vite');
  await vite.build({ configFile: join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * Runs a child with our terminal and exits with its code. The child gets its own process group
 * (POSIX), so a signal sent to our group (Ctrl+C in a terminal, a service manager stopping us)
 * reaches it once, relayed by us, and not twice: a second SIGINT would cut its orderly stop
 * (storing a live run) short.
 */
function run(command, argv, env = process.env) {
  const child = spawn(command, argv, { stdio: 'inherit', cwd: root, env, detached: process.platform !== 'win32' });
  const alive = () => child.exitCode === null && child.signalCode === null;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (alive()) child.kill(signal);
    });
  }
  process.on('exit', () => {
    if (alive()) child.kill('SIGTERM');
  });
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1)));
}

const electron = findElectronBinary({ electronDir: join(root, 'node_modules', 'electron') });
if (!electron.ok) {
  console.error(fallbackSentence(electron.reason));
  run(process.execPath, [join(root, 'electron', 'cli', 'srlab.mjs'), 'lab', ...args]);
} else {
  try {
    await ensureRendererBuilt();
    const { bundleElectron } = await import('../build/electron/bundle.mjs');
    await bundleElectron({ root });
  } catch (error) {
    console.error(`Could not build the lab: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const abi = readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
  if (!existsSync(join(root, 'build', 'native', `electron-v${abi}`, 'better_sqlite3.node'))) {
    console.error('better-sqlite3 has no Electron build yet, so runs will not be stored: run "npm run native:electron" once to fix that.');
  }
  // ELECTRON_RUN_AS_NODE would make the binary a plain Node, not the app.
  const { ELECTRON_RUN_AS_NODE: _, ...env } = process.env;
  run(electron.path, [root, ...args], env);
}
