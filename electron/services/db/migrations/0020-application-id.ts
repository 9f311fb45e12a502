/**
 * Marks the file as ours the SQLite way: `PRAGMA application_id` (a number in the file header,
 * like a file signature). From now on a file is recognised by it before anything is written;
 * a file of schema 10 from before this step is recognised by its exact tables instead and gets
 * the mark here.
 */
import { APPLICATION_ID } from '../application-id.ts';
import type { Migration } from './types.ts';

/** Schema 20: the application id. */
export const migration: Migration = {
  version: 20,
  name: 'application-id',
  up(db) {
    db.pragma(`application_id = ${APPLICATION_ID}`);
  },
};
