/**
 * Automatic layout with ELK's layered algorithm, left to right in four partitions: clients,
 * spokes, hubs, servers — the way engineers draw a hub-and-spoke network. Loaded on demand (the
 * graph slice imports this module dynamically) so ELK's large bundle stays out of start-up.
 */
import ElkBundle from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Position, ScenarioInput } from '../../../engine/index.ts';
import { KIND_ORDER } from './doc-model.ts';
import { nodeSize } from './node-size.ts';

const GRID = 10;

function snap(v: number): number {
  return Math.round(v / GRID) * GRID;
}

/** New positions for every node, laid out in layers left to right. */
export async function layeredPositions(doc: ScenarioInput): Promise<Record<string, Position>> {
  const rank = new Map(doc.nodes.map((n) => [n.id, KIND_ORDER.indexOf(n.kind)]));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      // One layout for everything, so an unlinked hub still lands in the hubs' column.
      'elk.separateConnectedComponents': 'false',
      'elk.spacing.nodeNode': '50',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.semiInteractive': 'true',
    },
    children: doc.nodes.map((n) => ({
      id: n.id,
      ...nodeSize(n.kind),
      layoutOptions: { 'elk.partitioning.partition': String(rank.get(n.id) ?? 0), 'elk.position': `(0,${n.position?.y ?? 0})` },
    })),
    // Edges point from the lower partition to the higher, as partitioning requires.
    edges: (doc.links ?? []).map((l) => {
      const flip = (rank.get(l.a) ?? 0) > (rank.get(l.b) ?? 0);
      return { id: l.id, sources: [flip ? l.b : l.a], targets: [flip ? l.a : l.b] };
    }),
  };
  // The bundle is CommonJS; its constructor is both the module and its `default` (typed so).
  const out = await new ElkBundle.default().layout(graph);
  const positions: Record<string, Position> = {};
  for (const c of out.children ?? []) positions[c.id] = { x: snap(c.x ?? 0), y: snap(c.y ?? 0) };
  return positions;
}
