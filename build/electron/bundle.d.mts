/** Types of bundle.mjs (plain JavaScript so npm scripts and electron/start.mjs run it with Node). */
/** Bundles main.mjs, the workers and preload.cjs into `outDir` (default dist/electron); returns the files written. */
export function bundleElectron(o?: { root?: string; outDir?: string; minify?: boolean }): Promise<string[]>;
