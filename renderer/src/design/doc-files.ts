/**
 * Loading and saving the document: files (validated by the engine before anything changes),
 * templates (from the API), a new lab, and the "discard unsaved changes?" guard in front of
 * each. Plain functions over the store and API so the toolbar, the shortcuts, the palette and
 * the first start share them; `useDocFiles` binds them for components.
 */
import { useMemo } from 'react';
import { parseScenario, parseScenarioText, type ScenarioInput } from '../../../engine/index.ts';
import type { ApiClient } from '../api/client.ts';
import { useApi } from '../api/context.tsx';
import { useLabStore } from '../store/context.tsx';
import type { LabStore } from '../store/index.ts';
import { fileDialogs, type OpenedFile } from './file-io.ts';
import { refuseWhileLive } from './design-lock.ts';

/** The template the lab starts with. */
export const FIRST_TEMPLATE = '01-spoke-and-hub-session-loss-packet-based.srlab.json';

/** True when it is fine to replace the document (not dirty, or the user agreed). */
export function mayDiscard(store: LabStore): boolean {
  const s = store.getState();
  return !s.dirty || fileDialogs.confirmDiscard(s.doc.name || 'Untitled lab');
}

function problemLines(problems: { path: string; message: string }[]): string[] {
  return problems.map((p) => `${p.path}: ${p.message}`);
}

/** Loads a file's text when the engine accepts it; otherwise says why and changes nothing. */
export function openText(store: LabStore, file: OpenedFile): boolean {
  const r = parseScenarioText(file.text);
  const s = store.getState();
  if (!r.ok) {
    const n = r.problems.length;
    s.notify('error', `That file is not a valid scenario: ${file.name} has ${n} problem${n === 1 ? '' : 's'}.`, problemLines(r.problems));
    return false;
  }
  if (refuseWhileLive(s) || !mayDiscard(store)) return false;
  // The raw JSON is kept (not the parsed, defaulted scenario) so saving writes back what was read.
  const raw = JSON.parse(file.text.replace(/^\uFEFF/, '')) as ScenarioInput;
  s.loadDoc(raw, file.name);
  s.notify('info', `Opened ${file.name}.`);
  return true;
}

/** Asks the host for a file and opens it. */
export async function openPicked(store: LabStore): Promise<void> {
  try {
    const file = await fileDialogs.open();
    if (file) openText(store, file);
  } catch (e) {
    store.getState().notify('error', `Could not open the file: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Saves the document; marks it clean when written. */
export async function saveDoc(store: LabStore): Promise<void> {
  const s = store.getState();
  try {
    const name = await fileDialogs.save(s.doc, s.fileName);
    if (name !== null) store.getState().markSaved(name);
  } catch (e) {
    s.notify('error', `Could not save: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Loads a template by file name (asking first when there are unsaved changes). */
export async function loadTemplate(store: LabStore, api: ApiClient, file: string, opts: { ask?: boolean } = {}): Promise<boolean> {
  // The first start (ask: false) may load under a run another window started; the user may not.
  if (opts.ask !== false && (refuseWhileLive(store.getState()) || !mayDiscard(store))) return false;
  const r = await api.call('templates:get', { file });
  const s = store.getState();
  if (!r.ok) {
    s.notify('error', `Could not load the template: ${r.error.message}`);
    return false;
  }
  const checked = parseScenario(r.value.scenario);
  if (!checked.ok) {
    s.notify('error', `The template ${file} is not a valid scenario.`, problemLines(checked.problems));
    return false;
  }
  s.loadDoc(structuredClone(r.value.scenario) as ScenarioInput, null);
  return true;
}

/** Starts an empty lab (asking first when there are unsaved changes). */
export function newLab(store: LabStore): void {
  if (!refuseWhileLive(store.getState()) && mayDiscard(store)) store.getState().newLab();
}

/** The file actions bound to this app's store and API. */
export function useDocFiles() {
  const store = useLabStore();
  const api = useApi();
  return useMemo(
    () => ({
      openText: (file: OpenedFile) => openText(store, file),
      openPicked: () => openPicked(store),
      save: () => saveDoc(store),
      loadTemplate: (file: string) => loadTemplate(store, api, file),
      newLab: () => newLab(store),
    }),
    [store, api],
  );
}
