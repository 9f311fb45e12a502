/**
 * The native menus, from a pure template builder (tested without Electron). Commands that
 * belong to the lab are sent to the renderer as `menu:command` events; the platform's own
 * actions (cut, copy, zoom, full screen, quit) use Electron roles.
 *
 * Accelerators: the usual ones for files and history; Run/Pause is CmdOrCtrl+Enter, Step F10,
 * Stop Shift+F5. Space is deliberately not an accelerator: a menu accelerator is taken before
 * the page sees the key, so it would steal the space bar from every text field (the renderer
 * handles Space itself when focus is not in a field).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';

/** What a `menu:command` event carries. */
export const MENU_COMMANDS = ['new', 'open', 'save', 'save-as', 'export-report', 'undo', 'redo', 'run-pause', 'step', 'stop', 'assumptions', 'about'] as const;
/** A menu command. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];
/** The payload of `menu:command`. */
export interface MenuCommandEvent {
  command: MenuCommand;
  /** For `open` from Open Recent (or a file given by the OS): the file to open. */
  path?: string;
}

/** What the template depends on. */
export interface MenuOptions {
  appName: string;
  platform: NodeJS.Platform;
  /** Development (not packaged): adds Reload and Toggle Developer Tools. */
  isDev: boolean;
  /** The Open Recent list, newest first. */
  recent: readonly string[];
  send(event: MenuCommandEvent): void;
  clearRecent(): void;
}

type Item = MenuItemConstructorOptions;

/** Builds the application menu's template. */
export function buildMenuTemplate(o: MenuOptions): Item[] {
  const isMac = o.platform === 'darwin';
  const cmd = (id: string, label: string, command: MenuCommand, accelerator?: string): Item => ({
    id,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => o.send({ command }),
  });
  const sep: Item = { type: 'separator' };

  const recentItems: Item[] = o.recent.map((file, i) => ({
    id: `file.recent.${i}`,
    label: `${i < 9 ? `&${i + 1} ` : ''}${basename(file)}`,
    toolTip: file,
    click: () => o.send({ command: 'open', path: file }),
  }));
  const openRecent: Item = {
    id: 'file.open-recent',
    label: 'Open Recent',
    submenu: [
      ...(recentItems.length ? recentItems : [{ id: 'file.recent.none', label: 'No recent files', enabled: false }]),
      sep,
      { id: 'file.recent.clear', label: 'Clear Recent', enabled: recentItems.length > 0, click: () => o.clearRecent() },
    ],
  };

  const appMenu: Item = {
    id: 'app',
    label: o.appName,
    submenu: [cmd('app.about', `About ${o.appName}`, 'about'), sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
  };

  const file: Item = {
    id: 'file',
    label: '&File',
    submenu: [
      cmd('file.new', 'New', 'new', 'CmdOrCtrl+N'),
      cmd('file.open', 'Open…', 'open', 'CmdOrCtrl+O'),
      openRecent,
      sep,
      cmd('file.save', 'Save', 'save', 'CmdOrCtrl+S'),
      cmd('file.save-as', 'Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
      sep,
      cmd('file.export-report', 'Export report…', 'export-report'),
      sep,
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };

  // Undo/Redo are the lab's document history, not the text field's: the renderer decides
  // (a focused text field keeps its own undo). Redo is Ctrl+Y on Windows and Linux.
  const edit: Item = {
    id: 'edit',
    label: '&Edit',
    submenu: [
      cmd('edit.undo', 'Undo', 'undo', 'CmdOrCtrl+Z'),
      cmd('edit.redo', 'Redo', 'redo', isMac ? 'Shift+CmdOrCtrl+Z' : 'Ctrl+Y'),
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const run: Item = {
    id: 'run',
    label: '&Run',
    submenu: [cmd('run.run-pause', 'Run / Pause', 'run-pause', 'CmdOrCtrl+Enter'), cmd('run.step', 'Step', 'step', 'F10'), cmd('run.stop', 'Stop', 'stop', 'Shift+F5')],
  };

  const view: Item = {
    id: 'view',
    label: '&View',
    submenu: [
      ...(o.isDev ? [{ role: 'reload' } as Item, { role: 'toggleDevTools' } as Item, sep] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };

  const help: Item = {
    id: 'help',
    label: '&Help',
    role: 'help',
    submenu: [cmd('help.assumptions', 'Model assumptions', 'assumptions'), ...(isMac ? [] : [sep, cmd('help.about', `About ${o.appName}`, 'about')])],
  };

  return [...(isMac ? [appMenu] : []), file, edit, run, view, help];
}
