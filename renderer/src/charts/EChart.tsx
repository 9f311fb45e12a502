/**
 * A small React wrapper around one echarts instance (SVG renderer: crisp, selectable in
 * screenshots, cheap at these point counts). Only the chart types and components the app uses
 * are registered, to keep the bundle small.
 *
 * The chart starts when its element has a size: a panel in a hidden tab, or a test DOM without
 * layout, shows a text placeholder instead of a broken chart. Option updates are throttled to a
 * few per second, because live series change up to 20 times a second and redrawing thousands of
 * SVG points that often would starve the canvas animation.
 */
import { useEffect, useRef, useState } from 'react';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { CustomChart, LineChart, type CustomSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, CustomChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

/** The options the app's charts use. */
export type ChartOption = ComposeOption<LineSeriesOption | CustomSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkLineComponentOption>;

const THROTTLE_MS = 250;

/** One chart. `label` is its accessible name (and the placeholder's text). */
export function EChart({ option, label, height = 200 }: { option: ChartOption; label: string; height?: number }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef(option);
  const lastSet = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [hasChart, setHasChart] = useState(false);
  latest.current = option;

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const tryInit = () => {
      if (chart.current || node.clientWidth === 0 || node.clientHeight === 0) return;
      try {
        chart.current = init(node, undefined, { renderer: 'svg' });
        chart.current.setOption(latest.current, { notMerge: true });
        lastSet.current = performance.now();
        setHasChart(true);
      } catch {
        chart.current = null; // no usable layout (a test DOM): keep the placeholder
      }
    };
    tryInit();
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(() => (chart.current ? chart.current.resize() : tryInit())) : null;
    ro?.observe(node);
    return () => {
      ro?.disconnect();
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c || pending.current) return;
    const wait = THROTTLE_MS - (performance.now() - lastSet.current);
    const apply = () => {
      pending.current = null;
      lastSet.current = performance.now();
      chart.current?.setOption(latest.current, { notMerge: true, lazyUpdate: true });
    };
    if (wait <= 0) apply();
    else pending.current = setTimeout(apply, wait);
  }, [option]);

  return (
    <div className="echart" role="img" aria-label={label} style={{ height }}>
      <div className="echart-host" ref={el} />
      {!hasChart && <div className="echart-placeholder">{label}</div>}
    </div>
  );
}
