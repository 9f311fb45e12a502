/**
 * Chart options for a run's time series (live or stored) and for a comparison's overlays. Colours
 * come from the engine's palette so a control kind or a run looks the same here and in reports;
 * only the near-black baseline run is swapped for the theme's text colour on a dark background.
 */
import { CONTROL_COLORS, CONTROL_KIND_LABELS, CONTROL_KINDS, METRIC_COLORS, RUN_DASHES, runColor, type OverlaidMetric } from '../../../engine/index.ts';
import type { LineSeriesOption } from 'echarts/charts';
import type { ChartOption } from './EChart.tsx';
import type { ChartTheme } from './useChartTheme.ts';

/** The series fields every chart reads (a stored TimeSeries or the live buffer). */
export interface SeriesLike {
  tMs: readonly number[];
  sessionsInOutage: readonly number[];
  activeSessions: readonly number[];
  deliveredPps: readonly number[];
  lostPps: readonly number[];
  controlPps: Record<string, readonly number[]>;
}

/** A vertical marker (a fault) at a virtual time. */
export interface ChartMark {
  tMs: number;
  label: string;
}

/** Marks for a run's fault log (scheduled and live faults alike), as the run's charts show them. */
export function faultLogMarks(log: readonly { atMs: number; fault: { type: string } }[]): ChartMark[] {
  return log.map((f) => ({ tMs: f.atMs, label: f.fault.type }));
}

type Line = { name: string; color: string; values: readonly (number | null)[]; area?: boolean; dash?: 'solid' | 'dashed' | 'dotted' };

const seconds = (ms: number) => Math.round(ms) / 1000;

/**
 * A concrete font: echarts measures text with a canvas, where `inherit` means nothing, so legends
 * would be laid out for one font and drawn in another (items overlapping).
 */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Optional x-axis end (ms): the run's duration, so a live chart fills in from the left. */
export interface AxisOpts {
  marks?: readonly ChartMark[];
  endMs?: number;
}

function lineChart(theme: ChartTheme, tMs: readonly number[], lines: Line[], { marks = [], endMs }: AxisOpts = {}): ChartOption {
  const series: LineSeriesOption[] = lines.map((l, i) => ({
    type: 'line',
    name: l.name,
    showSymbol: false,
    sampling: 'lttb',
    connectNulls: false,
    lineStyle: { width: 1.6, color: l.color, type: l.dash ?? 'solid' },
    itemStyle: { color: l.color },
    ...(l.area ? { areaStyle: { color: l.color, opacity: 0.15 } } : {}),
    data: tMs.map((t, j) => [seconds(t), l.values[j] ?? null]),
    ...(i === 0 && marks.length > 0
      ? {
          markLine: {
            symbol: 'none',
            silent: true,
            // The palette's fault red is too dark on a dark panel; the theme's danger colour reads on both.
            lineStyle: { color: theme.isDark ? theme.danger : METRIC_COLORS.fault, type: 'dashed', width: 1 },
            label: { color: theme.isDark ? theme.danger : METRIC_COLORS.fault, formatter: '{b}', fontSize: 10, position: 'insideEndTop' },
            data: marks.map((m) => ({ name: m.label, xAxis: seconds(m.tMs) })),
          },
        }
      : {}),
  }));
  const axis = { axisLine: { lineStyle: { color: theme.border } }, axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.border, opacity: 0.6 } } };
  return {
    animation: false,
    textStyle: { color: theme.text, fontFamily: FONT, fontSize: 11 },
    grid: { left: 44, right: 18, top: 30, bottom: 24 },
    legend: {
      top: 0,
      left: 36,
      textStyle: { color: theme.text, fontSize: 11, fontFamily: FONT },
      itemWidth: 16,
      itemHeight: 8,
      itemGap: 14,
      type: 'scroll',
      pageIconSize: 9,
      pageTextStyle: { color: theme.muted },
    },
    tooltip: {
      trigger: 'axis',
      backgroundColor: theme.panel,
      borderColor: theme.border,
      textStyle: { color: theme.text, fontSize: 12 },
      valueFormatter: (v) => (typeof v === 'number' ? String(Math.round(v * 10) / 10) : '—'),
    },
    xAxis: { type: 'value', name: 's', nameGap: 4, nameTextStyle: { color: theme.muted }, min: 0, max: endMs === undefined ? 'dataMax' : seconds(endMs), ...axis, splitLine: { show: false } },
    // The figure's caption names the unit; a y-axis name would collide with the legend.
    yAxis: { type: 'value', minInterval: 1, ...axis },
    series,
  };
}

/** Sessions in outage (filled) and active sessions. */
export function sessionsOption(s: SeriesLike, theme: ChartTheme, axis?: AxisOpts): ChartOption {
  return lineChart(
    theme,
    s.tMs,
    [
      { name: 'in outage', color: METRIC_COLORS.inOutage, values: s.sessionsInOutage, area: true },
      { name: 'active', color: theme.isDark ? theme.muted : METRIC_COLORS.active, values: s.activeSessions },
    ],
    axis,
  );
}

/** Delivered and lost application packets per second. */
export function packetsOption(s: SeriesLike, theme: ChartTheme, axis?: AxisOpts): ChartOption {
  return lineChart(
    theme,
    s.tMs,
    [
      { name: 'delivered', color: METRIC_COLORS.delivered, values: s.deliveredPps },
      { name: 'lost', color: METRIC_COLORS.lost, values: s.lostPps, area: true },
    ],
    axis,
  );
}

/** Control packets per second, one line per kind that ever sent one (all kinds when none did). */
export function controlOption(s: SeriesLike, theme: ChartTheme, axis?: AxisOpts): ChartOption {
  const used = CONTROL_KINDS.filter((k) => (s.controlPps[k] ?? []).some((v) => v > 0));
  const kinds = used.length > 0 ? used : CONTROL_KINDS;
  const lines = kinds.map((k) => ({ name: CONTROL_KIND_LABELS[k], color: CONTROL_COLORS[k], values: s.controlPps[k] ?? [] }));
  return lineChart(theme, s.tMs, lines, axis);
}

/** The colour of run `i` on this theme (the near-black baseline would vanish on a dark panel). */
export function themedRunColor(i: number, theme: ChartTheme): string {
  return i === 0 && theme.isDark ? theme.text : runColor(i);
}

/** One comparison metric: a line per run, runs told apart by colour and dash. */
export function overlayOption(tMs: readonly number[], metric: OverlaidMetric, runLabels: readonly string[], theme: ChartTheme): ChartOption {
  const lines = metric.values.map((values, i) => ({
    name: runLabels[i] ?? `run ${i + 1}`,
    color: themedRunColor(i, theme),
    dash: RUN_DASHES[i % RUN_DASHES.length]!,
    values,
  }));
  return lineChart(theme, tMs, lines);
}
