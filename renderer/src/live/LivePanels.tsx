/**
 * The bottom panel of the lab view: Events, Sessions, Counters and Charts of the live run, and
 * fault injection on the canvas selection. Tabs follow the WAI-ARIA tabs pattern (arrow keys
 * move between them); only the open tab's panel is mounted, so hidden tabs cost nothing.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useLab } from '../store/context.tsx';
import { EventLog } from './EventLog.tsx';
import { SessionsTable } from './SessionsTable.tsx';
import { CountersTable } from './CountersTable.tsx';
import { LiveCharts } from './LiveCharts.tsx';
import { InjectFault } from './InjectFault.tsx';
import { RunOwnership } from './RunOwnership.tsx';
import { ObjectivesPanel } from '../objectives/ObjectivesPanel.tsx';
import { count } from './format.ts';
import '../live.css';

const TABS = ['Events', 'Sessions', 'Counters', 'Charts', 'Objectives'] as const;
type Tab = (typeof TABS)[number];

/** The live panels. */
export function LivePanels() {
  const [tab, setTab] = useState<Tab>('Events');
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
      <RunOwnership />
      <div className="live-tabbar">
        <div role="tablist" aria-label="Live run" className="tabs" onKeyDown={onKey}>
          {TABS.map((t) => (
            <button
              key={t}
              ref={(el) => {
                refs.current[t] = el;
              }}
              type="button"
              role="tab"
              id={`live-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`live-panel-${t}`}
              tabIndex={tab === t ? 0 : -1}
              className="tab"
              onClick={() => setTab(t)}
            >
              {t}
            </button>
          ))}
        </div>
        <LiveSummary />
        <InjectFault />
      </div>
      <div role="tabpanel" id={`live-panel-${tab}`} aria-labelledby={`live-tab-${tab}`} className="live-panel">
        {tab === 'Events' && <EventLog />}
        {tab === 'Sessions' && <SessionsTable />}
        {tab === 'Counters' && <LiveCounters />}
        {tab === 'Charts' && <LiveCharts />}
        {tab === 'Objectives' && <ObjectivesPanel />}
      </div>
    </div>
  );
}

/** The run's headline numbers, always in view whichever tab is open. */
function LiveSummary() {
  const s = useLab((st) => st.live?.sessions);
  const p = useLab((st) => st.live?.packets);
  if (!s || !p) return <div className="live-summary" />;
  return (
    <div className="live-summary" aria-label="Run summary">
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

function LiveCounters() {
  const counters = useLab((s) => s.liveCounters);
  const changedAt = useLab((s) => s.counterChangedAt);
  const [hideZeros, setHideZeros] = useState(true);
  return (
    <div className="counters">
      <div className="panel-toolbar">
        <label className="check">
          <input type="checkbox" checked={hideZeros} onChange={(e) => setHideZeros(e.target.checked)} />
          Hide zeros
        </label>
        <span className="muted">
          Paths as the router's <code>show stats</code> prints them; <code>emulator</code> counters are the emulator's own.
        </span>
      </div>
      <CountersTable counters={counters} changedAt={changedAt} hideZeros={hideZeros} />
    </div>
  );
}
