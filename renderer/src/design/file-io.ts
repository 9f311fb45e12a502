/**
 * Opening and saving scenario files. In the browser: a file input and a download link. The
 * Electron shell replaces these with native dialogs through `setFileDialogs` (the rest of the
 * renderer only calls `fileDialogs`), so no component knows which host it runs in.
 */
import type { ScenarioInput } from '../../../engine/index.ts';
import type { ApiClient } from '../api/client.ts';
import { downloadText } from '../runs/download.ts';

/** A file the user picked. */
export interface OpenedFile {
  name: string;
  text: string;
}

/** What a host provides for files. */
export interface FileDialogs {
  /** Lets the user pick a scenario file; null when they cancel. */
  open(): Promise<OpenedFile | null>;
  /** Writes the document; returns the file name used, or null when cancelled. */
  save(doc: ScenarioInput, fileName: string | null): Promise<string | null>;
  /** Asks before throwing away unsaved changes. */
  confirmDiscard(what: string): boolean;
}

/** The text a scenario is saved as: the document exactly, 2-space JSON, final newline. */
export function scenarioText(doc: ScenarioInput): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** `<lab name>.srlab.json`, made safe for every file system. */
export function defaultFileName(doc: ScenarioInput): string {
  const base = doc.name
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${base || 'lab'}.srlab.json`;
}

/** Reads a picked file's text. */
export async function readScenarioFile(file: File): Promise<OpenedFile> {
  return { name: file.name, text: await file.text() };
}

/** Browser open: a temporary file input. */
export function openScenarioFile(): Promise<OpenedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,.srlab.json';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      resolve(file ? readScenarioFile(file) : null);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/** Browser save: a download of `<name>.srlab.json` through a temporary link. */
export async function saveScenarioFile(doc: ScenarioInput, fileName: string | null): Promise<string | null> {
  const name = fileName ?? defaultFileName(doc);
  downloadText(name, 'application/json', scenarioText(doc));
  return name;
}

/** The dialogs in use (browser ones unless a host swapped them). */
export const fileDialogs: FileDialogs = {
  open: openScenarioFile,
  save: saveScenarioFile,
  confirmDiscard: (what) => window.confirm(`Discard the unsaved changes to "${what}"?`),
};

/** Whether `fileDialogs.open` is still the browser's (the toolbar then uses its own file input). */
export function usesBrowserOpen(): boolean {
  return fileDialogs.open === openScenarioFile;
}

/** Lets a host (Electron) swap in native dialogs. */
export function setFileDialogs(d: Partial<FileDialogs>): void {
  Object.assign(fileDialogs, d);
}

/**
 * Native dialogs through the desktop shell's `file:open` / `file:save` methods (main reads and
 * writes; the renderer only sees text). The document's `fileName` then holds the path main
 * handed out, so a later Save writes there without asking. Install with
 * `setFileDialogs(nativeFileDialogs(api))` when the host is Electron.
 */
export function nativeFileDialogs(api: Pick<ApiClient, 'call'>): Partial<FileDialogs> {
  return {
    open: async () => {
      const r = await api.call('file:open', {});
      if (!r.ok) throw new Error(r.error.message);
      // The path (not just its base name) is kept so that Save can write back to it.
      return r.value ? { name: r.value.path, text: r.value.text } : null;
    },
    save: async (doc, fileName) => {
      const params = { text: scenarioText(doc), suggestedName: defaultFileName(doc), ...(fileName && /[\\/]/.test(fileName) ? { path: fileName } : {}) };
      const r = await api.call('file:save', params);
      if (!r.ok) throw new Error(r.error.message);
      return r.value ? r.value.path : null;
    },
    confirmDiscard: (what) => window.confirm(`Discard the unsaved changes to "${what}"?`),
  };
}
