/**
 * A router's session table as `show sessions` lays it out (one row per flow, forward then
 * reverse), fetched from the live run: about once a second while it runs, once when paused or
 * when another router is chosen. Session tables are large and change constantly, so they are
 * asked for rather than streamed.
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FlowRow } from '../../../engine/index.ts';
import { useApi } from '../api/context.tsx';
import { useLab } from '../store/context.tsx';
import { phaseOf } from './useRunActions.ts';
import { count } from './format.ts';
import { RouterPicker, useRouterPick } from './PanelParts.tsx';

const REFRESH_MS = 1000;
const LIMIT = 200;

/** The Sessions tab. */
export function SessionsTable() {
  const api = useApi();
  const routers = useLab(useShallow((s) => Object.keys(s.live?.routers ?? {})));
  const phase = useLab((s) => phaseOf(s.live));
  const runId = useLab((s) => s.live?.runId ?? null);
  const endedRunId = useLab((s) => (s.live?.state === 'ended' ? (s.lastEnded?.runId ?? null) : null));
  const openRun = useLab((s) => s.openRun);
  const setView = useLab((s) => s.setView);
  const [router, pick] = useRouterPick(routers);
  const [loaded, setLoaded] = useState<{ router: string; rows: FlowRow[] } | null>(null);
  // Rows shown belong to the router picked (another router's, kept from before, would mislead).
  const rows = loaded?.router === router ? loaded.rows : null;
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // An ended run's tables went with it (the host answers "no run is live"): nothing to ask.
    if (!router || phase === 'idle' || phase === 'ended') return;
    let isCurrent = true;
    const load = async () => {
      const r = await api.call('sim:sessions', { router, limit: LIMIT });
      if (!isCurrent) return;
      if (r.ok) {
        setLoaded({ router, rows: r.value });
        setError(null);
      } else setError(r.error.message);
    };
    void load();
    const timer = phase === 'running' ? setInterval(() => void load(), REFRESH_MS) : null;
    return () => {
      isCurrent = false;
      if (timer) clearInterval(timer);
    };
  }, [api, router, phase, runId]);

  if (routers.length === 0) return <p className="empty">No run yet. Run the lab to see each router's sessions as `show sessions` lists them.</p>;
  const sessions = rows ? new Set(rows.map((r) => r.session)).size : 0;
  return (
    <div className="sessions">
      <div className="panel-toolbar">
        <RouterPicker routers={routers} router={router} onPick={pick} />
        <span className="muted">
          {phase === 'ended'
            ? `The run has ended: its routers' tables went with it.${rows ? ` Below, ${router}'s table as last refreshed.` : ''}`
            : rows
              ? `${count(sessions)} sessions, ${count(rows.length)} flows${sessions >= LIMIT ? ` (first ${LIMIT} sessions)` : ''}`
              : 'loading…'}
          {phase === 'running' ? ' · refreshed every second' : ''}
        </span>
        {phase === 'ended' && endedRunId && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              openRun(endedRunId);
              setView('history');
            }}
          >
            Every session of the run, in its results
          </button>
        )}
        {error && phase !== 'ended' && <span className="error-text">{error}</span>}
      </div>
      {(rows || phase !== 'ended') && (
        <div className="table-scroll">
          <FlowTable rows={rows ?? []} />
          {rows && rows.length === 0 && <p className="empty">No sessions on {router} right now.</p>}
        </div>
      )}
    </div>
  );
}

/** Flows as `show sessions` lists them (time travel shows a past moment's with it). */
export function FlowTable({ rows }: { rows: readonly FlowRow[] }) {
  return (
    <table className="data-table sessions-table">
      <thead>
        <tr>
          <th scope="col" className="num">
            Session
          </th>
          <th scope="col">Dir</th>
          <th scope="col">Ingress</th>
          <th scope="col">Egress</th>
          <th scope="col">Proto</th>
          <th scope="col">Inner tuple</th>
          <th scope="col">Outer tuple (waypoint:wayport)</th>
          <th scope="col">Metadata</th>
          <th scope="col" className="num">
            Health check
          </th>
          <th scope="col" className="num">
            Peer silent
          </th>
          <th scope="col" className="num">
            Idle
          </th>
          <th scope="col">Stuck</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((f, i) => (
          <tr key={`${f.session}-${f.direction}-${i}`} className={f.direction === 'rev' ? 'flow-rev' : 'flow-fwd'}>
            <td className="num">{f.direction === 'fwd' ? f.session : ''}</td>
            <td>{f.direction}</td>
            <td>{f.ingress}</td>
            <td>{f.egress}</td>
            <td>{f.protocol}</td>
            <td className="mono">{f.inner}</td>
            <td className="mono">{f.outer ?? '—'}</td>
            <td>{f.metadata ?? '—'}</td>
            <td className="num">{f.healthCheck ?? '—'}</td>
            <td className="num">{f.peerSilentMs === null ? '—' : `${count(f.peerSilentMs)} ms`}</td>
            <td className="num">{count(f.idleMs)} ms</td>
            <td>{f.stuck ? <span className="badge badge-bad">stuck</span> : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
