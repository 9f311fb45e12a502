import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, MENU_COMMANDS, type MenuCommandEvent } from '../../../electron/main/menu.ts';

type Item = MenuItemConstructorOptions;

function build(platform: NodeJS.Platform, o: { isDev?: boolean; recent?: string[] } = {}) {
  const sent: MenuCommandEvent[] = [];
  let cleared = 0;
  const template = buildMenuTemplate({ appName: 'Session Recovery Lab', platform, isDev: o.isDev ?? false, recent: o.recent ?? [], send: (e) => sent.push(e), clearRecent: () => cleared++ });
  return { template, sent, cleared: () => cleared };
}

function all(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? all(i.submenu) : [])]);
}
const byId = (items: Item[], id: string): Item => {
  const found = all(items).find((i) => i.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
};
const click = (item: Item) => (item.click as unknown as () => void)();
const roles = (items: Item[]) =>
  all(items)
    .map((i) => i.role)
    .filter(Boolean);

describe('buildMenuTemplate', () => {
  it('has File, Edit, Run, View and Help menus (and the app menu first on macOS)', () => {
    expect(build('linux').template.map((m) => m.id)).toEqual(['file', 'edit', 'run', 'view', 'help']);
    expect(build('darwin').template.map((m) => m.id)).toEqual(['app', 'file', 'edit', 'run', 'view', 'help']);
  });

  it.each([
    ['file.new', 'New', 'CmdOrCtrl+N', 'new'],
    ['file.open', 'Open…', 'CmdOrCtrl+O', 'open'],
    ['file.save', 'Save', 'CmdOrCtrl+S', 'save'],
    ['file.save-as', 'Save As…', 'CmdOrCtrl+Shift+S', 'save-as'],
    ['file.export-report', 'Export report…', undefined, 'export-report'],
    ['edit.undo', 'Undo', 'CmdOrCtrl+Z', 'undo'],
    ['edit.redo', 'Redo', 'Ctrl+Y', 'redo'],
    ['run.run-pause', 'Run / Pause', 'CmdOrCtrl+Enter', 'run-pause'],
    ['run.step', 'Step', 'F10', 'step'],
    ['run.stop', 'Stop', 'Shift+F5', 'stop'],
    ['help.assumptions', 'Model assumptions', undefined, 'assumptions'],
    ['help.about', 'About Session Recovery Lab', undefined, 'about'],
  ])('%s is "%s" with accelerator %s and sends menu:command %s', (id, label, accelerator, command) => {
    const { template, sent } = build('linux');
    const item = byId(template, id);
    expect(item.label).toBe(label);
    expect(item.accelerator).toBe(accelerator);
    click(item);
    expect(sent).toEqual([{ command }]);
  });

  it('uses Shift+Cmd+Z for Redo on macOS and puts About in the app menu', () => {
    const { template, sent } = build('darwin');
    expect(byId(template, 'edit.redo').accelerator).toBe('Shift+CmdOrCtrl+Z');
    click(byId(template, 'app.about'));
    expect(sent).toEqual([{ command: 'about' }]);
    expect(all(template).some((i) => i.id === 'help.about')).toBe(false);
  });

  it('covers every menu command', () => {
    const { template, sent } = build('linux', { recent: ['/x/a.srlab.json'] });
    for (const item of all(template)) if (item.click && item.id !== 'file.recent.clear') click(item);
    expect(new Set(sent.map((s) => s.command))).toEqual(new Set(MENU_COMMANDS));
  });

  it('has the standard cut, copy, paste and select-all roles in Edit', () => {
    const edit = build('linux').template.find((m) => m.id === 'edit')!;
    expect(roles([edit])).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('never uses Space as an accelerator (it would steal the space bar from text fields)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const accels = all(build(platform, { isDev: true }).template).map((i) => String(i.accelerator ?? ''));
      expect(accels.filter((a) => /space|^ $/i.test(a))).toEqual([]);
    }
  });

  it('offers reload and developer tools only in development; zoom and full screen always', () => {
    expect(roles(build('linux', { isDev: true }).template)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    const packaged = roles(build('linux', { isDev: false }).template);
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forceReload');
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('lists recent files in Open Recent; one opens with its path; Clear Recent clears', () => {
    const { template, sent, cleared } = build('linux', { recent: ['/home/me/hub-loss.srlab.json', '/tmp/b.srlab.json'] });
    const submenu = byId(template, 'file.open-recent').submenu as Item[];
    expect(submenu.filter((i) => i.id?.startsWith('file.recent.') && i.id !== 'file.recent.clear').map((i) => i.label)).toEqual(['&1 hub-loss.srlab.json', '&2 b.srlab.json']);
    click(byId(template, 'file.recent.0'));
    expect(sent).toEqual([{ command: 'open', path: '/home/me/hub-loss.srlab.json' }]);
    click(byId(template, 'file.recent.clear'));
    expect(cleared()).toBe(1);
  });

  it('shows an empty Open Recent with Clear disabled', () => {
    const { template } = build('win32');
    expect(byId(template, 'file.recent.none').enabled).toBe(false);
    expect(byId(template, 'file.recent.clear').enabled).toBe(false);
  });

  it('ends File with Quit on Windows and Linux and Close on macOS', () => {
    const last = (t: Item[]) => (t.find((m) => m.id === 'file')!.submenu as Item[]).at(-1)!.role;
    expect(last(build('linux').template)).toBe('quit');
    expect(last(build('darwin').template)).toBe('close');
  });
});
