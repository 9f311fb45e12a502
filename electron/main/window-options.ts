/**
 * The windows' options, as pure functions: every security setting is here, in one place, and
 * asserted by a test. The main window gets the preload (the only bridge); the hidden window that
 * prints reports to PDF gets no preload and no JavaScript at all.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** The settings no window of the app may go without (Electron's security checklist). */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  experimentalFeatures: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

/** Where and how big the window opens (remembered from last time, or defaults). */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/** The smallest window the layout works in. */
export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 600;

/** Options of the main window. */
export function mainWindowOptions(o: { preload: string; placement: WindowPlacement; isDev: boolean; icon?: string; backgroundColor?: string }): BrowserWindowConstructorOptions {
  return {
    ...(o.placement.x !== undefined && o.placement.y !== undefined ? { x: o.placement.x, y: o.placement.y } : { center: true }),
    width: o.placement.width,
    height: o.placement.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'Session Recovery Lab',
    // Shown on ready-to-show: no white flash before the first paint.
    show: false,
    backgroundColor: o.backgroundColor ?? '#1b1f27',
    ...(o.icon ? { icon: o.icon } : {}),
    webPreferences: {
      ...SECURE_WEB_PREFERENCES,
      preload: o.preload,
      devTools: o.isDev,
    },
  };
}

/** Options of the hidden window that loads an HTML report and prints it to PDF. */
export function reportWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1024,
    height: 1400,
    webPreferences: {
      ...SECURE_WEB_PREFERENCES,
      javascript: false,
      devTools: false,
      images: true,
    },
  };
}
