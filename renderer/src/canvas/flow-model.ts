/**
 * React Flow's nodes and edges, derived from the document (and the selection) only. Objects
 * are cached per id and reused while their document entry is unchanged, so React Flow keeps
 * their measured size and memoised components skip re-rendering; live telemetry never enters
 * these arrays (node and edge components read it from the store by id).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Edge, Node, NodeChange } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { isRouterKind, type Position } from '../../../engine/index.ts';
import { KIND_COLUMN_X, KIND_NAMES, nodeName, type DocLink, type DocNode } from '../design/doc-model.ts';
import { useLab } from '../store/context.tsx';

/** Data of a canvas node: its document entry. */
export type LabNodeData = { doc: DocNode };
/** A canvas node. */
export type LabNode = Node<LabNodeData, 'router' | 'host'>;
/** Data of a canvas edge: its document entry and where it sits among parallel links. */
export type LabEdgeData = { link: DocLink; offset: number; isWan: boolean };
/** A canvas edge. */
export type LabEdge = Edge<LabEdgeData, 'link'>;

/** Where nodes without a saved position go: their kind's column, one below another. */
export function fallbackPositions(nodes: readonly DocNode[]): Map<string, Position> {
  const rows = new Map<string, number>();
  const out = new Map<string, Position>();
  for (const n of nodes) {
    if (n.position) continue;
    const row = rows.get(n.kind) ?? 0;
    rows.set(n.kind, row + 1);
    out.set(n.id, { x: KIND_COLUMN_X[n.kind], y: row * 120 });
  }
  return out;
}

/** The accessible name of a node on the canvas, e.g. "Hub Data-centre router". */
export function nodeAriaLabel(n: DocNode): string {
  return `${KIND_NAMES[n.kind]} ${nodeName(n)}`;
}

interface Cached<D, R> {
  doc: D;
  selected: boolean;
  extra: unknown;
  rf: R;
}

type Size = { width: number; height: number };

/**
 * The canvas nodes, and a handler for React Flow's size reports: React Flow reads a node's size
 * from the node objects it is given (the minimap, for one), so measured sizes are kept here —
 * ephemeral, outside the document — and put on the objects.
 */
export function useFlowNodes(): { nodes: LabNode[]; applyDimensions: (changes: readonly NodeChange<LabNode>[]) => void } {
  const nodes = useLab((s) => s.doc.nodes);
  const selected = useLab(useShallow((s) => s.selectedNodes));
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(new Map());
  const cache = useRef(new Map<string, Cached<DocNode, LabNode>>());
  const applyDimensions = useCallback((changes: readonly NodeChange<LabNode>[]) => {
    setSizes((prev) => {
      let next: Map<string, Size> | null = null;
      for (const c of changes) {
        if (c.type !== 'dimensions' || !c.dimensions) continue;
        const old = (next ?? prev).get(c.id);
        if (old?.width === c.dimensions.width && old.height === c.dimensions.height) continue;
        next ??= new Map(prev);
        next.set(c.id, c.dimensions);
      }
      return next ?? prev;
    });
  }, []);
  const flowNodes = useMemo(() => {
    const fallback = fallbackPositions(nodes);
    const picked = new Set(selected);
    const next = new Map<string, Cached<DocNode, LabNode>>();
    const out = nodes.map((n) => {
      const isSelected = picked.has(n.id);
      const position = n.position ?? fallback.get(n.id) ?? { x: 0, y: 0 };
      const size = sizes.get(n.id);
      const prev = cache.current.get(n.id);
      const samePlace = prev?.rf.position.x === position.x && prev.rf.position.y === position.y;
      if (prev && prev.doc === n && prev.selected === isSelected && samePlace && prev.extra === size) {
        next.set(n.id, prev);
        return prev.rf;
      }
      const rf: LabNode = {
        id: n.id,
        type: isRouterKind(n.kind) ? 'router' : 'host',
        position,
        data: { doc: n },
        selected: isSelected,
        ariaLabel: nodeAriaLabel(n),
        ...(size ? { measured: size } : {}),
      };
      next.set(n.id, { doc: n, selected: isSelected, extra: size, rf });
      return rf;
    });
    cache.current = next;
    return out;
  }, [nodes, selected, sizes]);
  return { nodes: flowNodes, applyDimensions };
}

/** The canvas edges (parallel peer paths between the same two routers get fanned out). */
export function useFlowEdges(): LabEdge[] {
  const links = useLab((s) => s.doc.links);
  const nodes = useLab((s) => s.doc.nodes);
  const selected = useLab(useShallow((s) => s.selectedLinks));
  const cache = useRef(new Map<string, Cached<DocLink, LabEdge>>());
  return useMemo(() => {
    const names = new Map(nodes.map((n) => [n.id, nodeName(n)]));
    const routers = new Set(nodes.filter((n) => isRouterKind(n.kind)).map((n) => n.id));
    const pairs = new Map<string, string[]>();
    for (const l of links ?? []) {
      const key = [l.a, l.b].sort().join('\u0000');
      pairs.set(key, [...(pairs.get(key) ?? []), l.id]);
    }
    const picked = new Set(selected);
    const next = new Map<string, Cached<DocLink, LabEdge>>();
    const out = (links ?? []).map((l) => {
      const group = pairs.get([l.a, l.b].sort().join('\u0000')) ?? [l.id];
      // Offsets are measured against the pair's sorted direction so a→b and b→a fan apart.
      const sign = l.a <= l.b ? 1 : -1;
      const offset = sign * (group.indexOf(l.id) - (group.length - 1) / 2) * 18;
      const label = `Link ${l.id}: ${names.get(l.a) ?? l.a} – ${names.get(l.b) ?? l.b}`;
      const isSelected = picked.has(l.id);
      const isWan = routers.has(l.a) && routers.has(l.b);
      const extra = `${offset}|${label}|${isWan}`;
      const prev = cache.current.get(l.id);
      if (prev && prev.doc === l && prev.selected === isSelected && prev.extra === extra) {
        next.set(l.id, prev);
        return prev.rf;
      }
      const rf: LabEdge = { id: l.id, type: 'link', source: l.a, target: l.b, data: { link: l, offset, isWan }, selected: isSelected, ariaLabel: label };
      next.set(l.id, { doc: l, selected: isSelected, extra, rf });
      return rf;
    });
    cache.current = next;
    return out;
  }, [links, nodes, selected]);
}
