/**
 * Each session's list of outages (when each started and ended, and what ended it), so a stored
 * run's page can draw the session timeline. JSON `[[startMs, endMs, recoveredBy|null], …]`;
 * NULL for runs stored before engine 0.2.0, which did not keep it.
 */
import type { Migration } from './types.ts';

/** Schema 30: run_sessions.outage_list. */
export const migration: Migration = {
  version: 30,
  name: 'session-outage-list',
  up(db) {
    db.exec('ALTER TABLE run_sessions ADD COLUMN outage_list TEXT');
  },
};
