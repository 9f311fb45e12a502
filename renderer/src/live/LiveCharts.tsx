/** The Charts tab: the live run's series, with the scenario's scheduled faults marked. */
import { useMemo } from 'react';
import { useLab } from '../store/context.tsx';
import { EChart } from '../charts/EChart.tsx';
import { useChartTheme } from '../charts/useChartTheme.ts';
import { controlOption, packetsOption, sessionsOption, type ChartMark } from '../charts/series-options.ts';
import type { ScenarioInput } from '../../../engine/index.ts';

/** Marks for the faults a scenario schedules (what is injected live shows in the event log). */
export function faultMarks(doc: ScenarioInput): ChartMark[] {
  const faults = Array.isArray(doc.faults) ? doc.faults : [];
  return faults.filter((f) => typeof f.atMs === 'number').map((f) => ({ tMs: f.atMs, label: f.type }));
}

/** The live charts. */
export function LiveCharts() {
  const series = useLab((s) => s.liveSeries);
  const doc = useLab((s) => s.doc);
  const theme = useChartTheme();
  const durationMs = useLab((s) => s.live?.durationMs);
  const axis = useMemo(() => ({ marks: faultMarks(doc), ...(durationMs ? { endMs: durationMs } : {}) }), [doc, durationMs]);
  const sessions = useMemo(() => sessionsOption(series, theme, axis), [series, theme, axis]);
  const packets = useMemo(() => packetsOption(series, theme, axis), [series, theme, axis]);
  const control = useMemo(() => controlOption(series, theme, axis), [series, theme, axis]);
  if (series.tMs.length === 0) return <p className="empty">No samples yet. The charts fill in as the run goes (one sample every 100 ms of virtual time).</p>;
  return (
    <div className="chart-grid">
      <figure>
        <figcaption>Sessions in outage and active sessions</figcaption>
        <EChart option={sessions} label="Chart: sessions in outage and active sessions" />
      </figure>
      <figure>
        <figcaption>Delivered and lost packets per second</figcaption>
        <EChart option={packets} label="Chart: delivered and lost packets per second" />
      </figure>
      <figure>
        <figcaption>Control packets per second by kind</figcaption>
        <EChart option={control} label="Chart: control packets per second by kind" />
      </figure>
    </div>
  );
}
