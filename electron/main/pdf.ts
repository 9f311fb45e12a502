/**
 * HTML report → PDF with Chromium's printer: the report is written to a private temporary
 * folder, loaded into a hidden window that has no preload and JavaScript disabled (see
 * reportWindowOptions), printed, and the window and folder removed. A CSP meta tag is added so
 * the report cannot fetch anything either; it is self-contained (inline SVG and styles).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { reportWindowOptions } from './window-options.ts';

/** The CSP of a report being printed: its own inline styles and data: images, nothing else. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The report with the CSP meta tag as the first thing in <head> (or prepended). */
export function withReportCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  return `<!doctype html><html><head><meta charset="utf-8">${meta}</head><body>${html}</body></html>`;
}

/** Prints `html` to PDF bytes (A4, backgrounds on). */
export async function printHtmlToPdf(html: string, createWindow: (o: BrowserWindowConstructorOptions) => BrowserWindow): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'srlab-report-'));
  const win = createWindow(reportWindowOptions());
  try {
    const file = join(dir, 'report.html');
    await writeFile(file, withReportCsp(html), { mode: 0o600 });
    await win.loadFile(file);
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, generateDocumentOutline: true });
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
