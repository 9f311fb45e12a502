/** Types of find-electron.mjs (plain JavaScript so electron/start.mjs can run it with Node). */
export interface FsLike {
  existsSync(p: string): boolean;
  readFileSync(p: string, enc: 'utf8'): string;
}
export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: 'no-path-txt' | 'no-binary' | 'override-missing'; path: string | null };
/** Where the Electron binary is (never downloads it). */
export function findElectronBinary(o: { electronDir: string; env?: Record<string, string | undefined>; fs?: FsLike }): ElectronBinary;
