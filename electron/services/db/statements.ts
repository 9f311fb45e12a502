/**
 * Prepared statements, compiled once per connection and reused: preparing is far dearer than
 * running, and the repository functions are called in loops (lists, per-run reads).
 */
import type { Statement } from 'better-sqlite3';
import { DbError } from './errors.ts';
import type { RunDatabase } from './database.ts';

const cache = new WeakMap<RunDatabase['sqlite'], Map<string, Statement<unknown[], unknown>>>();

/** The prepared statement for `sql` on this connection. */
export function prepared<R = unknown>(db: RunDatabase, sql: string): Statement<unknown[], R> {
  let byText = cache.get(db.sqlite);
  if (byText === undefined) cache.set(db.sqlite, (byText = new Map()));
  let stmt = byText.get(sql);
  if (stmt === undefined) byText.set(sql, (stmt = db.sqlite.prepare<unknown[], unknown>(sql)));
  return stmt as Statement<unknown[], R>;
}

/** Throws the read-only DbError before a write is attempted on a read-only handle. */
export function writable(db: RunDatabase): void {
  if (db.isReadonly) throw new DbError('read-only', db.file, `${db.file} was opened read-only; nothing was written`);
}

/** Rows per multi-row INSERT: fewer calls across the JS/C++ boundary, within SQLite's 32 766 parameters. */
const BATCH_ROWS = 128;

/**
 * Inserts many rows with multi-row `INSERT … VALUES (…), (…)` statements. `head` is the
 * statement up to `VALUES` (e.g. `INSERT INTO t (a, b)`); `width` the columns per row; `fill`
 * writes one item's values into `out` at `at`. Call inside a transaction: that is what makes it
 * fast, and what makes the rows appear all at once.
 */
export function insertMany<T>(db: RunDatabase, head: string, width: number, items: readonly T[], fill: (item: T, out: unknown[], at: number) => void): void {
  const row = `(${new Array<string>(width).fill('?').join(', ')})`;
  const full = prepared(db, `${head} VALUES ${new Array<string>(BATCH_ROWS).fill(row).join(', ')}`);
  const params = new Array<unknown>(BATCH_ROWS * width);
  let i = 0;
  for (; i + BATCH_ROWS <= items.length; i += BATCH_ROWS) {
    for (let j = 0; j < BATCH_ROWS; j++) fill(items[i + j]!, params, j * width);
    full.run(params);
  }
  if (i === items.length) return;
  // The remainder goes row by row: one more cached statement instead of one per size.
  const one = prepared(db, `${head} VALUES ${row}`);
  const oneParams = new Array<unknown>(width);
  for (; i < items.length; i++) {
    fill(items[i]!, oneParams, 0);
    one.run(oneParams);
  }
}
