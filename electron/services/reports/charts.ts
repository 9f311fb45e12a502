/**
 * Charts as inline SVG from ECharts' server-side renderer: no DOM, no script in the report, and
 * the same chart library as the app, so a report's picture matches what the user saw.
 */
import { createRequire } from 'node:module';
import type { EChartsOption } from 'echarts';
import { METRIC_COLORS } from '../../../engine/index.ts';
import { CHART_WIDTH, FONT_STACK } from './style.ts';
import { html, trusted, type Html } from './html.ts';
import type { FaultMark } from './faults.ts';

const AXIS = { color: '#5B6472', fontSize: 11, fontFamily: FONT_STACK };
const SPLIT = { lineStyle: { color: '#ECEEF1' } };

let lib: typeof import('echarts') | undefined;
/**
 * ECharts, loaded on the first chart: loading it takes most of a second, and every `srlab`
 * command and host start would pay that even when it draws no chart.
 */
function echartsLib(): typeof import('echarts') {
  return (lib ??= createRequire(import.meta.url)('echarts') as typeof import('echarts'));
}

/** Renders an ECharts option to an SVG string (animation off: there is no time in a file). */
export function svgChart(option: EChartsOption, height: number, width = CHART_WIDTH): string {
  const chart = echartsLib().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT_STACK, color: '#1F2937' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A chart in a `<figure>` with a caption. */
export function figure(svg: string, caption: string | Html, label: string): Html {
  return html`<figure class="chart" role="img" aria-label="${label}">${trusted(svg)}<figcaption>${caption}</figcaption></figure>`;
}

/** One line of a time-series chart. */
export interface Line {
  name: string;
  color: string;
  values: readonly (number | null)[];
  dash?: 'solid' | 'dashed' | 'dotted';
  /** Fill the area under the line (lightly). */
  area?: boolean;
  width?: number;
}

/** What {@link timeSeriesChart} draws. */
export interface TimeSeriesSpec {
  tMs: readonly number[];
  lines: readonly Line[];
  yName: string;
  faults: readonly FaultMark[];
  height?: number;
  /** Whether to show a legend (off for a single line named by the caption). */
  legend?: boolean;
  /** Top of the y axis, when the caller cuts off a burst (see {@link startupClip}). */
  yMax?: number;
}

/** How long the start of a run counts as start-up (every session opening at once). */
const STARTUP_MS = 2000;

/**
 * When the opening burst (every session sending metadata at once) is over twice as high as
 * anything after it, returns a y-axis top that fits the rest, and the burst's peak for the
 * caption; null when the whole range reads fine.
 */
export function startupClip(tMs: readonly number[], lines: readonly (readonly (number | null)[])[]): { yMax: number; peak: number } | null {
  let peak = 0;
  let rest = 0;
  for (const values of lines) {
    values.forEach((v, i) => {
      if (v === null) return;
      if (tMs[i]! < STARTUP_MS) peak = Math.max(peak, v);
      else rest = Math.max(rest, v);
    });
  }
  if (rest <= 0 || peak <= 2 * rest) return null;
  const step = 10 ** Math.floor(Math.log10(rest * 1.15));
  return { yMax: Math.ceil((rest * 1.15) / step) * step, peak };
}

/** Most points per line a report draws; longer runs keep each bucket's maximum (spikes survive). */
const MAX_POINTS = 1200;

function downsample(tMs: readonly number[], values: readonly (number | null)[]): [number, number | null][] {
  const n = tMs.length;
  const step = Math.max(1, Math.ceil(n / MAX_POINTS));
  const out: [number, number | null][] = [];
  for (let i = 0; i < n; i += step) {
    let best: number | null = null;
    for (let j = i; j < Math.min(n, i + step); j++) {
      const v = values[j] ?? null;
      if (v !== null && (best === null || v > best)) best = v;
    }
    out.push([tMs[i]! / 1000, best]);
  }
  return out;
}

/**
 * Trailing mean over `windowMs` (1 s by default). Rates sampled every 100 ms alias against traffic
 * that runs once a second (a request per second, BFD), which draws a picket fence; a trailing mean
 * keeps each step where it happened (a centred one would show loss before the fault).
 */
export function trailingMean(tMs: readonly number[], values: readonly (number | null)[], windowMs = 1000): (number | null)[] {
  const out: (number | null)[] = [];
  let start = 0;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    if (v !== null) {
      sum += v;
      n++;
    }
    while (tMs[i]! - tMs[start]! >= windowMs) {
      const old = values[start] ?? null;
      if (old !== null) {
        sum -= old;
        n--;
      }
      start++;
    }
    out.push(v === null ? null : Math.round((sum / Math.max(1, n)) * 1000) / 1000);
  }
  return out;
}

/** Fault marks for the first series: a labelled line at each start, a shaded band while it lasts. */
function faultMarking(faults: readonly FaultMark[]): Record<string, unknown> {
  if (faults.length === 0) return {};
  const c = METRIC_COLORS.fault;
  return {
    markLine: {
      silent: true,
      symbol: ['none', 'none'],
      lineStyle: { color: c, type: 'dashed', width: 1.2 },
      label: { formatter: '{b}', position: 'end', color: c, fontSize: 11, fontWeight: 600, distance: 3 },
      data: faults.map((f) => ({ name: f.tag, xAxis: f.startMs / 1000 })),
    },
    markArea: {
      silent: true,
      itemStyle: { color: 'rgba(185, 28, 28, 0.07)' },
      data: faults.filter((f) => f.endMs > f.startMs).map((f) => [{ xAxis: f.startMs / 1000 }, { xAxis: f.endMs / 1000 }]),
    },
  };
}

/** A line chart over virtual time (seconds), faults marked. */
export function timeSeriesChart(spec: TimeSeriesSpec): string {
  const showLegend = spec.legend ?? spec.lines.length > 1;
  const endS = (spec.tMs[spec.tMs.length - 1] ?? 0) / 1000;
  const series = spec.lines.map((l, i) => ({
    type: 'line' as const,
    name: l.name,
    data: downsample(spec.tMs, l.values),
    // No symbol at all, so the legend shows the line itself (colour and dash), as on the chart.
    symbol: 'none',
    connectNulls: false,
    z: spec.lines.length - i + 2,
    lineStyle: { color: l.color, width: l.width ?? 1.6, type: l.dash ?? 'solid' },
    itemStyle: { color: l.color },
    ...(l.area ? { areaStyle: { color: l.color, opacity: 0.12 } } : {}),
    ...(i === 0 ? faultMarking(spec.faults) : {}),
  }));
  return svgChart(
    {
      grid: { left: 58, right: 22, top: showLegend ? 48 : 26, bottom: 42 },
      // The legend's marker is hidden (opacity 0): its line sample alone shows colour and dash.
      legend: showLegend ? { top: 2, left: 50, itemWidth: 28, itemHeight: 10, itemGap: 26, itemStyle: { opacity: 0 }, textStyle: { fontSize: 12, color: '#1F2937' } } : { show: false },
      xAxis: {
        type: 'value',
        min: 0,
        max: endS,
        name: 'time (s)',
        nameLocation: 'middle',
        nameGap: 26,
        nameTextStyle: AXIS,
        axisLabel: AXIS,
        axisLine: { lineStyle: { color: '#98A2B3' } },
        splitLine: { show: false },
      },
      yAxis: { type: 'value', name: spec.yName, nameLocation: 'middle', nameGap: 44, nameTextStyle: AXIS, axisLabel: AXIS, splitLine: SPLIT, minInterval: 1, ...(spec.yMax ? { max: spec.yMax } : {}) },
      series,
    },
    spec.height ?? 210,
  );
}

export { AXIS, SPLIT };
