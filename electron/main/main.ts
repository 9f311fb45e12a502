/**
 * The Electron main process: one window on app://lab, the API bridged over IPC to the same
 * dispatcher the browser host uses (createApi), the engine in the LiveRunner's worker thread,
 * native menus sending commands to the renderer, native file dialogs, single instance.
 * Bundled by build/electron/bundle.mjs into dist/electron/main.mjs.
 */
import './env.ts'; // first: sets SRLAB_ROOT before any services module is evaluated
import { existsSync, statSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import type { EventName, Events } from '../../engine/index.ts';
import { createApi } from '../services/api/handlers.ts';
import { offThread, type Dispatcher } from '../services/host/heavy-pool.ts';
import { defaultDbPath, openDatabase, type RunDatabase } from '../services/db/index.ts';
import { LiveRunner } from '../services/live/runner.ts';
import { fromRoot, PROJECT_ROOT } from '../services/paths.ts';
import { EVENT_CHANNEL } from '../preload/channels.ts';
import { createMainWindow, windowFiles } from './app-window.ts';
import { createFileMethods, routeCalls } from './file-methods.ts';
import { bindApi, type Dispatch } from './ipc.ts';
import { acceptLaunchFile, scenarioFromArgv } from './launch-args.ts';
import { buildMenuTemplate, type MenuCommandEvent } from './menu.ts';
import { chooseNativeBinding } from './native-binding.ts';
import { printHtmlToPdf } from './pdf.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, respondToAppRequest } from './protocol.ts';
import { RecentFiles } from './recent.ts';
import { hardenSession, hardenWebContents } from './security.ts';

const APP_NAME = 'Session Recovery Lab';
const here = dirname(fileURLToPath(import.meta.url));
const isDev = !app.isPackaged;
const log = (line: string): void => console.warn(`srlab: ${line}`);

// Same user-data folder in development and packaged (package.json's name would differ).
app.setName(APP_NAME);
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let win: BrowserWindow | null = null;
const notices: string[] = [];

function send(event: string, payload: unknown): void {
  if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, { event, payload });
}
const emit = <E extends EventName>(event: E, payload: Events[E]): void => send(event, payload);
const sendMenu = (m: MenuCommandEvent): void => send('menu:command', m);

const recent = new RecentFiles(join(app.getPath('userData'), 'recent.json'), () => setMenu());

function setMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ appName: APP_NAME, platform: process.platform, isDev, recent: recent.files, send: sendMenu, clearRecent: () => recent.clear() })));
}

/** The runs database shared with srlab (same default path); null when it cannot be opened. */
function openRunsDatabase(): { db: RunDatabase | null; dbPath: string | null; nativeBinding?: string } {
  const dbPath = defaultDbPath(process.env, process.platform, homedir());
  const binding = chooseNativeBinding({ projectRoot: PROJECT_ROOT, abi: process.versions.modules, isPackaged: app.isPackaged, exists: existsSync });
  if (binding.kind === 'missing') {
    notices.push(binding.message);
    return { db: null, dbPath: null };
  }
  const opts = binding.kind === 'file' ? { nativeBinding: binding.path } : {};
  try {
    return { db: openDatabase(dbPath, opts), dbPath, ...opts };
  } catch (error) {
    notices.push(`The runs database could not be opened, so runs are not stored this time: ${error instanceof Error ? error.message : String(error)}`);
    return { db: null, dbPath: null };
  }
}

/** The shell's file methods over Electron's dialogs, the file system and the API's export. */
function fileMethods(api: Dispatcher) {
  return createFileMethods({
    async chooseOpen() {
      const options = { title: 'Open scenario', properties: ['openFile' as const], filters: [{ name: 'Session Recovery Lab scenario', extensions: ['json'] }] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseSave(o) {
      const options = {
        defaultPath: o.defaultName,
        filters: [{ name: o.filter.name, extensions: o.filter.extensions.filter((e) => !e.includes('.')) }],
        properties: ['showOverwriteConfirmation' as const],
      };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    readText: (file) => readFile(file, 'utf8'),
    fileSize: async (file) => (await stat(file)).size,
    writeFile: (file, data) => writeFile(file, data),
    exportRuns: (ids, format) => api.call('runs:export', { ids, format }),
    htmlToPdf: (html) => printHtmlToPdf(html, (o) => new BrowserWindow(o)),
    recent: () => recent.files,
    remember(file) {
      recent.add(file);
      app.addRecentDocument(file);
    },
    forget: (file) => recent.remove(file),
    sendOpen: (file) => sendMenu({ command: 'open', path: file }),
  });
}

function focusWindow(): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

const firstScenario = scenarioFromArgv(process.argv, process.cwd());
if (app.requestSingleInstanceLock({ scenario: firstScenario })) {
  run();
} else {
  // Another instance has the lock: it got our file (second-instance) and focuses itself. This
  // one quits before touching the database.
  app.quit();
}

/** Everything of the one instance: database, engine host, API, file methods, app events. */
function run(): void {
  const { db, dbPath, nativeBinding } = openRunsDatabase();
  const runner = new LiveRunner(db, emit);
  // Exports and comparisons are built in a worker (with the same addon), as in the browser host.
  const api = offThread(createApi({ db, dbPath, runner, host: 'electron', appVersion: app.getVersion() }), db ? { dbPath: db.path, ...(nativeBinding ? { nativeBinding } : {}) } : null);
  const files = fileMethods(api);
  const first = acceptLaunchFile(firstScenario, process.cwd(), statSync);
  if (first) files.requestOpen(first);

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    // The other process may send anything: its file is checked like one the person opens.
    const handed = (additionalData as { scenario?: unknown } | undefined)?.scenario;
    const file = acceptLaunchFile(handed ?? scenarioFromArgv(argv, workingDirectory), workingDirectory, statSync);
    if (file) files.requestOpen(file);
    focusWindow();
  });
  // macOS: double-clicked .srlab.json files and the Dock's recent list (may come before ready).
  app.on('open-file', (event, file) => {
    event.preventDefault();
    files.requestOpen(file);
    focusWindow();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  app.on('window-all-closed', () => app.quit()); // one window: closing it ends the lab everywhere
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    // Let a live run be stopped and stored, then quit for real…
    event.preventDefault();
    closed = true;
    // …but never hang the quit on it.
    const giveUp = new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref());
    void Promise.race([Promise.all([runner.close(), api.close()]), giveUp]).finally(() => {
      db?.close();
      app.quit();
    });
  });
  void app.whenReady().then(() => start(routeCalls(files, api.handle)));
}

/** Once Electron is ready: session, protocol, IPC, menu, window. */
async function start(dispatch: Dispatch): Promise<void> {
  hardenSession(session.defaultSession, log);
  const rendererDir = fromRoot('dist', 'renderer');
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request, rendererDir));
  bindApi(ipcMain, dispatch, { onRefused: (url) => log(`refused an API call from ${url ?? 'a closed frame'}`) });
  setMenu();
  if (!existsSync(join(rendererDir, 'index.html'))) {
    dialog.showErrorBox(APP_NAME, `The lab's user interface is not built (${rendererDir} is missing): run "npm run build:renderer", or start the lab with "npm start", which builds it.`);
    app.quit();
    return;
  }
  win = createMainWindow(windowFiles(here, PROJECT_ROOT, app.getPath('userData')), isDev);
  win.on('closed', () => (win = null));
  if (notices.length > 0) {
    win.once('ready-to-show', () => {
      if (win) void dialog.showMessageBox(win, { type: 'warning', title: APP_NAME, message: 'Runs are not stored', detail: notices.join('\n\n') });
    });
  }
}
