import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { parseScenarioText, type ScenarioInput } from '../../../engine/index.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { MemoryTransport } from '../../../renderer/src/api/memory-transport.ts';
import { fileDialogs, nativeFileDialogs, openScenarioFile, saveScenarioFile, scenarioText, setFileDialogs } from '../../../renderer/src/design/file-io.ts';
import { renderDesign, template, TEMPLATE_FILES } from './harness.tsx';

const browserDialogs = { ...fileDialogs };
afterEach(() => {
  setFileDialogs(browserDialogs);
  vi.restoreAllMocks();
});

/** Swaps in a save dialog that keeps what was written. */
function captureSaves() {
  const saved: { name: string; text: string }[] = [];
  setFileDialogs({
    save: async (doc: ScenarioInput, fileName: string | null) => {
      const name = fileName ?? 'x.srlab.json';
      saved.push({ name, text: scenarioText(doc) });
      return name;
    },
  });
  return saved;
}

describe('saving and opening', () => {
  it.each(TEMPLATE_FILES)('saves %s so that it loads back identically', async (file) => {
    const original = template(file);
    const text = scenarioText(original);
    expect(parseScenarioText(text).ok).toBe(true);
    expect(JSON.parse(text)).toEqual(original);
  });

  it('downloads <name>.srlab.json in the browser', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob);
      return 'blob:x';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const doc = { ...template(), name: 'My: lab/1' };
    expect(await saveScenarioFile(doc, null)).toBe('My lab 1.srlab.json');
    expect(clicks).toEqual(['My lab 1.srlab.json']);
    expect(JSON.parse(await created[0]!.text())).toEqual(doc);
  });

  it('Save writes the document, edits included, and marks it clean', async () => {
    const saved = captureSaves();
    const { user, store } = await renderDesign();
    store.getState().updateNode('hub1', { label: 'DC' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(JSON.parse(saved[0]!.text)).toEqual(store.getState().doc);
    expect(store.getState().dirty).toBe(false);
    store.getState().loadDoc(template(TEMPLATE_FILES[3]), null);
    const r = parseScenarioText(saved[0]!.text);
    expect(r.ok).toBe(true);
  });

  it('opens a valid file picked with Open', async () => {
    const { user, store } = await renderDesign();
    const nat = template('10-nat-spoke-rebinding.srlab.json');
    const file = new File([JSON.stringify(nat)], 'nat.srlab.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Scenario file'), file);
    await waitFor(() => expect(store.getState().fileName).toBe('nat.srlab.json'));
    expect(store.getState().doc).toEqual(nat);
    expect(store.getState().canUndo).toBe(false);
  });

  it('refuses a malformed file, lists its problems and leaves the lab untouched', async () => {
    const { user, store } = await renderDesign();
    store.getState().updateNode('hub1', { label: 'Edited' });
    const before = store.getState().doc;
    const bad = template();
    (bad.links as { a: string }[])[1]!.a = 'nowhere';
    (bad as Record<string, unknown>)['durationMs'] = -5;
    const file = new File([JSON.stringify(bad)], 'broken.srlab.json');
    await user.upload(screen.getByLabelText('Scenario file'), file);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('That file is not a valid scenario: broken.srlab.json has 1 problem.')).toBeTruthy();
    expect(within(alert).getByText('durationMs: must be a number from 1 to 86400000')).toBeTruthy();
    expect(store.getState().doc).toBe(before);
    expect(store.getState().dirty).toBe(true);
  });

  it('refuses text that is not JSON with the line it broke on', async () => {
    const { user, store } = await renderDesign();
    const before = store.getState().doc;
    await user.upload(screen.getByLabelText('Scenario file'), new File(['{ "format": '], 'half.json'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getAllByRole('listitem')[0]!.textContent).toMatch(/^\(file\): /);
    expect(store.getState().doc).toBe(before);
  });

  it('New asks before discarding unsaved changes', async () => {
    const { user, store } = await renderDesign();
    store.getState().addNode('hub');
    const asked: string[] = [];
    let answer = false;
    setFileDialogs({ confirmDiscard: (what) => (asked.push(what), answer) });
    await user.click(screen.getByRole('button', { name: 'New' }));
    expect(asked).toEqual([template().name]);
    expect(store.getState().doc.nodes).toHaveLength(5);
    answer = true;
    await user.click(screen.getByRole('button', { name: 'New' }));
    expect(store.getState().doc.nodes).toHaveLength(0);
    expect(screen.getByText(/Drag a Client, Spoke, Hub or Server/)).toBeTruthy();
  });

  it('Open uses the host dialog when one is installed', async () => {
    const nat = template('10-nat-spoke-rebinding.srlab.json');
    setFileDialogs({ open: async () => ({ name: 'native.srlab.json', text: JSON.stringify(nat) }) });
    const { user, store } = await renderDesign();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(store.getState().fileName).toBe('native.srlab.json'));
    expect(openScenarioFile).not.toBe(fileDialogs.open);
  });
});

describe('native file dialogs', () => {
  it('open and save through the shell methods, saving back to the path opened', async () => {
    const nat = template('10-nat-spoke-rebinding.srlab.json');
    const calls: { method: string; params: unknown }[] = [];
    const shell = new MemoryTransport((method, params) => {
      calls.push({ method, params });
      if (method === 'file:open') return { ok: true, value: { path: '/labs/nat.srlab.json', text: JSON.stringify(nat) } };
      if (method === 'file:save') return { ok: true, value: { path: '/labs/nat.srlab.json' } };
      return { ok: false, error: { code: 'bad-method', message: `unexpected ${method}` } };
    });
    setFileDialogs(nativeFileDialogs(new ApiClient(shell)));
    const { user, store } = await renderDesign();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(store.getState().fileName).toBe('/labs/nat.srlab.json'));
    store.getState().updateLab({ seed: 5 });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(store.getState().dirty).toBe(false));
    const save = calls.find((c) => c.method === 'file:save')!.params as { text: string; path?: string };
    expect(save.path).toBe('/labs/nat.srlab.json');
    expect(JSON.parse(save.text)).toEqual({ ...nat, seed: 5 });
  });
});
