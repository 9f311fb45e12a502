/** Versions shown by `srlab --version`. */
import { readFileSync } from 'node:fs';
import { ENGINE_VERSION } from '../../engine/version.ts';
import { fromRoot } from '../services/paths.ts';

/**
 * The package's version from package.json, read at run time: the file lies outside the
 * electron TypeScript project, so it cannot be imported as a module (and inside the CLI's
 * bundle only the project root, not this file's folder, leads to it).
 */
export function packageVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8'));
    const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The `--version` line: package and engine versions (a run records the engine's). */
export function versionLine(): string {
  return `srlab ${packageVersion()} (engine ${ENGINE_VERSION})`;
}
