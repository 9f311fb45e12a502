/** Stored runs (runs:*) over the database: list, open, sessions, events, delete, compare, export. */
import { deleteRun, getEvents, getRun, getSessions, listRuns, type RunDatabase } from '../db/index.ts';
import { compareStored, exportRuns, listedRow, loadDetails, loadRunDetail } from '../runs/index.ts';
import { err, noDb, ok, type Handlers } from './results.ts';

const notFound = (id: string) => err('not-found', `no stored run "${id}"`);

/** The runs:* methods. */
export function runsHandlers(db: RunDatabase | null): Handlers<'runs:list' | 'runs:get' | 'runs:sessions' | 'runs:events' | 'runs:delete' | 'runs:compare' | 'runs:export'> {
  return {
    'runs:list': (p) => (db ? ok(listRuns(db, { ...(p.scenario ? { scenario: p.scenario } : {}), ...(p.status ? { status: p.status } : {}), limit: p.limit, offset: p.offset }).map(listedRow)) : noDb),
    'runs:get': (p) => {
      if (!db) return noDb;
      const d = loadRunDetail(db, p.id);
      return d ? ok(d) : notFound(p.id);
    },
    'runs:sessions': (p) => (db ? (getRun(db, p.id) ? ok(getSessions(db, p.id, { limit: p.limit })) : notFound(p.id)) : noDb),
    'runs:events': (p) => {
      if (!db) return noDb;
      if (!getRun(db, p.id)) return notFound(p.id);
      const rows = getEvents(db, p.id, { ...(p.kind ? { kind: p.kind } : {}), ...(p.node ? { node: p.node } : {}), ...(p.fromMs !== undefined ? { fromUs: p.fromMs * 1000 } : {}), limit: p.limit });
      return ok(rows.map(({ id: _id, ...e }) => e));
    },
    'runs:delete': (p) => (db ? ok({ deleted: deleteRun(db, p.id) }) : noDb),
    'runs:compare': (p) => {
      if (!db) return noDb;
      const details = loadDetails(db, p.ids);
      if (typeof details === 'string') return notFound(details);
      const c = compareStored(details);
      return typeof c === 'string' ? err('conflict', c) : ok(c);
    },
    'runs:export': (p) => {
      if (!db) return noDb;
      const details = loadDetails(db, p.ids);
      if (typeof details === 'string') return notFound(details);
      return exportRuns(db, details, p.format);
    },
  };
}
