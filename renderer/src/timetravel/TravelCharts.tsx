/** The run's charts (the whole run, or as far as a live run has gone) with a cursor at the moment shown. */
import { useMemo } from 'react';
import type { LineSeriesOption } from 'echarts/charts';
import { EChart, type ChartOption } from '../charts/EChart.tsx';
import { useChartTheme } from '../charts/useChartTheme.ts';
import { controlOption, packetsOption, sessionsOption, type ChartMark, type SeriesLike } from '../charts/series-options.ts';
import { usePanelHeight } from '../live/LiveCharts.tsx';

const TITLES = ['Sessions in outage and active sessions', 'Delivered and lost packets per second', 'Control packets per second by kind'] as const;

/** `option` with a solid vertical cursor at `tMs` (its own series, left out of the legend). */
export function withCursor(option: ChartOption, tMs: number, color: string): ChartOption {
  const series = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as LineSeriesOption[];
  const cursor: LineSeriesOption = {
    type: 'line',
    name: 'cursor',
    data: [],
    silent: true,
    markLine: { symbol: 'none', silent: true, animation: false, lineStyle: { color, type: 'solid', width: 2 }, label: { show: false }, data: [{ xAxis: Math.round(tMs) / 1000 }] },
  };
  const legend = Array.isArray(option.legend) ? option.legend[0] : option.legend;
  return { ...option, legend: { ...legend, data: series.map((s) => String(s.name)) }, series: [...series, cursor] };
}

/** The three charts, with the moment shown marked. */
export function TravelCharts({ series, marks, endMs, tMs }: { series: SeriesLike; marks: readonly ChartMark[]; endMs: number; tMs: number }) {
  const theme = useChartTheme();
  const axis = useMemo(() => ({ marks, endMs }), [marks, endMs]);
  const base = useMemo(() => [sessionsOption(series, theme, axis), packetsOption(series, theme, axis), controlOption(series, theme, axis)], [series, theme, axis]);
  const color = theme.isDark ? '#6e9bff' : '#2457c5';
  const opts = useMemo(() => base.map((o) => withCursor(o, tMs, color)), [base, tMs, color]);
  const height = usePanelHeight();
  if (series.tMs.length === 0) return <p className="empty">No chart samples in this run.</p>;
  return (
    <div className="chart-grid tt-charts" ref={height.ref}>
      {opts.map((o, i) => (
        <figure key={TITLES[i]}>
          <figcaption>{TITLES[i]}</figcaption>
          <EChart option={o} label={`Chart: ${TITLES[i]!.toLowerCase()}, cursor at the moment shown`} height={height.px} />
        </figure>
      ))}
    </div>
  );
}
