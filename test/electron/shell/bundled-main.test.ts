import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleElectron } from '../../../build/electron/bundle.mjs';
import { electronBindingPath } from '../../../electron/main/native-binding.ts';

// The real esbuild bundle of the main process, booted under Node with Electron replaced at the
// process boundary (fixtures/fake-electron: it plays the OS and the renderer, and prints what it
// saw). The app folder is a temporary one, as in a packaged app, so everything the services
// find must come from app.getAppPath().
const root = fileURLToPath(new URL('../../../', import.meta.url));
const register = fileURLToPath(new URL('./fixtures/fake-electron/register.mjs', import.meta.url));
// Inside the project: the bundle's one external package (better-sqlite3) resolves from here.
const outDir = join(root, 'node_modules', '.cache', `srlab-shell-test-${process.pid}`);
const appRoots: string[] = [];
let appRoot: string;
let result: Record<string, any>;
let withDb: Record<string, any>;

/** Boots the bundle in a fresh app folder; `nativeBinding`: put Node's better-sqlite3 build where main looks for Electron's. */
async function boot(o: { nativeBinding: boolean }): Promise<{ appRoot: string; result: Record<string, any> }> {
  const dir = mkdtempSync(join(tmpdir(), 'srlab-app-'));
  appRoots.push(dir);
  mkdirSync(join(dir, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>fake renderer</title>');
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(root, 'assets'), join(dir, 'assets'), 'dir');
  if (o.nativeBinding) {
    // Under Node, process.versions.modules is Node's ABI, so Node's own build is the right one.
    const binding = electronBindingPath(dir, process.versions.modules);
    mkdirSync(dirname(binding), { recursive: true });
    copyFileSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), binding);
  }
  const child = spawn(process.execPath, ['--import', register, join(outDir, 'main.mjs')], {
    env: { ...process.env, FAKE_APP_PATH: dir, FAKE_USER_DATA: join(dir, 'user-data'), SRLAB_ROOT: '', SRLAB_DB: join(dir, 'runs.db'), FAKE_WITH_DB: o.nativeBinding ? '1' : '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const line = out.split('\n').find((l) => l.startsWith('FAKE-RESULT '));
  if (!line) throw new Error(`no result (exit ${code}):\n${out}\n${err}`);
  const r = JSON.parse(line.slice('FAKE-RESULT '.length)) as Record<string, any>;
  r.exitCode = code;
  if (r.error) throw new Error(`${r.error}\n${err}`);
  return { appRoot: dir, result: r };
}

beforeAll(async () => {
  await bundleElectron({ root, outDir });
  const [without, withBinding] = await Promise.all([boot({ nativeBinding: false }), boot({ nativeBinding: true })]);
  ({ appRoot, result } = without);
  withDb = withBinding.result;
}, 180_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  for (const dir of appRoots) rmSync(dir, { recursive: true, force: true });
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

  it('builds exports and comparisons of stored runs in the export worker, the shell’s file export included', () => {
    const stored = withDb.stored;
    expect(withDb.dialogs).toEqual([]);
    expect(stored.ids).toHaveLength(2);
    expect(stored.workersBefore).not.toContain('heavy-worker.mjs');
    expect(stored.fileExport).toEqual({ ok: true, value: null }); // built, then the save dialog was cancelled
    expect(stored.workersAfterFileExport).toContain('heavy-worker.mjs');
    expect(stored.exportHtml).toMatchObject({ ok: true, filename: expect.stringMatching(/\.html$/), head: expect.stringContaining('<!doctype html') });
    expect(stored.compare).toEqual({ ok: true, runIds: stored.ids });
    // One worker for all of them.
    expect(stored.workersAfter.filter((w: string) => w === 'heavy-worker.mjs')).toHaveLength(1);
    expect(withDb.exitCode).toBe(0);
  });
});
