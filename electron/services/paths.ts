/**
 * The project's root folder (where package.json, assets/ and dist/ are). From the sources it is
 * two folders up from here; inside the CLI's esbuild bundle `import.meta.url` is the cache
 * folder, so the bundler writes the root in (`process.env.SRLAB_ROOT` is replaced at build).
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project root, with a trailing separator. */
export const PROJECT_ROOT: string = process.env.SRLAB_ROOT ?? fileURLToPath(new URL('../../', import.meta.url));

/** A path under the project root. */
export function fromRoot(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
