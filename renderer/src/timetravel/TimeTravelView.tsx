/**
 * Time travel: the lab as it was at any moment of a paused live run or a stored run. A slider
 * ("Run time") with the run's faults as markers, Step back / Step through events (data-plane
 * ones included, filterable by kind) with each event said in words, and below, the lab at that
 * moment: the canvas with its badges, link states and packets in flight, each router's
 * sessions table, the counters, the event log up to then and the charts with a cursor.
 *
 * The canvas and the log are the live view's own components, given a store of their own
 * (fed with the moment's picture), so the lab view's run and document are never touched.
 */
import { useEffect, useMemo, useState } from 'react';
import { EVENT_CATEGORIES, type EventCategory, type RunDetail, type ScenarioInput } from '../../../engine/index.ts';
import { useApi } from '../api/context.tsx';
import { createLabStore } from '../store/index.ts';
import { StoreProvider, useLab, useLabStore } from '../store/context.tsx';
import type { TravelSource } from '../store/types.ts';
import { LabCanvas } from '../canvas/LabCanvas.tsx';
import { clock, count } from '../live/format.ts';
import { faultLogMarks, type SeriesLike } from '../charts/series-options.ts';
import { useTravel, type TravelTarget } from './useTravel.ts';
import { Scrubber } from './Scrubber.tsx';
import { StepControls } from './StepControls.tsx';
import { EventWords } from './EventWords.tsx';
import { TravelPanels } from './TravelPanels.tsx';
import { TravelCharts } from './TravelCharts.tsx';
import '../live.css';
import './timetravel.css';

/** The end of any run (the host clamps a seek to the run's end). */
const THE_END: TravelTarget = { tUs: 86_400_000_000 };

/** The time-travel view of the run chosen in the store. */
export function TimeTravelView() {
  const travel = useLab((s) => s.travel);
  const closeTravel = useLab((s) => s.closeTravel);
  if (!travel) {
    return (
      <main className="page" aria-label="Time travel">
        <button type="button" onClick={closeTravel}>
          ← Back
        </button>
        <p className="muted">Pause a run, or open a stored run, to travel back in it.</p>
      </main>
    );
  }
  return <TravelOf key={travel.kind === 'run' ? travel.runId : 'live'} source={travel} />;
}

/** The lab, the run's name and its whole series: a stored run's from the host, the live run's from the lab view. */
function useRunBasics(source: TravelSource): { doc: ScenarioInput | null; name: string; series: SeriesLike | null; faultLog: RunDetail['faultLog'] | null; error: string | null } {
  const api = useApi();
  const store = useLabStore();
  // The live run's lab is the document (locked while the run is live), as it was when travel opened.
  const [liveDoc] = useState(() => store.getState().doc);
  const liveSeries = useLab((s) => s.liveSeries);
  const [run, setRun] = useState<RunDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runId = source.kind === 'run' ? source.runId : null;
  useEffect(() => {
    if (runId === null) return;
    let isCurrent = true;
    void api.call('runs:get', { id: runId }).then((r) => {
      if (!isCurrent) return;
      if (r.ok) setRun(r.value);
      else setError(r.error.message);
    });
    return () => {
      isCurrent = false;
    };
  }, [api, runId]);
  if (runId === null) return { doc: liveDoc, name: typeof liveDoc.name === 'string' ? liveDoc.name : 'The live run', series: liveSeries, faultLog: null, error: null };
  // A stored scenario is a valid lab document (the loader filled in its defaults).
  const doc: ScenarioInput | null = run ? run.scenario : null;
  return { doc, name: run ? `${run.scenarioName}${run.label ? ` · ${run.label}` : ''}` : 'Stored run', series: run?.series ?? null, faultLog: run?.faultLog ?? null, error };
}

function TravelOf({ source }: { source: TravelSource }) {
  const store = useLabStore();
  const closeTravel = useLab((s) => s.closeTravel);
  const openTravel = useLab((s) => s.openTravel);
  const liveState = useLab((s) => s.live?.state ?? null);
  const endedRunId = useLab((s) => (s.live?.state === 'ended' ? (s.lastEnded?.runId ?? null) : null));
  const basics = useRunBasics(source);
  const [initial] = useState<TravelTarget>(() => (source.kind === 'live' ? { event: store.getState().live?.events ?? 0 } : THE_END));
  const t = useTravel(source, initial);
  const rerun = useRerunProgress(source, t.isLoading && t.view === null);
  const [shown, setShown] = useState<Set<EventCategory>>(() => new Set(EVENT_CATEGORIES));
  const [scrubMs, setScrubMs] = useState<number | null>(null);
  const [moment] = useState(() => createLabStore());
  const [hasDoc, setHasDoc] = useState(false);

  useEffect(() => {
    if (!basics.doc) return;
    moment.getState().loadDoc(basics.doc, null);
    setHasDoc(true);
  }, [basics.doc, moment]);
  useEffect(() => {
    // Shown as an ended run: the moment's canvas is a picture, not a live run to lock or stop.
    if (t.view && hasDoc) moment.getState().joinLive({ ...t.view.snapshot, state: 'ended' }, []);
  }, [t.view, hasDoc, moment]);
  useEffect(() => {
    if (!t.isLoading) setScrubMs(null);
  }, [t.isLoading]);

  const view = t.view;
  const marks = useMemo(() => faultLogMarks(view?.faults ?? []), [view?.faults]);
  const isAll = shown.size === EVENT_CATEGORIES.length;
  const title = `Time travel · ${basics.name}`;
  const back = source.kind === 'run' ? '← Back to the run' : '← Back to the lab';
  const liveMovedOn = source.kind === 'live' && liveState === 'running';

  return (
    <main className="timetravel" aria-label="Time travel">
      <div className="tt-head">
        <button type="button" onClick={closeTravel}>
          {back}
        </button>
        <h1>{title}</h1>
        <span className="muted tt-status" role="status">
          {status(t.isLoading, view === null, source, rerun)}
        </span>
        {rerun && t.isLoading && view === null && <progress className="tt-rerun" aria-label="Re-running the stored run" max={rerun.endMs} value={rerun.doneMs} />}
      </div>
      {(t.error ?? basics.error) && (
        <div className="tt-error" role="alert">
          {liveMovedOn ? 'The run is running again: pause it to travel back in time.' : (t.error ?? basics.error)}
          {source.kind === 'live' && endedRunId && (
            <button type="button" className="link-button" onClick={() => openTravel({ kind: 'run', runId: endedRunId })}>
              Travel in the stored run instead
            </button>
          )}
        </div>
      )}
      {view && basics.doc && (
        <>
          <div className="tt-bar">
            <StepControls
              shown={shown}
              onShown={setShown}
              canBack={view.snapshot.events > 0}
              canForward={view.snapshot.events < view.extent.endEvents}
              onStep={(d) => t.step(d, isAll ? null : [...shown])}
            />
            <div className="tt-clock mono" role="timer" aria-label="Moment shown" aria-live="off">
              {clock(scrubMs ?? view.snapshot.tMs)} <span className="run-dim">/ {clock(view.extent.endMs)}</span> · event {count(view.snapshot.events)}{' '}
              <span className="run-dim">of {count(view.extent.endEvents)}</span>
            </div>
          </div>
          <Scrubber
            tMs={scrubMs ?? view.snapshot.tMs}
            endMs={view.extent.endMs}
            events={view.snapshot.events}
            doc={basics.doc}
            faults={view.faults}
            onTime={(ms) => {
              setScrubMs(ms);
              t.go({ tUs: Math.round(ms * 1000) });
            }}
            onFault={(index) => t.go({ fault: index })}
          />
          <EventWords view={view} />
        </>
      )}
      {rerun && t.isLoading && view === null && basics.series && <Rebuilding progress={rerun} series={basics.series} faultLog={basics.faultLog} />}
      {hasDoc && view && (
        <StoreProvider store={moment}>
          <div className="tt-body">
            <section className="tt-canvas canvas" aria-label="The lab at this moment">
              <LabCanvas />
            </section>
            <section className="tt-panels" aria-label="Panels at this moment">
              <TravelPanels view={view} charts={{ series: basics.series ?? view.snapshot.series, marks, endMs: Math.ceil(view.extent.endMs / 1000) * 1000 }} />
            </section>
          </div>
        </StoreProvider>
      )}
    </main>
  );
}

/** How far a re-run has got, and how long it has left at its pace so far. */
interface RerunProgress {
  doneMs: number;
  endMs: number;
  /** Seconds left at the pace so far (null until there is a pace to go by). */
  leftSec: number | null;
}

/** How far the host has got re-running the stored run `source` before its first seek (null: not heard). */
function useRerunProgress(source: TravelSource, waiting: boolean): RerunProgress | null {
  const api = useApi();
  const [p, setP] = useState<RerunProgress | null>(null);
  const runId = source.kind === 'run' ? source.runId : null;
  useEffect(() => {
    if (runId === null || !waiting) return;
    setP(null);
    let first: { at: number; doneMs: number } | null = null;
    return api.on('runs:seek-progress', (e) => {
      if (e.runId !== runId) return;
      const now = performance.now();
      first ??= { at: now, doneMs: e.doneMs };
      const rate = (e.doneMs - first.doneMs) / (now - first.at); // virtual ms per wall ms
      const leftSec = now - first.at >= 1000 && rate > 0 ? (e.endMs - e.doneMs) / rate / 1000 : null;
      setP({ doneMs: e.doneMs, endMs: e.endMs, leftSec });
    });
  }, [api, runId, waiting]);
  return waiting ? p : null;
}

/**
 * While a stored run is re-run for its first moment: what is going on, and the run's stored
 * charts with a cursor that follows the re-run, so the wait shows the run rather than nothing.
 */
function Rebuilding({ progress, series, faultLog }: { progress: RerunProgress; series: SeriesLike; faultLog: RunDetail['faultLog'] | null }) {
  const marks = useMemo(() => faultLogMarks(faultLog ?? []), [faultLog]);
  const endMs = Math.ceil(progress.endMs / 1000) * 1000;
  const pct = progress.endMs > 0 ? Math.floor((100 * progress.doneMs) / progress.endMs) : 0;
  return (
    <section className="tt-rebuilding" aria-label="Re-running the stored run">
      <div className="tt-rebuilding-note">
        <h2>
          Rebuilding this run's moments · {pct}%{progress.leftSec !== null ? ` · about ${Math.max(1, Math.round(progress.leftSec))} s left` : ''}
        </h2>
        <p className="muted">
          A stored run keeps its lab, seed and fault log, not every moment. The lab runs it again from those, event for event (the same fingerprint), and then opens it at its end; every moment after
          that opens in well under a second. Below: the run's charts as stored, the cursor at where the re-run has got.
        </p>
      </div>
      <TravelCharts series={series} marks={marks} endMs={endMs} tMs={progress.doneMs} />
    </section>
  );
}

/** What the view is waiting for, in words ('' when it waits for nothing). */
function status(isLoading: boolean, isFirst: boolean, source: TravelSource, rerun: RerunProgress | null = null): string {
  if (!isLoading) return '';
  if (isFirst && source.kind === 'run' && rerun) return `Re-running the stored run to travel in it: ${clock(rerun.doneMs)} of ${clock(rerun.endMs)}…`;
  // The run that just ended is travelled from the copies it kept; an older one is re-run first.
  if (isFirst && source.kind === 'run') return 'Opening the run to travel in it (an older stored run is re-run first: a big one takes a while)…';
  return 'Going there…';
}
