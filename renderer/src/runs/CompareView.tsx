/**
 * Two or more stored runs side by side (the runs ticked in History; the first is the baseline):
 * KPIs with deltas, the settings that differ, the series overlaid, and where each run first
 * diverged from the baseline.
 */
import { useEffect, useMemo, useState } from 'react';
import { RUN_DASHES, type Comparison, type Divergence } from '../../../engine/index.ts';
import { useApi } from '../api/context.tsx';
import { useLab, useLabStore } from '../store/context.tsx';
import { EChart } from '../charts/EChart.tsx';
import { useChartTheme, type ChartTheme } from '../charts/useChartTheme.ts';
import { overlayOption, themedRunColor } from '../charts/series-options.ts';
import { clock } from '../live/format.ts';
import { exportRuns } from './download.ts';
import { KpiTable, rowDiffers } from './KpiTable.tsx';
import '../live.css';

/** The first divergence of run `i` from the baseline (the host attaches it by run id). */
export function divergenceOf(c: Comparison, i: number): Divergence | null {
  const run = c.runs[i];
  return (run && c.divergence?.[run.id]) ?? null;
}

function settingValue(v: unknown): string {
  if (v === undefined) return '(not set)';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The Compare view. */
export function CompareView() {
  const api = useApi();
  const store = useLabStore();
  const ids = useLab((s) => s.compareIds);
  const setView = useLab((s) => s.setView);
  const [answer, setAnswer] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyDiffering, setOnlyDiffering] = useState(true);
  const key = ids.join(',');

  useEffect(() => {
    if (ids.length < 2) return;
    let isCurrent = true;
    setAnswer(null);
    setError(null);
    void api.call('runs:compare', { ids }).then((r) => {
      if (!isCurrent) return;
      if (r.ok) setAnswer(r.value);
      else setError(r.error.message);
    });
    return () => {
      isCurrent = false;
    };
    // `key` stands for the ids' contents (a new array with the same ids needs no reload).
  }, [api, key]);

  if (ids.length < 2) {
    return (
      <main className="page" aria-label="Compare">
        <h1>Compare</h1>
        <p className="empty">
          Tick two or more runs in History to compare them.{' '}
          <button type="button" className="link-button" onClick={() => setView('history')}>
            Open History
          </button>
        </p>
      </main>
    );
  }
  const c = answer;
  return (
    <main className="page" aria-label="Compare">
      <div className="page-head">
        <h1>Compare {ids.length} runs</h1>
        <span className="spacer" />
        <button type="button" className="run-primary" disabled={!c} onClick={() => void exportRuns(api, store, ids, 'html')}>
          Export report
        </button>
      </div>
      {error && <p className="error-text">Could not compare: {error}</p>}
      {!c ? (
        !error && <p className="muted">Comparing…</p>
      ) : (
        <>
          <RunsHeader c={c} />
          {/* What differs in the input first: it explains the KPI deltas below it. */}
          {/* One above the other: side by side, a wide settings table ran over the divergence text. */}
          <SettingsDiff c={c} />
          <Divergences c={c} />
          <section className="section">
            <div className="section-head">
              <h2>KPIs</h2>
              <label className="check">
                <input type="checkbox" checked={onlyDiffering} onChange={(e) => setOnlyDiffering(e.target.checked)} />
                Only rows that differ
              </label>
            </div>
            <KpiTable runs={c.runs} rows={onlyDiffering ? c.kpis.filter(rowDiffers) : c.kpis} />
          </section>
          <Overlays c={c} />
        </>
      )}
    </main>
  );
}

function RunSwatch({ i, theme }: { i: number; theme: ChartTheme }) {
  const dash = RUN_DASHES[i % RUN_DASHES.length];
  return <span className="run-swatch" aria-hidden="true" style={{ borderTopColor: themedRunColor(i, theme), borderTopStyle: dash }} />;
}

function RunsHeader({ c }: { c: Comparison }) {
  const theme = useChartTheme();
  return (
    <section className="section" aria-label="Runs compared">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Scenario</th>
            <th scope="col">Recovery</th>
            <th scope="col" className="num">
              Seed
            </th>
            <th scope="col" className="num">
              Faults
            </th>
            <th scope="col">Fingerprint</th>
          </tr>
        </thead>
        <tbody>
          {c.runs.map((r, i) => (
            <tr key={r.id}>
              <td>
                <RunSwatch i={i} theme={theme} />
                {r.label} {i === 0 && <span className="badge">baseline</span>}
              </td>
              <td>{r.scenarioName}</td>
              <td>{r.recovery}</td>
              <td className="num">{r.seed}</td>
              <td className="num">
                {r.faults}
                {r.liveFaults > 0 ? ` (${r.liveFaults} live)` : ''}
              </td>
              <td className="mono small">{r.fingerprint.slice(0, 16)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SettingsDiff({ c }: { c: Comparison }) {
  return (
    <section className="section" aria-label="Settings that differ">
      <h2>Settings that differ</h2>
      {c.settings.length === 0 ? (
        <p className="empty">The runs ran the same settings.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table settings-diff">
            <thead>
              <tr>
                <th scope="col">Setting</th>
                {c.runs.map((r) => (
                  <th key={r.id} scope="col">
                    {r.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.settings.map((d) => (
                <tr key={d.path}>
                  <th scope="row" className="mono">
                    {d.path}
                  </th>
                  {d.values.map((v, i) => (
                    <td key={i} className="mono">
                      {settingValue(v)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Divergences({ c }: { c: Comparison }) {
  const runs = c.runs;
  return (
    <section className="section" aria-label="First divergence">
      <h2>First divergence from the baseline</h2>
      <ul className="plain-list">
        {runs.slice(1).map((r, k) => {
          const d = divergenceOf(c, k + 1);
          return (
            <li key={r.id}>
              <strong>{r.label}</strong>:{' '}
              {!d ? (
                <span className="muted">not computed</span>
              ) : d.kind === 'identical' ? (
                `identical to the baseline (${d.events} events)`
              ) : d.kind === 'different-topology' ? (
                `not comparable event by event: ${d.reason}`
              ) : (
                <span>
                  at <span className="mono">{clock(d.tMs)}</span> (event {d.eventIndex}): baseline{' '}
                  {d.a ? `${d.a.kind} on ${d.a.node}${d.a.action ? ` (${d.a.action})` : ''}` : 'nothing (the run had ended)'}, this run{' '}
                  {d.b ? `${d.b.kind} on ${d.b.node}${d.b.action ? ` (${d.b.action})` : ''}` : 'nothing (the run had ended)'}; last common checkpoint{' '}
                  {d.lastCommonCheckpointMs < 0 ? 'none (they differ from the first second)' : <span className="mono">{clock(d.lastCommonCheckpointMs)}</span>}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Overlays({ c }: { c: Comparison }) {
  const theme = useChartTheme();
  // Metrics that are zero in every run say nothing; leave them out.
  const metrics = useMemo(() => c.series.metrics.filter((m) => m.values.some((line) => line.some((v) => v !== null && v !== 0))), [c]);
  const options = useMemo(() => {
    const labels = c.runs.map((r) => r.label);
    return metrics.map((m) => overlayOption(c.series.tMs, m, labels, theme));
  }, [metrics, c, theme]);
  return (
    <section className="section" aria-label="Time series">
      <h2>Time series</h2>
      <div className="chart-grid chart-grid-2">
        {metrics.map((m, i) => (
          <figure key={m.key}>
            <figcaption>{m.label}</figcaption>
            <EChart option={options[i]!} label={`Chart: ${m.label}, one line per run`} />
          </figure>
        ))}
      </div>
    </section>
  );
}
