/** What the API's handlers need from the host that serves them. */
import type { RunDatabase } from '../db/index.ts';
import type { LiveRunner } from '../live/runner.ts';
import type { WhatIfService } from '../whatif/service.ts';
import type { SeekService } from '../timetravel/seek-service.ts';

/** What the handlers need. */
export interface ApiDeps {
  db: RunDatabase | null;
  dbPath: string | null;
  runner: LiveRunner;
  host: 'electron' | 'browser' | 'memory';
  appVersion: string;
  /** The N-1 analyses (default: one of its own, sharing the runner's events). */
  whatIf?: WhatIfService;
  /** Time travel over stored runs (default: one of its own, started on the first seek). */
  seek?: SeekService;
}
