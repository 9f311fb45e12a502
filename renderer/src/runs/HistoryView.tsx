/**
 * Every stored run: filter, tick runs to compare, open one to see its results. The list is
 * fetched when the view opens and again whenever the host says it changed (a run ended, one was
 * deleted), so it is never stale while in view.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RunRow } from '../../../engine/index.ts';
import { useApi } from '../api/context.tsx';
import { useLab, useLabStore } from '../store/context.tsx';
import type { RunsFilter } from '../store/types.ts';
import { count, dateTime, duration } from '../live/format.ts';
import { RunView } from './RunView.tsx';
import '../live.css';

const STATUSES: RunRow['status'][] = ['completed', 'stopped', 'running', 'failed', 'interrupted'];

/** Whether a run passes History's filters. */
export function matchesFilter(r: RunRow, f: RunsFilter): boolean {
  if (f.status && r.status !== f.status) return false;
  const q = f.text.trim().toLowerCase();
  return q === '' || [r.scenarioName, r.label ?? '', r.id, r.fingerprint ?? ''].some((x) => x.toLowerCase().includes(q));
}

/** Fetches the run list into the store now and whenever it changes. */
function useRunList(): { isLoading: boolean; error: string | null } {
  const api = useApi();
  const store = useLabStore();
  const [state, setState] = useState<{ isLoading: boolean; error: string | null }>({ isLoading: true, error: null });
  const load = useCallback(async () => {
    const r = await api.call('runs:list', { limit: 1000 });
    if (r.ok) store.getState().setRuns(r.value);
    setState({ isLoading: false, error: r.ok ? null : r.error.message });
  }, [api, store]);
  useEffect(() => {
    void load();
    return api.on('runs:changed', () => void load());
  }, [api, load]);
  return state;
}

/** The History view. */
export function HistoryView() {
  const openRunId = useLab((s) => s.openRunId);
  const { isLoading, error } = useRunList();
  if (openRunId) return <RunView id={openRunId} />;
  return <RunList isLoading={isLoading} error={error} />;
}

function RunList({ isLoading, error }: { isLoading: boolean; error: string | null }) {
  const runs = useLab((s) => s.runs);
  const filter = useLab((s) => s.runsFilter);
  const setFilter = useLab((s) => s.setRunsFilter);
  const compareIds = useLab((s) => s.compareIds);
  const toggle = useLab((s) => s.toggleCompare);
  const openRun = useLab((s) => s.openRun);
  const setView = useLab((s) => s.setView);
  const shown = useMemo(() => runs.filter((r) => matchesFilter(r, filter)), [runs, filter]);

  return (
    <main className="page" aria-label="History">
      <div className="page-head">
        <h1>History</h1>
        <span className="muted">Every run is kept with its scenario, seed, results and fingerprint.</span>
      </div>
      <div className="panel-toolbar">
        <label className="field">
          <span>Scenario</span>
          <input type="search" value={filter.text} placeholder="name, label, run id or fingerprint" onChange={(e) => setFilter({ text: e.target.value })} />
        </label>
        <label className="field">
          <span>Status</span>
          <select value={filter.status} onChange={(e) => setFilter({ status: e.target.value })}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <span className="muted">{compareIds.length === 0 ? 'Tick two or more runs to compare them' : `${compareIds.length} ticked (the first is the baseline)`}</span>
        <button type="button" className="run-primary" disabled={compareIds.length < 2} onClick={() => setView('compare')}>
          Compare
        </button>
      </div>
      {error && <p className="error-text">Could not list runs: {error}</p>}
      <div className="table-scroll">
        <table className="data-table runs-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">Compare</span>
              </th>
              <th scope="col">Run</th>
              <th scope="col">Started</th>
              <th scope="col" className="num">
                Seed
              </th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Affected
              </th>
              <th scope="col" className="num">
                Recovered
              </th>
              <th scope="col" className="num">
                Failed
              </th>
              <th scope="col" className="num">
                Outage p95
              </th>
              <th scope="col">Fingerprint</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const order = compareIds.indexOf(r.id);
              return (
                <tr key={r.id} className={order >= 0 ? 'is-ticked' : undefined}>
                  <td>
                    <input type="checkbox" checked={order >= 0} aria-label={`Compare ${r.label ?? r.scenarioName} (${dateTime(r.startedAt)})`} onChange={() => toggle(r.id)} />
                    {order === 0 && (
                      <span className="badge" title="Baseline of the comparison">
                        base
                      </span>
                    )}
                  </td>
                  <td>
                    <button type="button" className="link-button run-name" onClick={() => openRun(r.id)}>
                      {r.scenarioName}
                    </button>
                    {r.label && <div className="muted small">{r.label}</div>}
                  </td>
                  <td className="nowrap">{dateTime(r.startedAt)}</td>
                  <td className="num">{r.seed}</td>
                  <td>
                    <span className={`badge status-${r.status}`}>{r.status}</span>
                  </td>
                  <td className="num">{r.sessions ? count(r.sessions.affected) : '—'}</td>
                  <td className="num">{r.sessions ? count(r.sessions.recovered) : '—'}</td>
                  <td className={`num${r.sessions && r.sessions.failed > 0 ? ' bad' : ''}`}>{r.sessions ? count(r.sessions.failed) : '—'}</td>
                  <td className="num">{r.outageP95Ms === null ? '—' : duration(r.outageP95Ms)}</td>
                  <td className="mono small">{r.fingerprint ? r.fingerprint.slice(0, 12) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!isLoading && shown.length === 0 && <p className="empty">{runs.length === 0 ? 'No runs yet. Every run of the lab is kept here.' : 'No run matches the filter.'}</p>}
      </div>
    </main>
  );
}
