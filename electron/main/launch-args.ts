/**
 * The scenario file on a command line (the first launch's, or a second launch's handed over by
 * the single-instance lock): the last argument ending in .srlab.json, resolved against the
 * launching process's folder. Pure.
 */
import { isAbsolute, resolve } from 'node:path';

/** The scenario file named in `argv`, absolute, or null. */
export function scenarioFromArgv(argv: readonly string[], cwd: string): string | null {
  // argv[0] is the executable (and argv[1] the app folder in development); flags start with -.
  const file = [...argv.slice(1)].reverse().find((a) => !a.startsWith('-') && /\.srlab\.json$/i.test(a));
  if (file === undefined) return null;
  return isAbsolute(file) ? file : resolve(cwd, file);
}

/** Largest file taken as a scenario (the same limit as opening one from a dialog). */
const MAX_LAUNCH_BYTES = 20 * 1024 * 1024;

/** What {@link acceptLaunchFile} needs to know of a path (node:fs's statSync in main). */
export type StatLike = (path: string) => { isFile(): boolean; size: number };

/**
 * A file handed over by a second launch (`additionalData.scenario`) or the OS, checked like a
 * file the person opens: that other process may send anything, and a file main hands out is
 * one the page may later save over. It must be text naming an existing regular file ending in
 * `.srlab.json`, no larger than 20 MB; relative paths are the sender's (`cwd`). Returns the
 * absolute path, or null with nothing opened.
 */
export function acceptLaunchFile(value: unknown, cwd: string, stat: StatLike): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096 || value.includes('\0')) return null;
  if (!/\.srlab\.json$/i.test(value)) return null;
  const file = isAbsolute(value) ? value : resolve(cwd, value);
  try {
    const st = stat(file);
    return st.isFile() && st.size <= MAX_LAUNCH_BYTES ? file : null;
  } catch {
    return null;
  }
}
