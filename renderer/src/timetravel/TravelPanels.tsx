/**
 * The panels of the moment shown: each router's sessions table then, the counters then, the
 * event log up to then and the charts with a cursor. Rendered inside the time-travel store,
 * so the Events tab is the live view's own log component showing the past.
 */
import type { SeekView } from '../../../engine/index.ts';
import { useLab } from '../store/context.tsx';
import { EventLog } from '../live/EventLog.tsx';
import { FlowTable } from '../live/SessionsTable.tsx';
import { CountersPanel, PanelTabs, RouterPicker, RunFigures, useRouterPick } from '../live/PanelParts.tsx';
import { count } from '../live/format.ts';
import type { ChartMark, SeriesLike } from '../charts/series-options.ts';
import { TravelCharts } from './TravelCharts.tsx';

const TABS = ['Sessions', 'Counters', 'Events', 'Charts'] as const;

/** What the Charts tab draws. */
export interface ChartInput {
  series: SeriesLike;
  marks: readonly ChartMark[];
  endMs: number;
}

/** The tabs under the canvas. */
export function TravelPanels({ view, charts }: { view: SeekView; charts: ChartInput }) {
  return (
    <PanelTabs
      tabs={TABS}
      initial="Sessions"
      label="The moment shown"
      idPrefix="tt"
      bar={<RunFigures sessions={view.snapshot.sessions} packets={view.snapshot.packets} label="Run summary at this moment" />}
    >
      {(tab) => (
        <>
          {tab === 'Sessions' && <TravelSessions view={view} />}
          {tab === 'Counters' && <TravelCounters />}
          {tab === 'Events' && <EventLog />}
          {tab === 'Charts' && <TravelCharts series={charts.series} marks={charts.marks} endMs={charts.endMs} tMs={view.snapshot.tMs} />}
        </>
      )}
    </PanelTabs>
  );
}

function TravelSessions({ view }: { view: SeekView }) {
  const routers = Object.keys(view.sessions);
  const [router, pick] = useRouterPick(routers);
  const rows = view.sessions[router] ?? [];
  const sessions = new Set(rows.map((r) => r.session)).size;
  const onRouter = view.snapshot.routers[router]?.sessions ?? sessions;
  if (routers.length === 0) return <p className="empty">This lab has no routers.</p>;
  return (
    <div className="sessions">
      <div className="panel-toolbar">
        <RouterPicker routers={routers} router={router} onPick={pick} />
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
  return (
    <CountersPanel
      counters={counters}
      note={
        <>
          Every router's counters at this moment, as <code>show stats</code> prints them.
        </>
      }
    />
  );
}
