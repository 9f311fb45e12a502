import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleElectron } from '../../../build/electron/bundle.mjs';

// The real esbuild bundle of the main process, booted under Node with Electron replaced at the
// process boundary (fixtures/fake-electron: it plays the OS and the renderer, and prints what it
// saw). The app folder is a temporary one, as in a packaged app, so everything the services
// find must come from app.getAppPath().
const root = fileURLToPath(new URL('../../../', import.meta.url));
const register = fileURLToPath(new URL('./fixtures/fake-electron/register.mjs', import.meta.url));
// Inside the project: the bundle's one external package (better-sqlite3) resolves from here.
const outDir = join(root, 'node_modules', '.cache', `srlab-shell-test-${process.pid}`);
const appRoot = mkdtempSync(join(tmpdir(), 'srlab-app-'));
let result: Record<string, any>;

beforeAll(async () => {
  await bundleElectron({ root, outDir });
  mkdirSync(join(appRoot, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>fake renderer</title>');
  copyFileSync(join(root, 'package.json'), join(appRoot, 'package.json'));
  symlinkSync(join(root, 'assets'), join(appRoot, 'assets'), 'dir');
  const child = spawn(process.execPath, ['--import', register, join(outDir, 'main.mjs')], {
    env: { ...process.env, FAKE_APP_PATH: appRoot, FAKE_USER_DATA: join(appRoot, 'user-data'), SRLAB_ROOT: '', SRLAB_DB: join(appRoot, 'runs.db') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const line = out.split('\n').find((l) => l.startsWith('FAKE-RESULT '));
  if (!line) throw new Error(`no result (exit ${code}):\n${out}\n${err}`);
  result = JSON.parse(line.slice('FAKE-RESULT '.length)) as Record<string, any>;
  result.exitCode = code;
  if (result.error) throw new Error(`${result.error}\n${err}`);
}, 120_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(appRoot, { recursive: true, force: true });
});

describe('the bundled main process (fake Electron)', () => {
  it('takes its root from app.getAppPath(), set before any service was loaded', () => {
    expect(result.env.SRLAB_ROOT).toBe(appRoot + sep);
    expect(result.templates.ok).toBe(true);
    expect(result.templates.value.length).toBeGreaterThan(0);
  });

  it('registers app:// as a standard secure scheme and enables the sandbox for every renderer', () => {
    expect(result.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(result.sandbox).toBe(true);
    expect(result.name).toBe('Session Recovery Lab');
  });

  it('answers the API over IPC as the electron host', () => {
    expect(result.appInfo).toMatchObject({ ok: true, value: { host: 'electron', version: '0.0.0-fake' } });
    expect(result.foreign).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(result.unknown).toMatchObject({ ok: false, error: { code: 'bad-method' } });
    expect(result.takePending).toEqual({ ok: true, value: null });
  });

  it('serves the renderer from the app folder with the CSP, and nothing outside it', () => {
    expect(result.index.status).toBe(200);
    expect(result.index.body).toContain('fake renderer');
    expect(result.index.csp).toContain("script-src 'self'");
    expect(result.escape).toBe(403);
  });

  it('opens one secure window on app://lab', () => {
    expect(result.window.url).toBe('app://lab/index.html');
    expect(result.window.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: true });
    expect(result.window.webPreferences.preload).toBe(join(outDir, 'preload.cjs'));
  });

  it('sets the menus', () => {
    expect(result.menus).toEqual(process.platform === 'darwin' ? ['app', 'file', 'edit', 'run', 'view', 'help'] : ['file', 'edit', 'run', 'view', 'help']);
  });

  it('denies permissions and downloads, and every webContents refuses navigation away, new windows and webviews', () => {
    expect(result.permission).toEqual({ request: false, check: false, device: false });
    expect(result.downloadPrevented).toBe(true);
    expect(result.hardening).toEqual({ navigateAway: true, navigateInApp: false, redirectAway: true, frameAway: true, webview: true, windowOpen: { action: 'deny' } });
  });

  it('runs a template to its end in the bundled worker and relays the events to the window', () => {
    expect(result.start).toMatchObject({ ok: true, value: { runId: null } });
    expect(result.ended).toBe('completed');
    expect(result.events).toEqual(expect.arrayContaining(['srlab:event sim:snapshot', 'srlab:event sim:ended']));
  });

  it('says once the window shows that runs are not stored without the Electron build of better-sqlite3', () => {
    expect(result.dialogs).toHaveLength(1);
    expect(result.dialogs[0]).toMatchObject({ kind: 'message', text: expect.stringContaining('npm run native:electron') });
  });

  it('stops the live run and quits cleanly', () => {
    expect(result.exitCode).toBe(0);
  });
});
