import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../engine/index.ts';
import { createFileMethods, routeCalls, scenarioFileName, type FileDeps } from '../../../electron/main/file-methods.ts';

const dir = mkdtempSync(join(tmpdir(), 'srlab-files-'));
const scenarioFile = join(dir, 'hub.srlab.json');
writeFileSync(scenarioFile, '{"name":"hub"}');

/** The real file system; the dialogs, the API's export and the PDF printer faked. */
function setup(o: { open?: string | null; save?: string | null; exported?: ApiResult<{ filename: string; mime: string; content: string }> } = {}) {
  const recent: string[] = [];
  const opened: string[] = [];
  const saveDialogs: { defaultName: string }[] = [];
  const exports: unknown[][] = [];
  const deps: FileDeps = {
    chooseOpen: async () => o.open ?? null,
    chooseSave: async (d) => {
      saveDialogs.push(d);
      return o.save ?? null;
    },
    readText: (f) => readFile(f, 'utf8'),
    fileSize: async (f) => (await stat(f)).size,
    writeFile: (f, d) => writeFile(f, d),
    exportRuns: async (ids, format) => {
      exports.push([ids, format]);
      return o.exported ?? { ok: true, value: { filename: 'run-1.html', mime: 'text/html', content: '<html><body>report</body></html>' } };
    },
    htmlToPdf: async (html) => new TextEncoder().encode(`%PDF-1.7 ${html.length}`),
    recent: () => recent,
    remember: (f) => void recent.unshift(f),
    forget: (f) => void recent.splice(recent.indexOf(f), 1),
    sendOpen: (f) => void opened.push(f),
  };
  return { files: createFileMethods(deps), recent, opened, saveDialogs, exports };
}

describe('file:open', () => {
  it('reads the file chosen in the dialog and remembers it', async () => {
    const { files, recent } = setup({ open: scenarioFile });
    await expect(files.handle('file:open', {})).resolves.toEqual({ ok: true, value: { path: scenarioFile, text: '{"name":"hub"}' } });
    expect(recent).toEqual([scenarioFile]);
  });

  it('answers null when the dialog is cancelled', async () => {
    await expect(setup({ open: null }).files.handle('file:open', {})).resolves.toEqual({ ok: true, value: null });
  });

  it('refuses a path the renderer names that main never handed out', async () => {
    const r = await setup().files.handle('file:open', { path: '/etc/passwd' });
    expect(r.ok || r.error.code).toBe('unauthorized');
  });

  it('opens a path from the Open Recent list without a dialog', async () => {
    const { files, recent } = setup();
    recent.push(scenarioFile);
    const r = await files.handle('file:open', { path: scenarioFile });
    expect(r.ok && (r.value as { text: string }).text).toBe('{"name":"hub"}');
  });

  it('answers not-found for a recent file that was deleted, and drops it from the list', async () => {
    const { files, recent } = setup();
    const gone = join(dir, 'gone.srlab.json');
    recent.push(gone);
    const r = await files.handle('file:open', { path: gone });
    expect(r.ok || r.error.code).toBe('not-found');
    expect(recent).not.toContain(gone);
  });
});

describe('file:save', () => {
  it('writes where the dialog says, adding .srlab.json when no .json was typed', async () => {
    const { files, saveDialogs } = setup({ save: join(dir, 'new-lab') });
    const r = await files.handle('file:save', { text: '{"a":1}', suggestedName: 'Hub loss' });
    expect(r).toEqual({ ok: true, value: { path: join(dir, 'new-lab.srlab.json') } });
    expect(readFileSync(join(dir, 'new-lab.srlab.json'), 'utf8')).toBe('{"a":1}');
    expect(saveDialogs[0]?.defaultName).toBe('Hub loss.srlab.json');
  });

  it('saves again to the same file without a dialog once it was handed out', async () => {
    const target = join(dir, 'again.srlab.json');
    const { files, saveDialogs } = setup({ save: target });
    await files.handle('file:save', { text: '1' });
    await files.handle('file:save', { text: '2', path: target });
    expect(saveDialogs).toHaveLength(1);
    expect(readFileSync(target, 'utf8')).toBe('2');
  });

  it('asks with a dialog instead of writing to a path main never handed out', async () => {
    const { files, saveDialogs } = setup({ save: null });
    await expect(files.handle('file:save', { text: 'x', path: '/etc/cron.d/evil' })).resolves.toEqual({ ok: true, value: null });
    expect(saveDialogs).toHaveLength(1);
  });

  it('refuses bad params', async () => {
    const r = await setup().files.handle('file:save', { text: 42 });
    expect(r.ok || r.error.code).toBe('bad-params');
  });
});

describe('file:export', () => {
  it('prints the HTML report to PDF and writes it', async () => {
    const target = join(dir, 'report.pdf');
    const { files, exports, saveDialogs } = setup({ save: target });
    await expect(files.handle('file:export', { ids: ['r1'], format: 'pdf' })).resolves.toEqual({ ok: true, value: { path: target } });
    expect(exports).toEqual([[['r1'], 'html']]);
    expect(saveDialogs[0]?.defaultName).toBe('run-1.pdf');
    expect(readFileSync(target, 'utf8')).toMatch(/^%PDF-/);
  });

  it('writes CSV as the API renders it', async () => {
    const target = join(dir, 'sessions.csv');
    const { files, exports } = setup({ save: target, exported: { ok: true, value: { filename: 'sessions.csv', mime: 'text/csv', content: 'a,b\n1,2\n' } } });
    await files.handle('file:export', { ids: ['r1', 'r2'], format: 'csv-sessions' });
    expect(exports).toEqual([[['r1', 'r2'], 'csv-sessions']]);
    expect(readFileSync(target, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('passes the API error on without a dialog', async () => {
    const { files, saveDialogs } = setup({ exported: { ok: false, error: { code: 'not-found', message: 'no run r9' } } });
    await expect(files.handle('file:export', { ids: ['r9'], format: 'html' })).resolves.toEqual({ ok: false, error: { code: 'not-found', message: 'no run r9' } });
    expect(saveDialogs).toHaveLength(0);
  });
});

describe('opening files the OS hands over', () => {
  it('keeps the launch file until the renderer takes it, then sends later ones as menu commands', async () => {
    const { files, opened } = setup();
    files.requestOpen(scenarioFile);
    expect(opened).toEqual([]);
    const r = await files.handle('file:take-pending', {});
    expect(r.ok && (r.value as { path: string }).path).toBe(scenarioFile);
    await expect(files.handle('file:take-pending', {})).resolves.toEqual({ ok: true, value: null });
    files.requestOpen(join(dir, 'second.srlab.json'));
    expect(opened).toEqual([join(dir, 'second.srlab.json')]);
    // …and the renderer may then open it by path.
    const again = await files.handle('file:open', { path: scenarioFile });
    expect(again.ok).toBe(true);
  });
});

describe('routeCalls', () => {
  it('sends file:* to the shell methods and everything else to the API', async () => {
    const { files } = setup({ open: null });
    const seen: unknown[] = [];
    const route = routeCalls(files, async (m) => {
      seen.push(m);
      return { ok: true, value: 'api' };
    });
    await expect(route('file:open', {})).resolves.toEqual({ ok: true, value: null });
    await expect(route('app:info', {})).resolves.toEqual({ ok: true, value: 'api' });
    await route('file:nonsense', {});
    expect(seen).toEqual(['app:info', 'file:nonsense']);
  });
});

describe('scenarioFileName', () => {
  it.each([
    [undefined, 'scenario.srlab.json'],
    ['Hub loss', 'Hub loss.srlab.json'],
    ['a/b:c', 'a b c.srlab.json'],
    ['x.json', 'x.srlab.json'],
    ['y.srlab.json', 'y.srlab.json'],
  ])('offers %j as %s', (input, name) => {
    expect(scenarioFileName(input)).toBe(name);
  });
});
