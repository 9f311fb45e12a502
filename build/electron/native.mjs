#!/usr/bin/env node
// `npm run native:electron`: builds better-sqlite3 for Electron's ABI, BESIDE the Node build
// npm made (which the CLI and the tests keep using): the package is copied to a temporary
// folder, rebuilt there with node-gyp against Electron's headers, and the one file that matters
// is placed at build/native/electron-v<abi>/better_sqlite3.node, where main passes it to
// better-sqlite3 as `nativeBinding`. Needs the internet once (the headers) and a C++ toolchain.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST_URL = 'https://electronjs.org/headers';
const TIMEOUT_MS = 15 * 60 * 1000;

const modules = join(ROOT, 'node_modules');
const version = JSON.parse(readFileSync(join(modules, 'electron', 'package.json'), 'utf8')).version;
const abi = readFileSync(join(modules, 'electron', 'abi_version'), 'utf8').trim();
const target = join(ROOT, 'build', 'native', `electron-v${abi}`, 'better_sqlite3.node');
// Electron's headers apart from Node's (node-gyp keys its cache by version only).
const devdir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'srlab-electron-gyp');
const what = `better-sqlite3 for Electron ${version} (ABI ${abi})`;

function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}

async function headersReachable() {
  if (existsSync(join(devdir, version, 'installVersion'))) return true;
  try {
    const r = await fetch(`${DIST_URL}/v${version}/SHASUMS256.txt`, { method: 'HEAD', signal: AbortSignal.timeout(20_000) });
    return r.ok;
  } catch {
    return false;
  }
}

if (!(await headersReachable())) {
  fail(`Could not build ${what}: Electron's headers could not be downloaded from ${DIST_URL} (is this machine offline?), so nothing was changed.`);
}

const work = mkdtempSync(join(tmpdir(), 'srlab-native-'));
const pkg = join(work, 'better-sqlite3');
const source = join(modules, 'better-sqlite3');
cpSync(source, pkg, { recursive: true, filter: (p) => !p.startsWith(join(source, 'build') + sep) && p !== join(source, 'build') });
const logFile = join(work, 'build.log');
const log = createWriteStream(logFile);
console.log(`Building ${what} in ${work} (a few minutes)…`);
const gyp = join(modules, 'node-gyp', 'bin', 'node-gyp.js');
const code = await new Promise((done) => {
  const child = spawn(process.execPath, [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, `--dist-url=${DIST_URL}`, `--devdir=${devdir}`], {
    cwd: pkg,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: DIST_URL },
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const timer = setTimeout(() => child.kill('SIGTERM'), TIMEOUT_MS);
  child.on('error', () => done(-1));
  child.on('exit', (c) => {
    clearTimeout(timer);
    done(c ?? -1);
  });
});
log.end();
const built = join(pkg, 'build', 'Release', 'better_sqlite3.node');
if (code !== 0 || !existsSync(built)) {
  const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  const cause = /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|getaddrinfo/i.test(text)
    ? `node-gyp could not download Electron's headers from ${DIST_URL}`
    : code === -1
      ? 'node-gyp did not finish'
      : `node-gyp failed (exit ${code}; a C++ toolchain and Python are needed)`;
  fail(`Could not build ${what}: ${cause}; nothing was changed, and the full log is ${logFile}.`);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(built, target);
rmSync(work, { recursive: true, force: true });
console.log(`Built ${what}: ${target.slice(ROOT.length + 1)} (the Node build in node_modules is untouched).`);
