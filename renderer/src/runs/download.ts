/**
 * Saves text the host produced (a report, a CSV) as a file the user downloads. A blob link works
 * the same in the browser host and in Electron (which turns it into a save dialog).
 */
import type { ApiClient } from '../api/client.ts';
import type { LabStore } from '../store/index.ts';

/** Offers `content` as a file named `filename`. */
export function downloadText(filename: string, mime: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export formats and the words for them. */
export const EXPORTS = {
  html: 'report',
  'csv-sessions': 'sessions CSV',
  'csv-counters': 'counters CSV',
  'csv-series': 'series CSV',
} as const;

/** Asks the host for an export of runs and downloads it; reports the outcome as a notice. */
export async function exportRuns(api: ApiClient, store: LabStore, ids: string[], format: keyof typeof EXPORTS): Promise<void> {
  const r = await api.call('runs:export', { ids, format });
  const s = store.getState();
  if (!r.ok) {
    s.notify('error', `Could not export the ${EXPORTS[format]}: ${r.error.message}`);
    return;
  }
  downloadText(r.value.filename, r.value.mime, r.value.content);
  s.notify('info', `Saved ${r.value.filename}`);
}
