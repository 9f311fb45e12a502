/**
 * The main window: placed where it was last time (clamped to today's displays), shown once it
 * has painted, its size saved when it closes, and loaded from app://lab.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { APP_INDEX_URL } from './protocol.ts';
import { mainWindowOptions } from './window-options.ts';
import { clampToDisplays, loadWindowState, saveWindowState } from './window-state.ts';

/** Where the window finds its files. */
export interface WindowFiles {
  /** dist/electron/preload.cjs. */
  preload: string;
  /** The remembered size and position (JSON in the user-data folder). */
  stateFile: string;
  /** The window icon (Linux and Windows; macOS uses the bundle's). */
  icon: string;
}

/** Opens the main window on app://lab/index.html. */
export function createMainWindow(files: WindowFiles, isDev: boolean): BrowserWindow {
  const state = clampToDisplays(
    loadWindowState(files.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow(mainWindowOptions({ preload: files.preload, placement: state, isDev, ...(existsSync(files.icon) ? { icon: files.icon } : {}) }));
  if (state.isMaximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const b = win.getNormalBounds();
    saveWindowState(files.stateFile, { x: b.x, y: b.y, width: b.width, height: b.height, isMaximized: win.isMaximized() });
  });
  void win.loadURL(APP_INDEX_URL);
  return win;
}

/** The files of the window under the app folder (dist/electron next to main.mjs). */
export function windowFiles(here: string, appRoot: string, userData: string): WindowFiles {
  return {
    preload: join(here, 'preload.cjs'),
    stateFile: join(userData, 'window-state.json'),
    icon: join(appRoot, 'assets', 'icons', 'icon-256.png'),
  };
}
