import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../build/electron/find-electron.mjs';

// `npm start` on a machine without the Electron binary: one sentence, then the browser host.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'srlab-start-'));
const SENTENCE = /Electron is not available on this machine \([^)]*\), so Session Recovery Lab opens in your browser instead\./g;
let child: ChildProcess | null = null;

afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function childEnv(): NodeJS.ProcessEnv {
  const { ELECTRON_OVERRIDE_DIST_PATH: _, ...env } = process.env;
  const here = findElectronBinary({ electronDir: join(root, 'node_modules', 'electron'), env });
  // Where Electron IS installed, point the override at an empty folder to take the same path.
  return { ...env, SRLAB_DB: join(dir, 'runs.db'), ...(here.ok ? { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron') } : {}) };
}

describe('npm start without the Electron binary', () => {
  it('says so once, serves the lab in the browser host, and stops on SIGTERM', async () => {
    child = spawn(process.execPath, [join(root, 'electron', 'start.mjs'), '--no-open', '--port', '0'], { cwd: root, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child!.on('exit', (code, signal) => resolve({ code, signal })));

    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 100 s:\n${output}`)), 100_000);
      const look = () => {
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child!.stdout!.on('data', look);
      child!.stderr!.on('data', look);
      void exited.then(() => reject(new Error(`start.mjs exited before serving:\n${output}`)));
    });

    expect(output.match(SENTENCE)).toHaveLength(1);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');

    child.kill('SIGTERM');
    const end = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000))]);
    expect(end).not.toBe('hung');
    expect(end).toMatchObject({ code: 0 });
  }, 120_000);
});

describe('npm start with an Electron binary', () => {
  it.skipIf(process.platform === 'win32')(
    'bundles the shell and starts the binary on the project, passing the arguments on',
    async () => {
      const { chmodSync, existsSync, mkdirSync, writeFileSync } = await import('node:fs');
      const fakeDist = join(dir, 'fake-electron');
      mkdirSync(fakeDist, { recursive: true });
      const bin = join(fakeDist, 'electron');
      writeFileSync(bin, '#!/bin/sh\necho "FAKE-ELECTRON args=$* run-as-node=${ELECTRON_RUN_AS_NODE:-unset}"\n');
      chmodSync(bin, 0o755);
      const { ELECTRON_OVERRIDE_DIST_PATH: _, ...env } = process.env;
      const run = spawn(process.execPath, [join(root, 'electron', 'start.mjs'), '--some-flag'], {
        cwd: root,
        env: { ...env, ELECTRON_OVERRIDE_DIST_PATH: fakeDist, ELECTRON_RUN_AS_NODE: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      run.stdout.on('data', (d) => (output += d));
      run.stderr.on('data', (d) => (output += d));
      const code = await new Promise<number | null>((resolve) => run.on('exit', resolve));
      expect(code).toBe(0);
      const launched = /FAKE-ELECTRON args=(\S+) --some-flag run-as-node=(\S+)/.exec(output);
      expect(launched, output).not.toBeNull();
      expect(resolve(launched![1]!)).toBe(resolve(root));
      expect(launched![2]).toBe('unset');
      expect(output).not.toMatch(SENTENCE);
      for (const f of ['main.mjs', 'live-worker.mjs', 'preload.cjs']) expect(existsSync(join(root, 'dist', 'electron', f))).toBe(true);
    },
    120_000,
  );
});
