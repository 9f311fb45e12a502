/** The handle every repository function takes. */
import type { Database } from 'better-sqlite3';

/** What happened while opening, for a caller that wants to tell the user. */
export interface OpenReport {
  /** The file did not exist (or was empty) and was created. */
  created: boolean;
  /** Schema version before migrating, or null when no migration ran. */
  migratedFrom: number | null;
  /** The copy taken before migrating, or null. */
  backupFile: string | null;
  /** Runs found `running` whose owner process is gone, now marked `interrupted`. */
  interruptedRuns: string[];
}

/** An open runs database. */
export interface RunDatabase {
  /** The file as the caller named it (used in messages). */
  readonly file: string;
  /** Absolute path. */
  readonly path: string;
  readonly isReadonly: boolean;
  /** The connection. Only the repository modules run SQL on it. */
  readonly sqlite: Database;
  readonly report: OpenReport;
  /** Wall clock (ms since the epoch) for row timestamps; injectable for tests. */
  readonly now: () => number;
  /** This process's identity, recorded as the owner of the runs it starts. */
  readonly owner: { pid: number; hostname: string };
  /** Closes the connection; safe to call twice. */
  close(): void;
}
