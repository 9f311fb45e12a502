/** The Charts tab: the live run's series, with the faults the scenario schedules and those injected live marked. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLab } from '../store/context.tsx';
import { EChart } from '../charts/EChart.tsx';
import { useChartTheme } from '../charts/useChartTheme.ts';
import { controlOption, faultLogMarks, packetsOption, sessionsOption, type ChartMark } from '../charts/series-options.ts';
import type { LiveSnapshot, ScenarioInput } from '../../../engine/index.ts';

/** Marks for the faults the scenario schedules and for those injected live so far (they come with the snapshots). */
export function liveChartMarks(doc: ScenarioInput, injected: LiveSnapshot['injected']): ChartMark[] {
  const faults = Array.isArray(doc.faults) ? doc.faults : [];
  const scheduled = faults.filter((f) => typeof f.atMs === 'number').map((f) => ({ tMs: f.atMs, label: f.type }));
  return [...scheduled, ...faultLogMarks(injected)];
}

/** The live charts, the faults scheduled and those injected so far marked. */
export function LiveCharts() {
  const series = useLab((s) => s.liveSeries);
  const doc = useLab((s) => s.doc);
  const injected = useLab((s) => s.liveInjected);
  const theme = useChartTheme();
  const durationMs = useLab((s) => s.live?.durationMs);
  const axis = useMemo(() => ({ marks: liveChartMarks(doc, injected), ...(durationMs ? { endMs: durationMs } : {}) }), [doc, injected, durationMs]);
  const sessions = useMemo(() => sessionsOption(series, theme, axis), [series, theme, axis]);
  const packets = useMemo(() => packetsOption(series, theme, axis), [series, theme, axis]);
  const control = useMemo(() => controlOption(series, theme, axis), [series, theme, axis]);
  const height = usePanelHeight();
  if (series.tMs.length === 0) return <p className="empty">No samples yet. The charts fill in as the run goes (one sample every 100 ms of virtual time).</p>;
  return (
    <div className="chart-grid" ref={height.ref}>
      <figure>
        <figcaption>Sessions in outage and active sessions</figcaption>
        <EChart option={sessions} label="Chart: sessions in outage and active sessions" height={height.px} />
      </figure>
      <figure>
        <figcaption>Delivered and lost packets per second</figcaption>
        <EChart option={packets} label="Chart: delivered and lost packets per second" height={height.px} />
      </figure>
      <figure>
        <figcaption>Control packets per second by kind</figcaption>
        <EChart option={control} label="Chart: control packets per second by kind" height={height.px} />
      </figure>
    </div>
  );
}

/** Chart height that fits the live panel (a short window must not cut the charts in half). */
export function usePanelHeight(): { ref: (el: HTMLDivElement | null) => void; px: number } {
  const [px, setPx] = useState(200);
  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);
  const ref = useCallback((el: HTMLDivElement | null) => {
    observer.current?.disconnect();
    const panel = el?.parentElement;
    if (!panel || typeof ResizeObserver !== 'function') return;
    // Caption and padding take about 36 px; charts stay readable from 110 px and need no more than 260.
    const fit = () => setPx(Math.max(110, Math.min(260, panel.clientHeight - 36)));
    observer.current = new ResizeObserver(fit);
    observer.current.observe(panel);
    fit();
  }, []);
  return { ref, px };
}
