/**
 * What the canvases drawn over the lab (LinkLayer, PacketLayer) share: the viewport they follow,
 * theme colours read once per colour scheme, sizing and clearing the canvas, and where a link
 * runs on screen.
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useStore, type InternalNode } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { linkSegment, type Pt } from './edge-geometry.ts';
import { box } from './LinkEdge.tsx';
import type { LabEdge, LabNode } from './flow-model.ts';

/** React Flow's pan and zoom, and the pane's size in CSS pixels. */
export interface Viewport {
  tx: number;
  ty: number;
  zoom: number;
  width: number;
  height: number;
}

/** The viewport: a new object only when one of its numbers changes. */
export function useViewport(): Viewport {
  const [tx, ty, zoom] = useStore(useShallow((s) => s.transform));
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  return useMemo(() => ({ tx, ty, zoom, width, height }), [tx, ty, zoom, width, height]);
}

/**
 * A slot for values read from the theme's computed styles, emptied when the colour scheme
 * changes: reading computed styles on every draw made the browser recalculate styles 20 times
 * a second.
 */
export function useThemeCache<T>(): RefObject<T | null> {
  const cache = useRef<T | null>(null);
  useEffect(() => {
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const forget = () => {
      cache.current = null;
    };
    media?.addEventListener('change', forget);
    return () => media?.removeEventListener('change', forget);
  }, []);
  return cache;
}

/**
 * Sizes the canvas to the pane at the device's pixel ratio, clears it and sets the transform
 * from flow coordinates to the screen (the one React Flow applies to its viewport). Null where
 * there is no 2D context (the test DOM): callers still count what they would draw.
 */
export function beginDraw(c: HTMLCanvasElement, v: Viewport): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(v.width * dpr));
  const h = Math.max(1, Math.round(v.height * dpr));
  if (c.width !== w) c.width = w;
  if (c.height !== h) c.height = h;
  const ctx = c.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.setTransform(dpr * v.zoom, 0, 0, dpr * v.zoom, dpr * v.tx, dpr * v.ty);
  return ctx;
}

/** Where link `e` runs between its nodes' boxes, or null when a node is not measured yet. */
export function segmentOf(e: LabEdge, nodeLookup: Map<string, InternalNode>): { from: Pt; to: Pt; normal: Pt } | null {
  const a = nodeLookup.get(e.source) as InternalNode<LabNode> | undefined;
  const b = nodeLookup.get(e.target) as InternalNode<LabNode> | undefined;
  if (!a || !b || !e.data) return null;
  return linkSegment(box(a), box(b), e.data.offset);
}
