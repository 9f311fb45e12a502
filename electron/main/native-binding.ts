/**
 * Which better-sqlite3 binary main loads. npm builds better-sqlite3 for Node's ABI (the CLI and
 * the tests use it); Electron needs one built for its own ABI. In development that one lives
 * beside it, in build/native/electron-v<abi>/ (made by `npm run native:electron`) and is passed
 * as better-sqlite3's `nativeBinding` option; a packaged app carries the one electron-builder
 * rebuilt, in the default place.
 */
import { join } from 'node:path';

/** The development build's path for an ABI (process.versions.modules inside Electron). */
export function electronBindingPath(projectRoot: string, abi: string): string {
  return join(projectRoot, 'build', 'native', `electron-v${abi}`, 'better_sqlite3.node');
}

/** What to load. */
export type NativeBinding = { kind: 'default' } | { kind: 'file'; path: string } | { kind: 'missing'; path: string; message: string };

/** Decides the binding; pure over `exists`. */
export function chooseNativeBinding(o: { projectRoot: string; abi: string; isPackaged: boolean; exists: (file: string) => boolean }): NativeBinding {
  if (o.isPackaged) return { kind: 'default' };
  const path = electronBindingPath(o.projectRoot, o.abi);
  if (o.exists(path)) return { kind: 'file', path };
  return {
    kind: 'missing',
    path,
    message: `The runs database needs better-sqlite3 built for Electron (ABI ${o.abi}), which is not there yet: run "npm run native:electron" once (it needs the internet for Electron's headers), then start again. Until then the lab runs but does not store runs.`,
  };
}
