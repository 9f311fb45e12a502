/**
 * The session timeline of a stored run as an echarts option: one lane per session, its life as a
 * thin bar, each outage as a thick bar coloured by what ended it (the recovery mechanism; red
 * when the session failed in it). Outage times come from each session's `outageList`; runs
 * stored before it existed have none, and say so instead of drawing guesses.
 */
import { RECOVERY_COLORS, type RecoveryKind, type SessionOutcome } from '../../../engine/index.ts';
import type { ChartOption } from '../charts/EChart.tsx';
import type { ChartTheme } from '../charts/useChartTheme.ts';

/** One outage as stored (the engine's OutageSpan; absent in older runs). */
export interface OutageBar {
  startMs: number;
  endMs: number;
  recoveredBy: RecoveryKind | null;
}

/** Most lanes drawn (sessions with outages first). */
export const MAX_LANES = 120;

/** A session's outages, or null when the run did not store them. */
export function outagesOf(s: SessionOutcome): OutageBar[] | null {
  const list = (s as SessionOutcome & { outageList?: unknown }).outageList;
  return Array.isArray(list) ? (list as OutageBar[]) : null;
}

/** The sessions that get a lane: those with an outage or a failure first, then the rest, by id. */
export function timelineLanes(sessions: readonly SessionOutcome[], max = MAX_LANES): SessionOutcome[] {
  const hit = (s: SessionOutcome) => s.outages > 0 || s.failed;
  return [...sessions].sort((a, b) => Number(hit(b)) - Number(hit(a)) || a.id - b.id).slice(0, max);
}

/** The colour of an outage bar (failed: the theme's danger colour). */
export function outageColor(by: RecoveryKind | null, theme: Pick<ChartTheme, 'danger'>): string {
  return by === null ? theme.danger : RECOVERY_COLORS[by];
}

/** Lane height in px, so the chart's height follows the number of lanes. */
export const LANE_PX = 14;

/** The chart option. `lanes` from timelineLanes; `durationMs` is the run's end. */
export function timelineOption(lanes: readonly SessionOutcome[], durationMs: number, theme: ChartTheme): ChartOption {
  const names = lanes.map((s) => `#${s.id} ${s.traffic}`);
  // [lane, start, end, colour index]: echarts custom series read their data as arrays of numbers.
  const life: number[][] = lanes.map((s, i) => [i, s.startMs, s.endMs ?? durationMs]);
  const colors: string[] = [];
  const bars: number[][] = [];
  lanes.forEach((s, i) => {
    for (const o of outagesOf(s) ?? []) {
      colors.push(outageColor(o.recoveredBy, theme));
      bars.push([i, o.startMs, o.endMs, colors.length - 1]);
    }
  });
  const rect = (height: number, fill: (v: number[]) => string) =>
    ((_params: unknown, api: { value(i: number): number; coord(p: number[]): number[]; size(p: number[]): number[] }) => {
      const lane = api.value(0);
      const a = api.coord([api.value(1), lane]);
      const b = api.coord([api.value(2), lane]);
      const h = api.size([0, 1])[1]! * height;
      return { type: 'rect', shape: { x: a[0]!, y: a[1]! - h / 2, width: Math.max(2, b[0]! - a[0]!), height: h }, style: { fill: fill([api.value(0), api.value(1), api.value(2), api.value(3)]) } };
    }) as never;
  return {
    animation: false,
    grid: { left: 120, right: 16, top: 8, bottom: 28 },
    tooltip: {
      trigger: 'item',
      formatter: ((p: { seriesName: string; value: number[] }) => {
        const [lane = 0, start = 0, end = 0] = p.value;
        const what = p.seriesName === 'outage' ? 'outage' : 'session';
        return `${names[lane] ?? ''}<br/>${what} ${(start / 1000).toFixed(3)} s → ${(end / 1000).toFixed(3)} s (${((end - start) / 1000).toFixed(3)} s)`;
      }) as never,
    },
    xAxis: { type: 'value', min: 0, max: durationMs, axisLabel: { color: theme.muted, formatter: (v: number) => `${v / 1000} s` }, splitLine: { lineStyle: { color: theme.border } } },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { color: theme.muted, fontSize: 10 }, axisTick: { show: false } },
    series: [
      { name: 'session', type: 'custom', renderItem: rect(0.18, () => theme.border), encode: { x: [1, 2], y: 0 }, data: life },
      { name: 'outage', type: 'custom', renderItem: rect(0.7, (v) => colors[v[3] ?? 0] ?? theme.danger), encode: { x: [1, 2], y: 0 }, data: bars },
    ],
  };
}
