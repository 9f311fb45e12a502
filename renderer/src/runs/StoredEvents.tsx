/**
 * A stored run's control-plane and session events (runs:events): the log a live run showed,
 * kept in the database. Filterable by kind and router; the first 500 matching, in time order.
 */
import { useEffect, useState } from 'react';
import type { StoredEvent } from '../../../engine/index.ts';
import { useApi } from '../api/context.tsx';
import { clock } from '../live/format.ts';

const LIMIT = 500;

/** The events section of a run. */
export function StoredEvents({ id, routers }: { id: string; routers: string[] }) {
  const api = useApi();
  const [kind, setKind] = useState('');
  const [node, setNode] = useState('');
  const [events, setEvents] = useState<StoredEvent[] | null>(null);
  const [kinds, setKinds] = useState<string[]>([]);

  useEffect(() => {
    let current = true;
    void api.call('runs:events', { id, limit: LIMIT, ...(kind ? { kind } : {}), ...(node ? { node } : {}) }).then((r) => {
      if (!current) return;
      setEvents(r.ok ? r.value : []);
      // The kinds to offer come from the unfiltered log.
      if (r.ok && !kind && !node) setKinds([...new Set(r.value.map((e) => e.kind))].sort());
    });
    return () => {
      current = false;
    };
  }, [api, id, kind, node]);

  return (
    <section className="section" aria-label="Stored events">
      <div className="section-head">
        <h2>Events</h2>
        <label className="check">
          Kind{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">all kinds</option>
            {kinds.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label className="check">
          Router{' '}
          <select value={node} onChange={(e) => setNode(e.target.value)}>
            <option value="">all nodes</option>
            {routers.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
      </div>
      {events === null ? (
        <p className="muted">Loading…</p>
      ) : events.length === 0 ? (
        <p className="empty">No events{kind || node ? ' match' : ' were stored for this run'}.</p>
      ) : (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th>time</th>
                <th>node</th>
                <th>event</th>
                <th>details</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e, i) => (
                <tr key={i}>
                  <td className="mono">{clock(e.tUs / 1000)}</td>
                  <td>{e.node}</td>
                  <td>{e.kind}</td>
                  <td className="mono">
                    {Object.entries(e.detail)
                      .map(([k, v]) => `${k}=${String(v)}`)
                      .join(' ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {events.length === LIMIT && <p className="muted">The first {LIMIT} matching events; narrow the filters to see others.</p>}
        </>
      )}
    </section>
  );
}
