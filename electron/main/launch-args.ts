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
