import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DbError, openDatabase } from '../../../electron/services/db/index.ts';

const require = createRequire(import.meta.url);
const NODE_BUILD = join(require.resolve('better-sqlite3/package.json'), '..', 'build', 'Release', 'better_sqlite3.node');

describe('openDatabase nativeBinding', () => {
  it('loads the addon it is given (the desktop app passes its Electron-ABI build)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'srlab-nb-'));
    const db = openDatabase(join(dir, 'runs.db'), { nativeBinding: NODE_BUILD });
    expect(db.sqlite.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    db.close();
  });

  it('fails clearly, naming the file, when the addon cannot be loaded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'srlab-nb-'));
    const bogus = join(dir, 'not-an-addon.node');
    writeFileSync(bogus, 'nope');
    expect(() => openDatabase(join(dir, 'runs.db'), { nativeBinding: bogus })).toThrow(DbError);
  });
});
