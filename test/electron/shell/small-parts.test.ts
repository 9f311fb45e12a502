import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFromArgv } from '../../../electron/main/launch-args.ts';
import { chooseNativeBinding, electronBindingPath } from '../../../electron/main/native-binding.ts';
import { addRecent, parseRecent, RECENT_MAX, removeRecent } from '../../../electron/main/recent.ts';
import { REPORT_CSP, withReportCsp } from '../../../electron/main/pdf.ts';

describe('scenarioFromArgv', () => {
  it('finds the .srlab.json on a packaged command line, resolved against the launch folder', () => {
    expect(scenarioFromArgv(['/opt/srlab/session-recovery-lab', 'labs/hub.srlab.json'], '/home/me')).toBe(resolve('/home/me', 'labs/hub.srlab.json'));
  });

  it('finds it after Electron switches and the app folder in development', () => {
    expect(scenarioFromArgv(['electron', '/work/main', '--enable-logging', '/tmp/a.SRLAB.JSON'], '/x')).toBe('/tmp/a.SRLAB.JSON');
  });

  it('is null without one', () => {
    expect(scenarioFromArgv(['electron', '/work/main', '--flag', 'notes.json'], '/x')).toBeNull();
  });
});

describe('chooseNativeBinding', () => {
  const root = '/work/main';
  it('uses the default binary when packaged (electron-builder rebuilt it)', () => {
    expect(chooseNativeBinding({ projectRoot: root, abi: '150', isPackaged: true, exists: () => false })).toEqual({ kind: 'default' });
  });

  it('uses build/native/electron-v<abi> in development when it is there', () => {
    const path = join(root, 'build', 'native', 'electron-v150', 'better_sqlite3.node');
    expect(electronBindingPath(root, '150')).toBe(path);
    expect(chooseNativeBinding({ projectRoot: root, abi: '150', isPackaged: false, exists: (f) => f === path })).toEqual({ kind: 'file', path });
  });

  it('says what to run when it is not', () => {
    const r = chooseNativeBinding({ projectRoot: root, abi: '150', isPackaged: false, exists: () => false });
    expect(r.kind).toBe('missing');
    expect(r.kind === 'missing' && r.message).toContain('npm run native:electron');
  });
});

describe('the recent list', () => {
  it('puts a file first, without duplicates, at most RECENT_MAX', () => {
    let list: string[] = [];
    for (let i = 0; i < 15; i++) list = addRecent(list, `/f${i}`);
    list = addRecent(list, '/f10');
    expect(list[0]).toBe('/f10');
    expect(list).toHaveLength(RECENT_MAX);
    expect(new Set(list).size).toBe(list.length);
    expect(removeRecent(list, '/f10')).not.toContain('/f10');
  });

  it('reads a stored list and ignores anything malformed', () => {
    expect(parseRecent('{"files":["/a","",3,"/b"]}')).toEqual(['/a', '/b']);
    expect(parseRecent('garbage')).toEqual([]);
    expect(parseRecent(null)).toEqual([]);
  });
});

describe('withReportCsp', () => {
  it('puts the CSP meta tag first in <head>', () => {
    const html = withReportCsp('<!doctype html><html><head lang="en"><title>r</title></head><body></body></html>');
    expect(html).toContain(`<head lang="en"><meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}"><title>`);
  });

  it('wraps a fragment that has no <head>', () => {
    expect(withReportCsp('<p>x</p>')).toMatch(/^<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"[^>]+><\/head><body><p>x<\/p><\/body><\/html>$/);
  });

  it('forbids scripts and every fetch in the printed report', () => {
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(REPORT_CSP).not.toContain('script-src');
  });
});
