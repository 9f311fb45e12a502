/**
 * The scenario's network as an ECharts `graph`: nodes where the user placed them on the canvas,
 * labelled, routers with the recovery mode they actually run, links with latency and NAT.
 * Positions are optional in scenario files; missing ones are laid out in columns by kind.
 */
import { type Scenario, type ScenarioNode, describeRecovery, effectiveRecovery, NODE_COLORS } from '../../../engine/index.ts';
import { svgChart } from './charts.ts';
import { CHART_WIDTH } from './style.ts';

const COLUMN: Record<ScenarioNode['kind'], number> = { client: 0, spoke: 1, hub: 2, server: 3 };
const COLUMN_GAP = 280;
const ROW_GAP = 150;

/** Canvas positions for every node: the scenario's own, else a column by kind, below any placed nodes. */
export function layoutNodes(nodes: readonly ScenarioNode[]): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  let maxY = -Infinity;
  let minX = Infinity;
  for (const n of nodes) {
    if (n.position) {
      out.set(n.id, { x: n.position.x, y: n.position.y });
      maxY = Math.max(maxY, n.position.y);
      minX = Math.min(minX, n.position.x);
    }
  }
  const top = Number.isFinite(maxY) ? maxY + ROW_GAP : 0;
  const left = Number.isFinite(minX) ? minX : 0;
  const rows = [0, 0, 0, 0];
  for (const n of nodes) {
    if (n.position) continue;
    const col = COLUMN[n.kind];
    out.set(n.id, { x: left + col * COLUMN_GAP, y: top + rows[col]! * ROW_GAP });
    rows[col]!++;
  }
  return out;
}

const SYMBOL: Record<ScenarioNode['kind'], string> = { client: 'roundRect', server: 'roundRect', spoke: 'circle', hub: 'circle' };
const SIZE: Record<ScenarioNode['kind'], number | number[]> = { client: [46, 32], server: [46, 32], spoke: 44, hub: 52 };

/** ECharts rich text reads `{style|text}`: braces in a user's label would be taken as markup. */
function richSafe(text: string): string {
  return text.replace(/\{/g, '(').replace(/\}/g, ')');
}

/** Pixels kept free around the nodes: beside them for link labels, below them for node labels. */
const MARGIN = { side: 90, top: 36, bottom: 92 };
const MAX_HEIGHT = 640;

/**
 * Maps canvas coordinates to the picture with one scale for x and y (the user's drawing keeps its
 * shape) on hidden value axes. ECharts' own fit of a graph degenerates when every node sits on
 * one row (a zero-height extent), hence the explicit frame.
 */
function frame(points: readonly { x: number; y: number }[]) {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const spanX = Math.max(...xs) - minX;
  const spanY = Math.max(...ys) - minY;
  let scale = spanX > 0 ? (CHART_WIDTH - 2 * MARGIN.side) / spanX : 1;
  if (spanY * scale + MARGIN.top + MARGIN.bottom > MAX_HEIGHT) scale = (MAX_HEIGHT - MARGIN.top - MARGIN.bottom) / spanY;
  const height = Math.round(spanY * scale + MARGIN.top + MARGIN.bottom);
  const widthUnits = CHART_WIDTH / scale;
  const x0 = minX - (widthUnits - spanX) / 2;
  const y0 = minY - MARGIN.top / scale;
  return { height, x: [x0, x0 + widthUnits] as const, y: [y0, y0 + height / scale] as const };
}

/**
 * Past this many nodes the picture is a map, not a diagram: labels would cover one another (a
 * 1 000-spoke lab drew 8 000 of them in one unreadable block), so only hubs and servers are
 * named, nodes are small marks and links thin lines without labels. The report's tables name the rest.
 */
export const BIG_TOPOLOGY = 40;
const SMALL_SIZE: Record<ScenarioNode['kind'], number | number[]> = { client: [6, 4], server: [14, 10], spoke: 7, hub: 16 };

/** Whether {@link topologyChart} draws `scenario` as a map (see {@link BIG_TOPOLOGY}). */
export function isBigTopology(scenario: Scenario): boolean {
  return scenario.nodes.length > BIG_TOPOLOGY;
}

/** The topology picture as SVG, as tall as the drawing's proportions ask. */
export function topologyChart(scenario: Scenario): string {
  const isBig = isBigTopology(scenario);
  const pos = layoutNodes(scenario.nodes);
  const recovery = new Map(effectiveRecovery(scenario).map((r) => [r.id, r]));
  const f = frame([...pos.values()]);
  const index = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  // A map's named nodes sit close together at its scale: hubs are named on their outer side, servers above.
  const hubXs = scenario.nodes.filter((n) => n.kind === 'hub').map((n) => pos.get(n.id)!.x);
  const hubMid = hubXs.length > 0 ? (Math.min(...hubXs) + Math.max(...hubXs)) / 2 : 0;
  const mapLabelAt = (n: ScenarioNode) => (n.kind === 'server' ? ('top' as const) : pos.get(n.id)!.x < hubMid ? ('left' as const) : ('right' as const));
  const data = scenario.nodes.map((n) => {
    const p = pos.get(n.id)!;
    const r = recovery.get(n.id);
    // Rich-text styles do not nest, so the mode gets its own line and style.
    const sub = r ? `{s|${n.kind} · ${r.softwareVersion}${r.isOverridden ? ' · override' : ''}}\n{mode|${describeRecovery(r)}}` : `{s|${n.kind}}`;
    const title = richSafe(n.label === n.id ? n.id : `${n.label} (${n.id})`);
    return {
      name: n.id,
      value: [p.x, p.y],
      symbol: SYMBOL[n.kind],
      symbolSize: (isBig ? SMALL_SIZE : SIZE)[n.kind],
      itemStyle: { color: NODE_COLORS[n.kind], borderColor: r ? '#1E3A8A' : '#6B7280', borderWidth: isBig ? 0.6 : r ? 1.6 : 1.2 },
      label: {
        show: !isBig || n.kind === 'hub' || n.kind === 'server',
        position: isBig ? mapLabelAt(n) : ('bottom' as const),
        distance: isBig ? 4 : 6,
        formatter: isBig ? `{t|${title}}` : `{t|${title}}\n${sub}`,
        rich: {
          t: { fontSize: 12.5, fontWeight: 600, color: '#1F2937', lineHeight: 17, align: 'center' as const },
          s: { fontSize: 11, color: '#5B6472', lineHeight: 15, align: 'center' as const },
          mode: { fontSize: 11, color: '#0B5FA5', fontWeight: 600, lineHeight: 15, align: 'center' as const },
        },
      },
    };
  });
  const links = scenario.links.map((l) => {
    const isWan = recovery.has(l.a) && recovery.has(l.b);
    const parts = [`${l.id} · ${l.latencyMs} ms`];
    if (l.lossPct > 0) parts.push(`${l.lossPct} % loss`);
    if (l.nat) parts.push(`NAT, ${l.nat.inside} inside`);
    if (!l.up) parts.push('down at start');
    return {
      source: index.get(l.a)!,
      target: index.get(l.b)!,
      lineStyle: {
        color: l.nat ? '#B45309' : isWan ? '#0B5FA5' : '#9CA3AF',
        width: isBig ? (isWan ? 0.5 : 0.4) : isWan ? 2.4 : 1.4,
        type: l.up ? ('solid' as const) : ('dashed' as const),
        opacity: isBig ? 0.45 : 1,
        curveness: 0,
      },
      label: { show: !isBig, formatter: richSafe(parts.join('\n')), fontSize: 11, color: l.nat ? '#B45309' : '#374151', backgroundColor: '#FFFFFF', padding: [1, 3] },
    };
  });
  const hidden = { show: false, axisLine: { show: false }, splitLine: { show: false } };
  return svgChart(
    {
      grid: { left: 0, right: 0, top: 0, bottom: 0 },
      xAxis: { type: 'value', min: f.x[0], max: f.x[1], ...hidden },
      yAxis: { type: 'value', inverse: true, min: f.y[0], max: f.y[1], ...hidden },
      series: [{ type: 'graph', coordinateSystem: 'cartesian2d', roam: false, edgeSymbol: ['none', 'none'], data, links, edgeLabel: { show: !isBig } }],
    },
    f.height,
  );
}
