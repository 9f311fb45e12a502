/**
 * The bottom panel of the lab view: Events, Sessions, Counters and Charts of the live run, and
 * fault injection on the canvas selection. Tabs follow the WAI-ARIA tabs pattern (arrow keys
 * move between them); only the open tab's panel is mounted, so hidden tabs cost nothing.
 */
import { useLab } from '../store/context.tsx';
import { EventLog } from './EventLog.tsx';
import { SessionsTable } from './SessionsTable.tsx';
import { LiveCharts } from './LiveCharts.tsx';
import { InjectFault } from './InjectFault.tsx';
import { RunOwnership } from './RunOwnership.tsx';
import { ObjectivesPanel } from '../objectives/ObjectivesPanel.tsx';
import { CountersPanel, PanelTabs, RunFigures } from './PanelParts.tsx';
import '../live.css';

const TABS = ['Events', 'Sessions', 'Counters', 'Charts', 'Objectives'] as const;

/** The live panels. */
export function LivePanels() {
  return (
    <PanelTabs
      tabs={TABS}
      initial="Events"
      label="Live run"
      idPrefix="live"
      above={<RunOwnership />}
      bar={
        <>
          <LiveSummary />
          <InjectFault />
        </>
      }
    >
      {(tab) => (
        <>
          {tab === 'Events' && <EventLog />}
          {tab === 'Sessions' && <SessionsTable />}
          {tab === 'Counters' && <LiveCounters />}
          {tab === 'Charts' && <LiveCharts />}
          {tab === 'Objectives' && <ObjectivesPanel />}
        </>
      )}
    </PanelTabs>
  );
}

/** The run's headline numbers, always in view whichever tab is open. */
function LiveSummary() {
  const s = useLab((st) => st.live?.sessions);
  const p = useLab((st) => st.live?.packets);
  if (!s || !p) return <div className="live-summary" />;
  return <RunFigures sessions={s} packets={p} label="Run summary" />;
}

function LiveCounters() {
  const counters = useLab((s) => s.liveCounters);
  const changedAt = useLab((s) => s.counterChangedAt);
  return (
    <CountersPanel
      counters={counters}
      changedAt={changedAt}
      note={
        <>
          Paths as the router's <code>show stats</code> prints them; <code>emulator</code> counters are the emulator's own.
        </>
      }
    />
  );
}
