/**
 * The blast-radius map of an N-1 analysis: every node and link of the lab where the canvas draws
 * it, coloured by the harm its failure causes. Pure geometry and colour; the app draws it as
 * clickable SVG and the N-1 report as a picture, from the same data.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { WhatIfRank } from './types.ts';

/** A harm level, from none to severe (`untested`: not failed in this analysis). */
export type HarmLevel = 'untested' | 'none' | 'low' | 'medium' | 'high' | 'severe';

/** Colours of the harm levels (fill; the map's legend lists them in this order). */
export const HARM_COLORS: Record<HarmLevel, string> = {
  untested: '#E5E7EB',
  none: '#BBF7D0',
  low: '#FEF08A',
  medium: '#FDBA74',
  high: '#F87171',
  severe: '#991B1B',
};

/** Words for each level (legend, tooltips). */
export const HARM_WORDS: Record<HarmLevel, string> = {
  untested: 'not failed in this analysis',
  none: 'no harm beyond the baseline',
  low: 'short outages',
  medium: 'many sessions hit',
  high: 'sessions lost',
  severe: 'most sessions lost',
};

/**
 * The level of one element, relative to the worst in the analysis: any session lost is high (the
 * worst third severe); outages alone are low or medium by how many sessions they hit.
 */
export function harmLevel(r: WhatIfRank | undefined, worst: { lost: number; affected: number }): HarmLevel {
  if (!r) return 'untested';
  if (r.sessionsLost > 0) return r.sessionsLost >= worst.lost * 0.66 ? 'severe' : 'high';
  if (r.sessionsAffected > 0) return r.sessionsAffected >= worst.affected * 0.5 ? 'medium' : 'low';
  return r.worstOutageMs > 0 ? 'low' : 'none';
}

/** A node of the map (top-left corner and size, canvas pixels). */
export interface MapNode {
  id: string;
  kind: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  level: HarmLevel;
  rank: WhatIfRank | undefined;
}
/** A link of the map, from centre to centre. */
export interface MapLink {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  level: HarmLevel;
  rank: WhatIfRank | undefined;
}
/** The whole map. */
export interface BlastRadiusMap {
  nodes: MapNode[];
  links: MapLink[];
  bounds: { x: number; y: number; width: number; height: number };
}

const ROUTER = { w: 190, h: 78 };
const HOST = { w: 160, h: 52 };

/** The map of `scenario` under `ranking` (nodes without a position are put in a row below). */
export function blastRadiusMap(scenario: Pick<Scenario, 'nodes' | 'links'>, ranking: readonly WhatIfRank[]): BlastRadiusMap {
  const byKey = new Map(ranking.map((r) => [`${r.kind === 'link' ? 'link' : 'node'}:${r.element}`, r]));
  const worst = { lost: Math.max(0, ...ranking.map((r) => r.sessionsLost)), affected: Math.max(0, ...ranking.map((r) => r.sessionsAffected)) };
  let maxY = 0;
  for (const n of scenario.nodes) if (n.position) maxY = Math.max(maxY, n.position.y);
  let unplaced = 0;
  const nodes: MapNode[] = scenario.nodes.map((n) => {
    const size = n.kind === 'spoke' || n.kind === 'hub' ? ROUTER : HOST;
    const p = n.position ?? { x: unplaced++ * 220, y: maxY + 200 };
    const rank = byKey.get(`node:${n.id}`);
    return { id: n.id, kind: n.kind, label: n.label, x: p.x, y: p.y, w: size.w, h: size.h, level: harmLevel(rank, worst), rank };
  });
  const at = new Map(nodes.map((n) => [n.id, n]));
  const links: MapLink[] = [];
  for (const l of scenario.links) {
    const a = at.get(l.a);
    const b = at.get(l.b);
    if (!a || !b) continue;
    const rank = byKey.get(`link:${l.id}`);
    links.push({ id: l.id, x1: a.x + a.w / 2, y1: a.y + a.h / 2, x2: b.x + b.w / 2, y2: b.y + b.h / 2, level: harmLevel(rank, worst), rank });
  }
  const minX = Math.min(...nodes.map((n) => n.x));
  const minY = Math.min(...nodes.map((n) => n.y));
  const maxX = Math.max(...nodes.map((n) => n.x + n.w));
  const maxY2 = Math.max(...nodes.map((n) => n.y + n.h));
  return { nodes, links, bounds: { x: minX, y: minY, width: maxX - minX, height: maxY2 - minY } };
}
