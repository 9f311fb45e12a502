/**
 * One stored run's results: headline KPIs, its charts, counters as `show stats`, the worst
 * sessions, the fault log and the settings it ran with; exports and delete.
 */
import { StoredEvents } from './StoredEvents.tsx';
import { RunSessions } from './RunSessions.tsx';
import { useEffect, useState } from 'react';
import type { RunDetail, SessionOutcome } from '../../../engine/index.ts';
import { useApi } from '../api/context.tsx';
import { useLab, useLabStore } from '../store/context.tsx';
import { CountersTable } from '../live/CountersTable.tsx';
import { count, dateTime, duration } from '../live/format.ts';
import { exportRuns } from './download.ts';
import { RunKpis, RunCharts, WorstSessions, FaultLog, EffectiveSettings } from './RunSections.tsx';

/** The results of run `id`. */
export function RunView({ id }: { id: string }) {
  const api = useApi();
  const store = useLabStore();
  const openRun = useLab((s) => s.openRun);
  const openTravel = useLab((s) => s.openTravel);
  const [run, setRun] = useState<RunDetail | null>(null);
  const [sessions, setSessions] = useState<SessionOutcome[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [hideZeros, setHideZeros] = useState(true);
  const [isConfirming, setConfirming] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    setRun(null);
    void api.call('runs:get', { id }).then((r) => {
      if (!isCurrent) return;
      if (r.ok) setRun(r.value);
      else setError(r.error.message);
    });
    void api.call('runs:sessions', { id, limit: 5000 }).then((r) => isCurrent && r.ok && setSessions(r.value));
    return () => {
      isCurrent = false;
    };
  }, [api, id]);

  const remove = async () => {
    const r = await api.call('runs:delete', { id });
    const s = store.getState();
    if (!r.ok) return s.notify('error', `Could not delete the run: ${r.error.message}`);
    s.notify('info', 'Run deleted');
    s.setRuns(s.runs.filter((x) => x.id !== id));
    openRun(null);
  };

  const back = (
    <button type="button" onClick={() => openRun(null)}>
      ← All runs
    </button>
  );
  if (error) {
    return (
      <main className="page" aria-label="Run">
        {back}
        <p className="error-text">Could not open the run: {error}</p>
      </main>
    );
  }
  if (!run) {
    return (
      <main className="page" aria-label="Run">
        {back}
        <p className="muted">Loading…</p>
      </main>
    );
  }
  return (
    <main className="page" aria-label={`Run ${run.scenarioName}`}>
      <div className="page-head">
        {back}
        <h1>{run.scenarioName}</h1>
        {run.label && <span className="muted">{run.label}</span>}
        <span className={`badge status-${run.status}`}>{run.status}</span>
      </div>
      <p className="run-meta">
        Started {dateTime(run.startedAt)} · seed {run.seed} · {duration(run.durationMs)} of virtual time
        {run.wallMs !== null ? ` in ${duration(run.wallMs)}` : ''} · {count(run.summary?.events ?? 0)} events · engine {run.engineVersion} · fingerprint <code>{run.fingerprint ?? '—'}</code>
      </p>
      <div className="panel-toolbar">
        <button type="button" className="run-primary" onClick={() => void exportRuns(api, store, [id], 'html')}>
          Export report
        </button>
        <button type="button" onClick={() => void exportRuns(api, store, [id], 'csv-sessions')}>
          Sessions CSV
        </button>
        <button type="button" onClick={() => void exportRuns(api, store, [id], 'csv-counters')}>
          Counters CSV
        </button>
        <button type="button" onClick={() => void exportRuns(api, store, [id], 'csv-series')}>
          Series CSV
        </button>
        <button
          type="button"
          disabled={run.status !== 'completed' && run.status !== 'stopped'}
          onClick={() => openTravel({ kind: 'run', runId: id })}
          title="Go back to any moment of the run: the lab, its sessions and events as they were then"
        >
          Time travel
        </button>
        <span className="spacer" />
        {isConfirming ? (
          <span className="confirm" role="group" aria-label="Confirm delete">
            Delete this run and its results?
            <button type="button" className="danger" onClick={() => void remove()}>
              Delete run
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </div>
      {run.summary ? <RunKpis summary={run.summary} /> : <p className="muted">This run has no results ({run.status}).</p>}
      {run.series && <RunCharts series={run.series} faultLog={run.faultLog} durationMs={run.durationMs} />}
      <section className="section">
        <div className="section-head">
          <h2>Counters</h2>
          <label className="check">
            <input type="checkbox" checked={hideZeros} onChange={(e) => setHideZeros(e.target.checked)} />
            Hide zeros
          </label>
        </div>
        <CountersTable counters={run.summary?.counters ?? {}} hideZeros={hideZeros} />
      </section>
      <RunSessions sessions={sessions} durationMs={run.durationMs} />
      <StoredEvents id={run.id} routers={run.scenario.nodes.filter((n) => n.kind === 'spoke' || n.kind === 'hub').map((n) => n.id)} />
      <div className="two-col">
        <WorstSessions sessions={sessions} />
        <div>
          <FaultLog faults={run.faultLog} />
          <EffectiveSettings scenario={run.scenario} />
        </div>
      </div>
    </main>
  );
}
