/** `run_sessions`: one row per session outcome of a run. */
import type { SessionOutcome } from '../../../../engine/index.ts';
import type { RunDatabase } from '../database.ts';
import { insertMany, prepared, writable } from '../statements.ts';

const COLUMNS = `run_id, session_id, traffic, client, server, protocol, client_port, start_ms, end_ms, sent, delivered, lost,
  outages, outage_total_ms, outage_max_ms, recovered_by, failed, gave_up, successor, outage_list`;

/** Stores a run's session outcomes. */
export function insertSessions(db: RunDatabase, runId: string, sessions: readonly SessionOutcome[]): void {
  writable(db);
  insertMany(db, `INSERT INTO run_sessions (${COLUMNS})`, 20, sessions, (s, o, at) => {
    o[at] = runId;
    o[at + 1] = s.id;
    o[at + 2] = s.traffic;
    o[at + 3] = s.client;
    o[at + 4] = s.server;
    o[at + 5] = s.protocol;
    o[at + 6] = s.clientPort;
    o[at + 7] = s.startMs;
    o[at + 8] = s.endMs;
    o[at + 9] = s.sent;
    o[at + 10] = s.delivered;
    o[at + 11] = s.lost;
    o[at + 12] = s.outages;
    o[at + 13] = s.outageTotalMs;
    o[at + 14] = s.outageMaxMs;
    o[at + 15] = s.recoveredBy;
    o[at + 16] = s.failed ? 1 : 0;
    o[at + 17] = s.gaveUp ? 1 : 0;
    o[at + 18] = s.successor;
    o[at + 19] = s.outageList === undefined ? null : JSON.stringify(s.outageList.map((x) => [x.startMs, x.endMs, x.recoveredBy]));
  });
}

/** Orders for {@link getSessions}. */
export type SessionOrder = 'worst-outage' | 'id';

/** Options for {@link getSessions}. */
export interface SessionQuery {
  /** `worst-outage` (longest single outage first, then longest total; the default) or `id`. */
  order?: SessionOrder;
  /** Only sessions that had an outage or failed. */
  affectedOnly?: boolean;
  /** Default: all. */
  limit?: number;
  offset?: number;
}

const SELECT = `SELECT session_id AS id, traffic, client, server, protocol, client_port AS clientPort, start_ms AS startMs,
  end_ms AS endMs, sent, delivered, lost, outages, outage_total_ms AS outageTotalMs, outage_max_ms AS outageMaxMs,
  recovered_by AS recoveredBy, failed, gave_up AS gaveUp, successor, outage_list AS outageList
  FROM run_sessions WHERE run_id = @runId AND (@affectedOnly = 0 OR outages > 0 OR failed = 1)`;

const ORDER: Record<SessionOrder, string> = {
  'worst-outage': 'ORDER BY outage_max_ms DESC, outage_total_ms DESC, session_id',
  id: 'ORDER BY session_id',
};

type SessionRow = Omit<SessionOutcome, 'failed' | 'gaveUp' | 'outageList'> & { failed: number; gaveUp: number; outageList: string | null };

/** The stored outage list, or none for runs stored before it was kept (or an unreadable one). */
function outageList(text: string | null): Pick<SessionOutcome, 'outageList'> {
  if (text === null) return {};
  try {
    const rows = JSON.parse(text) as [number, number, SessionOutcome['recoveredBy']][];
    return { outageList: rows.map(([startMs, endMs, recoveredBy]) => ({ startMs, endMs, recoveredBy })) };
  } catch {
    return {};
  }
}

/** A run's session outcomes, worst outage first unless asked otherwise. */
export function getSessions(db: RunDatabase, runId: string, q: SessionQuery = {}): SessionOutcome[] {
  const rows = prepared<SessionRow>(db, `${SELECT} ${ORDER[q.order ?? 'worst-outage']} LIMIT @limit OFFSET @offset`).all({
    runId,
    affectedOnly: q.affectedOnly ? 1 : 0,
    limit: q.limit ?? -1,
    offset: q.offset ?? 0,
  });
  return rows.map(({ outageList: list, ...r }) => ({ ...r, failed: r.failed === 1, gaveUp: r.gaveUp === 1, ...outageList(list) }));
}

/** Session rows stored for a run. */
export function countSessions(db: RunDatabase, runId: string): number {
  return Number(prepared(db, `SELECT count(*) FROM run_sessions WHERE run_id = ?`).pluck().get(runId));
}
