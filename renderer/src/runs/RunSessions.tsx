/**
 * A stored run's sessions: the session timeline (one lane per session, outages coloured by what
 * ended them) and the whole sessions table — what the sessions CSV holds, on the page.
 */
import { useMemo } from 'react';
import { RECOVERY_COLORS, RECOVERY_KINDS, type SessionOutcome } from '../../../engine/index.ts';
import { EChart } from '../charts/EChart.tsx';
import { useChartTheme } from '../charts/useChartTheme.ts';
import { count, duration } from '../live/format.ts';
import { LANE_PX, outagesOf, timelineLanes, timelineOption } from './session-timeline.ts';
import { mechanismWords } from './outcome-words.ts';

const TABLE_ROWS = 500;

/** The run page's Sessions section. */
export function RunSessions({ sessions, durationMs }: { sessions: SessionOutcome[]; durationMs: number }) {
  const theme = useChartTheme();
  const lanes = useMemo(() => timelineLanes(sessions), [sessions]);
  const option = useMemo(() => timelineOption(lanes, durationMs, theme), [lanes, durationMs, theme]);
  const hasSpans = sessions.some((s) => outagesOf(s) !== null);
  const affected = sessions.filter((s) => s.outages > 0 || s.failed).length;
  if (sessions.length === 0) {
    return (
      <section className="section" aria-label="Sessions">
        <h2>Sessions</h2>
        <p className="empty">No sessions were stored for this run.</p>
      </section>
    );
  }
  return (
    <section className="section" aria-label="Sessions">
      <h2>Sessions</h2>
      <h3>Session timeline</h3>
      {hasSpans ? (
        <>
          <p className="muted small">
            One lane per session{lanes.length < sessions.length ? ` (the ${count(lanes.length)} of ${count(sessions.length)} with outages first)` : ''}: a thin line while it lives, a bar for each
            outage, coloured by what brought it back.
          </p>
          <div className="legend-row">
            {RECOVERY_KINDS.map((k) => (
              <span key={k} className="legend-item">
                <span className="swatch" style={{ background: RECOVERY_COLORS[k] }} aria-hidden="true" />
                {mechanismWords(k)}
              </span>
            ))}
            <span className="legend-item">
              <span className="swatch" style={{ background: theme.danger }} aria-hidden="true" />
              failed (never came back)
            </span>
          </div>
          <EChart option={option} label={`Session timeline: ${count(sessions.length)} sessions, ${count(affected)} with outages`} height={Math.max(120, 40 + LANE_PX * lanes.length)} />
        </>
      ) : (
        <p className="empty">This run was stored without each outage's start and end, so its timeline cannot be drawn; the table below has each session's totals.</p>
      )}
      <h3>Every session</h3>
      <div className="table-scroll sessions-scroll">
        <table className="data-table" aria-label="Sessions of the run">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Traffic</th>
              <th scope="col">Proto</th>
              <th scope="col" className="num">
                Start
              </th>
              <th scope="col" className="num">
                End
              </th>
              <th scope="col" className="num">
                Sent
              </th>
              <th scope="col" className="num">
                Lost
              </th>
              <th scope="col" className="num">
                Outages
              </th>
              <th scope="col" className="num">
                Outage total
              </th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {sessions.slice(0, TABLE_ROWS).map((s) => (
              <tr key={s.id}>
                <td className="num">{s.id}</td>
                <td>
                  {s.traffic}{' '}
                  <span className="muted small">
                    {s.client}:{s.clientPort} → {s.server}
                  </span>
                </td>
                <td>{s.protocol}</td>
                <td className="num">{duration(s.startMs)}</td>
                <td className="num">{s.endMs === null ? 'open' : duration(s.endMs)}</td>
                <td className="num">{count(s.sent)}</td>
                <td className="num">{count(s.lost)}</td>
                <td className="num">{s.outages}</td>
                <td className="num">{s.outages > 0 ? duration(s.outageTotalMs) : ''}</td>
                <td>
                  {s.failed ? (
                    <span className="badge badge-bad">failed{s.recoveredBy === 'new-session' && s.successor !== null ? `; reconnected as #${s.successor}` : ''}</span>
                  ) : s.recoveredBy ? (
                    `recovered: ${mechanismWords(s.recoveredBy)}`
                  ) : (
                    'unaffected'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sessions.length > TABLE_ROWS && (
        <p className="muted">
          The first {TABLE_ROWS} of {count(sessions.length)} sessions; the sessions CSV has them all.
        </p>
      )}
    </section>
  );
}
