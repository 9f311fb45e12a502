import type { Database } from 'better-sqlite3';

/**
 * One schema step. `up` runs inside the transaction that runs every pending migration, so it
 * must not open its own transaction, and it must not run VACUUM or change `journal_mode`.
 */
export interface Migration {
  /** Goes to `PRAGMA user_version` once applied: 10, 20, … (gaps leave room for fixes). */
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
