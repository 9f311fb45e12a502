/**
 * The panels of the moment shown: each router's sessions table then, the counters then, the
 * event log up to then and the charts with a cursor. Rendered inside the time-travel store,
 * so the Events tab is the live view's own log component showing the past.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { SeekView } from '../../../engine/index.ts';
import { useLab } from '../store/context.tsx';
import { EventLog } from '../live/EventLog.tsx';
import { CountersTable } from '../live/CountersTable.tsx';
import { FlowTable } from '../live/SessionsTable.tsx';
import { count } from '../live/format.ts';
import type { ChartMark, SeriesLike } from '../charts/series-options.ts';
import { TravelCharts } from './TravelCharts.tsx';

const TABS = ['Sessions', 'Counters', 'Events', 'Charts'] as const;
type Tab = (typeof TABS)[number];

/** What the Charts tab draws. */
export interface ChartInput {
  series: SeriesLike;
  marks: readonly ChartMark[];
  endMs: number;
}

/** The tabs under the canvas. */
export function TravelPanels({ view, charts }: { view: SeekView; charts: ChartInput }) {
  const [tab, setTab] = useState<Tab>('Sessions');
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : undefined;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="live-panels">
      <div className="live-tabbar">
        <div role="tablist" aria-label="The moment shown" className="tabs" onKeyDown={onKey}>
          {TABS.map((t) => (
            <button
              key={t}
              ref={(el) => {
                refs.current[t] = el;
              }}
              type="button"
              role="tab"
              id={`tt-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`tt-panel-${t}`}
              tabIndex={tab === t ? 0 : -1}
              className="tab"
              onClick={() => setTab(t)}
            >
              {t}
            </button>
          ))}
        </div>
        <MomentSummary view={view} />
      </div>
      <div role="tabpanel" id={`tt-panel-${tab}`} aria-labelledby={`tt-tab-${tab}`} className="live-panel">
        {tab === 'Sessions' && <TravelSessions view={view} />}
        {tab === 'Counters' && <TravelCounters />}
        {tab === 'Events' && <EventLog />}
        {tab === 'Charts' && <TravelCharts series={charts.series} marks={charts.marks} endMs={charts.endMs} tMs={view.snapshot.tMs} />}
      </div>
    </div>
  );
}

/** The run's headline numbers at the moment. */
function MomentSummary({ view }: { view: SeekView }) {
  const s = view.snapshot.sessions;
  const p = view.snapshot.packets;
  return (
    <div className="live-summary" aria-label="Run summary at this moment">
      <span>
        <b>{count(s.active)}</b> active
      </span>
      <span className={s.inOutage > 0 ? 'bad' : undefined}>
        <b>{count(s.inOutage)}</b> in outage
      </span>
      <span>
        <b>{count(s.affected)}</b> affected
      </span>
      <span className={s.failed > 0 ? 'bad' : undefined}>
        <b>{count(s.failed)}</b> failed
      </span>
      <span>
        <b>{count(p.lost)}</b> / {count(p.sent)} packets lost
      </span>
    </div>
  );
}

function TravelSessions({ view }: { view: SeekView }) {
  const routers = Object.keys(view.sessions);
  const [picked, setPicked] = useState('');
  const router = routers.includes(picked) ? picked : (routers[0] ?? '');
  const rows = view.sessions[router] ?? [];
  const sessions = new Set(rows.map((r) => r.session)).size;
  const onRouter = view.snapshot.routers[router]?.sessions ?? sessions;
  if (routers.length === 0) return <p className="empty">This lab has no routers.</p>;
  return (
    <div className="sessions">
      <div className="panel-toolbar">
        <label className="field">
          <span>Router</span>
          <select value={router} onChange={(e) => setPicked(e.target.value)}>
            {routers.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" aria-live="polite">
          {router} then: {count(onRouter)} sessions, {count(rows.length)} flows{onRouter > sessions ? ` (first ${count(sessions)} shown)` : ''}
        </span>
      </div>
      <div className="table-scroll">
        <FlowTable rows={rows} />
        {rows.length === 0 && <p className="empty">No sessions on {router} at this moment.</p>}
      </div>
    </div>
  );
}

function TravelCounters() {
  const counters = useLab((s) => s.liveCounters);
  const [hideZeros, setHideZeros] = useState(true);
  return (
    <div className="counters">
      <div className="panel-toolbar">
        <label className="check">
          <input type="checkbox" checked={hideZeros} onChange={(e) => setHideZeros(e.target.checked)} />
          Hide zeros
        </label>
        <span className="muted">Every router's counters at this moment, as <code>show stats</code> prints them.</span>
      </div>
      <CountersTable counters={counters} hideZeros={hideZeros} />
    </div>
  );
}
