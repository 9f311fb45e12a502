/**
 * The methods only the desktop shell answers: scenario files through the native open/save
 * dialogs (main reads and writes; the renderer only ever sees text) and report export (HTML,
 * CSV, or PDF printed by Chromium). Proposed for engine/contract/api.ts; until they are there
 * they are validated here with the same zod conventions, and the browser host answers them
 * `bad-method` (the renderer keeps its download/upload path there).
 *
 * A path the renderer names is honoured only when main handed it out first (a dialog's choice,
 * the Open Recent list, a file given on the command line or by the OS): a compromised page
 * must not be able to read or overwrite arbitrary files.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { PARAMS, type ApiError, type ApiResult, type Results } from '../../engine/index.ts';

/** Largest scenario file read (the contract caps `file:save` text at the same size). */
const MAX_SCENARIO_BYTES = 20 * 1024 * 1024;

/** Params schema of every shell method: the contract's. */
export const FILE_PARAMS = {
  'file:open': PARAMS['file:open'],
  'file:save': PARAMS['file:save'],
  'file:export': PARAMS['file:export'],
  'file:take-pending': PARAMS['file:take-pending'],
} as const;

/** A shell method's name. */
export type FileMethod = keyof typeof FILE_PARAMS;

/** Result of every shell method (null: the person cancelled the dialog). */
export type FileResults = Pick<Results, FileMethod>;

/** Whether a name is a shell method. */
export function isFileMethod(m: string): m is FileMethod {
  return Object.hasOwn(FILE_PARAMS, m);
}

/** What the methods need from Electron and the API (injected: tests pass fakes). */
export interface FileDeps {
  /** The open dialog; the chosen file or null. */
  chooseOpen(): Promise<string | null>;
  /** The save dialog; the chosen file or null. */
  chooseSave(o: { defaultName: string; filter: { name: string; extensions: string[] } }): Promise<string | null>;
  readText(file: string): Promise<string>;
  fileSize(file: string): Promise<number>;
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  /** runs:export of the API. */
  exportRuns(ids: string[], format: 'html' | 'csv-sessions' | 'csv-counters' | 'csv-series'): Promise<ApiResult<Results['runs:export']>>;
  /** Prints an HTML report to PDF. */
  htmlToPdf(html: string): Promise<Uint8Array>;
  /** The Open Recent list (newest first) and what opening or saving a file does to it. */
  recent(): readonly string[];
  remember(file: string): void;
  forget(file: string): void;
  /** Tells the renderer to open a file (menu:command {command: 'open', path}). */
  sendOpen(file: string): void;
}

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const fail = (code: ApiError['code'], message: string): ApiResult<never> => ({ ok: false, error: { code, message } });

/** The scenario file name to offer: `name.srlab.json`. */
export function scenarioFileName(suggested: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const base = (suggested ?? '').replace(/[\\/:*?"<>|\x00-\x1f]+/g, ' ').trim() || 'scenario';
  return /\.srlab\.json$/i.test(base) ? base : `${base.replace(/\.json$/i, '')}.srlab.json`;
}

/** A chosen save path, with `.srlab.json` added when the person typed no `.json`. */
export function withScenarioExtension(file: string): string {
  return /\.json$/i.test(file) ? file : `${file}.srlab.json`;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'the file does not exist (any more)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** The shell methods, plus what main does when the OS or a second launch asks to open a file. */
export function createFileMethods(d: FileDeps) {
  const handedOut = new Set<string>();
  let pending: string | null = null;
  let rendererAsked = false;

  const isKnown = (file: string): boolean => handedOut.has(resolve(file)) || d.recent().includes(resolve(file));
  const handOut = (file: string): string => {
    const abs = resolve(file);
    handedOut.add(abs);
    return abs;
  };

  async function read(file: string): Promise<ApiResult<{ path: string; text: string }>> {
    try {
      if ((await d.fileSize(file)) > MAX_SCENARIO_BYTES) return fail('bad-params', `${file} is larger than 20 MB: not a scenario file`);
      const text = await d.readText(file);
      d.remember(file);
      return ok({ path: file, text });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') d.forget(file);
      return fail('not-found', `cannot open ${file}: ${describe(error)}`);
    }
  }

  async function write(file: string, data: string | Uint8Array): Promise<ApiResult<{ path: string }>> {
    try {
      await d.writeFile(file, data);
      return ok({ path: file });
    } catch (error) {
      return fail('internal', `cannot write ${file}: ${describe(error)}`);
    }
  }

  const impl: { [M in FileMethod]: (p: z.output<(typeof FILE_PARAMS)[M]>) => Promise<ApiResult<FileResults[M]>> } = {
    async 'file:open'(p) {
      if (p.path !== undefined && !isKnown(p.path)) return fail('unauthorized', 'that file was not chosen in a dialog or the Open Recent list');
      const file = p.path ?? (await d.chooseOpen());
      if (file === null) return ok(null);
      return read(handOut(file));
    },
    async 'file:save'(p) {
      let file: string | null = p.path !== undefined && isKnown(p.path) ? resolve(p.path) : null;
      file ??= await d.chooseSave({ defaultName: scenarioFileName(p.suggestedName), filter: { name: 'Session Recovery Lab scenario', extensions: ['srlab.json', 'json'] } });
      if (file === null) return ok(null);
      const abs = handOut(withScenarioExtension(file));
      const r = await write(abs, p.text);
      if (r.ok) d.remember(abs);
      return r;
    },
    async 'file:export'(p) {
      const exported = await d.exportRuns(p.ids, p.format === 'pdf' ? 'html' : p.format);
      if (!exported.ok) return exported;
      const { filename, content } = exported.value;
      const isPdf = p.format === 'pdf';
      const name = isPdf ? filename.replace(/\.html?$/i, '') + '.pdf' : filename;
      const ext = name.slice(name.lastIndexOf('.') + 1) || 'txt';
      const file = await d.chooseSave({ defaultName: p.suggestedName ?? name, filter: { name: isPdf ? 'PDF report' : ext === 'html' ? 'HTML report' : 'CSV file', extensions: [ext] } });
      if (file === null) return ok(null);
      try {
        return await write(file, isPdf ? await d.htmlToPdf(content) : content);
      } catch (error) {
        return fail('internal', `cannot print the report to PDF: ${describe(error)}`);
      }
    },
    async 'file:take-pending'() {
      rendererAsked = true;
      const file = pending;
      pending = null;
      return file === null ? ok(null) : read(file);
    },
  };

  return {
    /** Answers a shell method (validated here); never throws. */
    async handle(method: FileMethod, params: unknown): Promise<ApiResult<unknown>> {
      const parsed = FILE_PARAMS[method].safeParse(params ?? {});
      if (!parsed.success) return fail('bad-params', `${method}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ')}`);
      try {
        return await (impl[method] as (p: unknown) => Promise<ApiResult<unknown>>)(parsed.data);
      } catch (error) {
        return fail('internal', `${method} failed: ${describe(error)}`);
      }
    },
    /**
     * The OS or a second launch asks to open `file`: kept until the renderer asks for it at
     * start (file:take-pending), sent as a menu command once it has.
     */
    requestOpen(file: string): void {
      const abs = handOut(file);
      if (rendererAsked) d.sendOpen(abs);
      else pending = abs;
    },
  };
}

/** The dispatcher main binds: shell methods first, then the API of the contract. */
export function routeCalls(files: { handle(method: FileMethod, params: unknown): Promise<ApiResult<unknown>> }, api: (method: unknown, params: unknown) => Promise<ApiResult<unknown>>) {
  return (method: string, params: unknown): Promise<ApiResult<unknown>> => (isFileMethod(method) ? files.handle(method, params) : api(method, params));
}
