/**
 * The browser host as a whole: the runs database, the live runner, the API handlers and the
 * HTTP/WebSocket server wired together. Used by `srlab lab` (and so by `npm start` when
 * Electron is not available) and by the end-to-end tests.
 */
import { readFileSync } from 'node:fs';
import { fromRoot } from '../paths.ts';
import type { RunDatabase } from '../db/index.ts';
import { LiveRunner } from '../live/runner.ts';
import { createApi } from '../api/handlers.ts';
import { WhatIfService } from '../whatif/service.ts';
import { SeekService } from '../timetravel/seek-service.ts';
import { RENDERER_DIST, ensureRendererBuilt } from './renderer-build.ts';
import { startHost, type RunningHost } from './server.ts';
import type { QueueLimits } from './connection-queue.ts';
import { offThread } from './heavy-pool.ts';

/** What starting the lab needs. */
export interface LabOptions {
  db: RunDatabase | null;
  dbPath: string | null;
  host: string;
  port: number;
  token?: string;
  log: (line: string) => void;
  /** Serve this folder instead of building and serving dist/renderer (tests). */
  rendererDir?: string;
  /** Per-connection bounds (tests use small ones). */
  limits?: Partial<QueueLimits>;
}

/** A running lab. */
export interface RunningLab {
  host: RunningHost;
  runner: LiveRunner;
  /** Stops a live run (storing it), closes the server and the database. */
  close(): Promise<void>;
}

/** The package version (for app:info). */
export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Starts the lab on `host:port`. */
export async function startLab(o: LabOptions): Promise<RunningLab> {
  if (o.rendererDir === undefined) await ensureRendererBuilt(o.log);
  let host: RunningHost | null = null;
  const runner = new LiveRunner(o.db, (event, payload) => host?.broadcast(event, payload));
  const whatIf = new WhatIfService(o.db, runner.emit);
  const seek = new SeekService(o.db, runner);
  const api = offThread(createApi({ db: o.db, dbPath: o.dbPath, runner, host: 'browser', appVersion: appVersion(), whatIf, seek }), o.db && o.dbPath ? { dbPath: o.db.path } : null);
  host = await startHost({
    rendererDir: o.rendererDir ?? RENDERER_DIST,
    host: o.host,
    port: o.port,
    handle: api.handle,
    ...(o.token ? { token: o.token } : {}),
    ...(o.limits ? { limits: o.limits } : {}),
  });
  const h = host;
  return {
    host: h,
    runner,
    async close() {
      whatIf.close();
      await seek.close();
      await runner.close();
      await h.close();
      await api.close();
      o.db?.close();
    },
  };
}
