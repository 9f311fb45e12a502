/** Where the runs database lives when nobody says: the OS's per-user data folder. */
import { posix, win32 } from 'node:path';

/** The database's file name inside the app's data folder. */
export const DB_FILE_NAME = 'runs.db';

/**
 * The default database path for a platform: `SRLAB_DB` when set, else the per-user data folder
 * (Linux and other Unixes: `$XDG_DATA_HOME` or `~/.local/share`, then `session-recovery-lab/`;
 * macOS: `~/Library/Application Support/Session Recovery Lab/`; Windows: `%APPDATA%\Session
 * Recovery Lab\`, falling back to `~\AppData\Roaming`). Pure: the caller passes the
 * environment, `process.platform` and the home folder, so every platform can be tested anywhere.
 * `--db` overrides the result; that choice belongs to the caller.
 */
export function defaultDbPath(env: Readonly<Record<string, string | undefined>>, platform: string, homedir: string): string {
  const explicit = env['SRLAB_DB'];
  if (explicit !== undefined && explicit.trim() !== '') return explicit;
  if (platform === 'win32') {
    const appData = nonEmpty(env['APPDATA']) ?? win32.join(homedir, 'AppData', 'Roaming');
    return win32.join(appData, 'Session Recovery Lab', DB_FILE_NAME);
  }
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Application Support', 'Session Recovery Lab', DB_FILE_NAME);
  // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = nonEmpty(env['XDG_DATA_HOME']);
  const dataHome = xdg !== undefined && posix.isAbsolute(xdg) ? xdg : posix.join(homedir, '.local', 'share');
  return posix.join(dataHome, 'session-recovery-lab', DB_FILE_NAME);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
