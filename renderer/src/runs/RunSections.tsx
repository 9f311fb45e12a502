/** The sections of a stored run's view (RunView): KPIs, charts, worst sessions, faults, settings. */
import { useMemo } from 'react';
import {
  CONTROL_KIND_LABELS,
  CONTROL_KINDS,
  LOSS_CAUSES,
  RECOVERY_COLORS,
  describeRecovery,
  effectiveRecovery,
  type Fault,
  type RunDetail,
  type RunSummary,
  type Scenario,
  type SessionOutcome,
  type TimeSeries,
} from '../../../engine/index.ts';
import { EChart } from '../charts/EChart.tsx';
import { useChartTheme } from '../charts/useChartTheme.ts';
import { controlOption, faultLogMarks, packetsOption, sessionsOption } from '../charts/series-options.ts';
import { bytes, clock, count, duration } from '../live/format.ts';
import { failedWords, mechanismWords, outcomeSplit } from './outcome-words.ts';

function Kpi({ label, value, tone }: { label: string; value: string; tone?: 'bad' | 'good' | undefined }) {
  return (
    <div className={`kpi${tone ? ` kpi-${tone}` : ''}`}>
      <div className="kpi-value">{value}</div>
      <div className="kpi-label">{label}</div>
    </div>
  );
}

/** Headline numbers of a finished run. */
export function RunKpis({ summary: s }: { summary: RunSummary }) {
  const ctl = CONTROL_KINDS.reduce((a, k) => ({ count: a.count + s.control[k].count, bytes: a.bytes + s.control[k].bytes }), { count: 0, bytes: 0 });
  const lostBy = LOSS_CAUSES.filter((c) => s.packets.lostBy[c] > 0);
  const split = outcomeSplit(s.sessions);
  const failed = failedWords(s.sessions);
  return (
    <section className="section" aria-label="Headline results">
      <div className="kpi-row">
        <Kpi label="sessions" value={count(s.sessions.total)} />
        <Kpi label="affected" value={count(s.sessions.affected)} />
        <Kpi label="recovered" value={count(s.sessions.recovered)} tone={s.sessions.recovered > 0 ? 'good' : undefined} />
        <Kpi label="failed" value={count(s.sessions.failed)} tone={s.sessions.failed > 0 ? 'bad' : undefined} />
        <Kpi label="outage p50" value={duration(s.sessions.outageMs.p50)} />
        <Kpi label="outage p95" value={duration(s.sessions.outageMs.p95)} />
        <Kpi label="outage p99" value={duration(s.sessions.outageMs.p99)} />
        <Kpi label="outage max" value={duration(s.sessions.outageMs.max)} />
        <Kpi label="packets lost" value={`${count(s.packets.lost)} / ${count(s.packets.sent)}`} tone={s.packets.lost > 0 ? 'bad' : undefined} />
        <Kpi label="control packets" value={`${count(ctl.count)} · ${bytes(ctl.bytes)}`} />
        <Kpi label="exposure" value={count(s.exposure.total)} tone={s.exposure.total > 0 ? 'bad' : undefined} />
      </div>
      <div className="kpi-notes">
        <span>
          {s.sessions.affected === 0 ? (
            'No session was affected.'
          ) : split.recoveredBy.length === 0 ? (
            'None recovered.'
          ) : (
            <>
              {count(split.recovered)} recovered, by:{' '}
              {split.recoveredBy.map(([k, n]) => (
                <span key={k} className="legend-item">
                  <span className="swatch" style={{ background: RECOVERY_COLORS[k] }} aria-hidden="true" />
                  {mechanismWords(k)} {count(n)}
                </span>
              ))}
            </>
          )}
        </span>
        {failed && (
          <span className="legend-item">
            {split.reconnected > 0 && <span className="swatch" style={{ background: RECOVERY_COLORS['new-session'] }} aria-hidden="true" />}
            {failed}.
          </span>
        )}
        {lostBy.length > 0 && <span>Lost by cause: {lostBy.map((c) => `${c} ${count(s.packets.lostBy[c])}`).join(', ')}</span>}
        <span>
          Control overhead:{' '}
          {CONTROL_KINDS.filter((k) => s.control[k].count > 0)
            .map((k) => `${CONTROL_KIND_LABELS[k]} ${count(s.control[k].count)}`)
            .join(', ') || 'none'}
        </span>
      </div>
    </section>
  );
}

/** A fault in a few words: `session-loss on hub1 (fraction 1)`. */
export function describeFault(f: Fault): string {
  const { type, atMs: _at, ...rest } = f as Fault & Record<string, unknown>;
  const target = 'node' in f ? f.node : 'target' in f ? f.target : 'link' in f ? f.link : '';
  const params = Object.entries(rest)
    .filter(([k, v]) => !['node', 'target', 'link'].includes(k) && v !== undefined)
    .map(([k, v]) => `${k} ${v === null ? '—' : String(v)}`);
  return `${type} on ${target}${params.length ? ` (${params.join(', ')})` : ''}`;
}

/** The run's charts from its stored series, faults marked. */
export function RunCharts({ series, faultLog, durationMs }: { series: TimeSeries; faultLog: RunDetail['faultLog']; durationMs: number }) {
  const theme = useChartTheme();
  const axis = useMemo(() => ({ marks: faultLogMarks(faultLog), endMs: durationMs }), [faultLog, durationMs]);
  const opts = useMemo(() => [sessionsOption(series, theme, axis), packetsOption(series, theme, axis), controlOption(series, theme, axis)], [series, theme, axis]);
  const titles = ['Sessions in outage and active sessions', 'Delivered and lost packets per second', 'Control packets per second by kind'];
  return (
    <section className="section chart-grid" aria-label="Charts">
      {opts.map((o, i) => (
        <figure key={titles[i]}>
          <figcaption>{titles[i]}</figcaption>
          <EChart option={o} label={`Chart: ${titles[i]!.toLowerCase()}`} />
        </figure>
      ))}
    </section>
  );
}

/** The sessions with the longest outage (failed ones first). */
export function WorstSessions({ sessions }: { sessions: SessionOutcome[] }) {
  const worst = useMemo(
    () =>
      [...sessions]
        .filter((s) => s.outages > 0 || s.failed)
        .sort((a, b) => Number(b.failed) - Number(a.failed) || b.outageTotalMs - a.outageTotalMs)
        .slice(0, 15),
    [sessions],
  );
  return (
    <section className="section" aria-label="Worst sessions">
      <h2>Worst sessions</h2>
      {worst.length === 0 ? (
        <p className="empty">No session had an outage.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Traffic</th>
              <th scope="col">Proto</th>
              <th scope="col" className="num">
                Outages
              </th>
              <th scope="col" className="num">
                Outage total
              </th>
              <th scope="col" className="num">
                Longest
              </th>
              <th scope="col">Recovered by</th>
              <th scope="col" className="num">
                Lost
              </th>
            </tr>
          </thead>
          <tbody>
            {worst.map((s) => (
              <tr key={s.id}>
                <td className="num">{s.id}</td>
                <td>
                  {s.traffic}{' '}
                  <span className="muted small">
                    {s.client}:{s.clientPort} → {s.server}
                  </span>
                </td>
                <td>{s.protocol}</td>
                <td className="num">{s.outages}</td>
                <td className="num">{duration(s.outageTotalMs)}</td>
                <td className="num">{duration(s.outageMaxMs)}</td>
                <td>{s.failed ? <span className="badge badge-bad">failed{s.gaveUp ? ' (gave up)' : ''}</span> : (s.recoveredBy ?? '—')}</td>
                <td className="num">{count(s.lost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A fault log in time order (live faults are logged after the scheduled ones); ties keep log order. */
export function inTimeOrder<T extends { atMs: number }>(log: readonly T[]): T[] {
  return log
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.atMs - b.e.atMs || a.i - b.i)
    .map((x) => x.e);
}

/** Faults applied in the run, scheduled and live, in time order. */
export function FaultLog({ faults: log }: { faults: RunDetail['faultLog'] }) {
  const faults = useMemo(() => inTimeOrder(log), [log]);
  return (
    <section className="section" aria-label="Fault log">
      <h2>Faults</h2>
      {faults.length === 0 ? (
        <p className="empty">No faults.</p>
      ) : (
        <ul className="plain-list">
          {faults.map((f, i) => (
            <li key={i}>
              <span className="mono">{clock(f.atMs)}</span> {describeFault(f.fault)} <span className="badge">{f.source}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What every router actually did about recovery, and the authority's settings. */
export function EffectiveSettings({ scenario }: { scenario: Scenario }) {
  const routers = effectiveRecovery(scenario);
  const a = scenario.authority;
  return (
    <section className="section" aria-label="Effective settings">
      <h2>Settings it ran with</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Router</th>
            <th scope="col">Version</th>
            <th scope="col">Recovery detection</th>
          </tr>
        </thead>
        <tbody>
          {routers.map((r) => (
            <tr key={r.id}>
              <td>
                {r.id} <span className="muted small">{r.kind}</span>
              </td>
              <td>{r.softwareVersion}</td>
              <td>
                {describeRecovery(r)}
                {r.isOverridden && <span className="badge">override</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="kv settings-kv">
        <dt>health-check ack timeout</dt>
        <dd>{a.healthCheckAckTimeoutMs} ms</dd>
        <dt>BFD</dt>
        <dd>
          {a.bfd.txIntervalMs} ms × {a.bfd.multiplier}, hold-down {a.bfd.holdDownMs} ms
        </dd>
        <dt>session timeouts</dt>
        <dd>
          TCP {duration(a.sessionTimeouts.tcpMs)} (first reply {duration(a.sessionTimeouts.tcpInitialMs)}), UDP {duration(a.sessionTimeouts.udpMs)}
        </dd>
        <dt>control packets</dt>
        <dd>{count(a.controlPacketsPerSec)}/s per router</dd>
      </dl>
    </section>
  );
}
