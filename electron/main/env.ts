/**
 * Imported first by main.ts, before any services module is evaluated: tells the services where
 * the app's files are. They read `process.env.SRLAB_ROOT` once, at load (electron/services/
 * paths.ts); inside the bundle `import.meta.url` is dist/electron, and in a packaged app the
 * root is the asar archive, so only Electron knows it: app.getAppPath().
 */
import { app } from 'electron';
import { sep } from 'node:path';

const root = app.getAppPath();
process.env.SRLAB_ROOT = root.endsWith(sep) ? root : root + sep;
