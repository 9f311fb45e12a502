#!/usr/bin/env node
// `npm test`: the type check and the linters (typecheck, ESLint, Prettier, knip) run beside the
// test suite instead of before it. They need nothing from each other, the suite spends much of
// its time waiting (Chromium, spawned CLIs, worker threads), and on a 2-core machine this saves
// the minute the checks take. The suite's output streams as usual; the checks' output is held
// and printed after it. Exits non-zero when either failed. Arguments go to vitest
// (`npm test -- test/engine` runs only those files; the full check still runs beside them).
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command, holding its output; resolves with its exit code and what it printed. */
function held(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => out.push(b));
    child.on('error', (e) => resolve({ code: 1, text: `${cmd}: ${e.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, text: Buffer.concat(out).toString('utf8') }));
  });
}

/** Runs a command with its output going straight to ours. */
function streamed(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const checks = (async () => {
  const typecheck = await held(npm, ['run', '--silent', 'typecheck']);
  if (typecheck.code !== 0) return { name: 'npm run typecheck', ...typecheck };
  const lint = await held(npm, ['run', '--silent', 'lint']);
  return { name: 'npm run lint', ...lint };
})();
const suite = streamed(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/vitest.config.ts', ...process.argv.slice(2)]);

const [check, suiteCode] = await Promise.all([checks, suite]);
if (check.code === 0) process.stdout.write('\nType check, ESLint, Prettier and knip: no problems.\n');
else process.stdout.write(`\n${check.name} failed (exit ${check.code}):\n${check.text}\n`);
process.exitCode = check.code !== 0 ? check.code : suiteCode;
