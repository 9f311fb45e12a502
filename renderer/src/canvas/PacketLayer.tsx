/**
 * Packets in flight, drawn on one <canvas> over the lab rather than as SVG or HTML elements.
 * Redrawing a canvas 20 times a second costs about a millisecond and invalidates nothing else;
 * moving hundreds of DOM dots made the browser re-layerize and repaint a large lab on every
 * snapshot (measured on 500 nodes / 750 links: p50 frame time 50 ms as SVG, 16.7 ms as canvas).
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { useStore, type InternalNode } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { PACKET_COLORS } from '../design/packet-colors.ts';
import { useLab } from '../store/context.tsx';
import { lerp, linkSegment } from './edge-geometry.ts';
import { box } from './LinkEdge.tsx';
import type { LabEdge, LabNode } from './flow-model.ts';

const DOT_R = 4.5;
/** Each direction rides on its own side of the line, so crossing flows stay apart. */
const SIDE = 4;

function PacketLayerImpl({ edges }: { edges: readonly LabEdge[] }) {
  const dotsByLink = useLab((s) => s.dotsByLink);
  const nodeLookup = useStore((s) => s.nodeLookup);
  // The canvas's links, not React Flow's edges: a zoomed-out big lab has none (LinkLayer.tsx).
  const edgeLookup = useMemo(() => new Map(edges.map((e) => [e.id, e])), [edges]);
  const [tx, ty, zoom] = useStore(useShallow((s) => s.transform));
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const ref = useRef<HTMLCanvasElement>(null);
  // The dots' outline is the theme's panel colour, read once per theme: reading a computed
  // style on every draw made the browser recalculate styles 20 times a second.
  const outline = useRef<string | null>(null);
  useEffect(() => {
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const forget = () => {
      outline.current = null;
    };
    media?.addEventListener('change', forget);
    return () => media?.removeEventListener('change', forget);
  }, []);

  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(width * dpr));
    const h = Math.max(1, Math.round(height * dpr));
    if (c.width !== w) c.width = w;
    if (c.height !== h) c.height = h;
    let drawn = 0;
    const ctx = c.getContext('2d');
    if (ctx) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, w, h);
      // Flow coordinates → screen: the same transform React Flow applies to its viewport.
      ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
      ctx.lineWidth = 1;
      outline.current ??= getComputedStyle(c).getPropertyValue('--panel').trim() || '#fff';
      ctx.strokeStyle = outline.current;
    }
    for (const [linkId, dots] of Object.entries(dotsByLink)) {
      const e = edgeLookup.get(linkId);
      const a = e ? (nodeLookup.get(e.source) as InternalNode<LabNode> | undefined) : undefined;
      const b = e ? (nodeLookup.get(e.target) as InternalNode<LabNode> | undefined) : undefined;
      if (!e?.data || !a || !b) continue;
      const seg = linkSegment(box(a), box(b), e.data.offset);
      for (const d of dots) {
        const p = d.dir === 0 ? lerp(seg.from, seg.to, d.progress) : lerp(seg.to, seg.from, d.progress);
        const side = d.dir === 0 ? SIDE : -SIDE;
        drawn++;
        if (!ctx) continue;
        ctx.beginPath();
        ctx.arc(p.x + seg.normal.x * side, p.y + seg.normal.y * side, DOT_R, 0, Math.PI * 2);
        ctx.fillStyle = PACKET_COLORS[d.kind];
        ctx.fill();
        ctx.stroke();
      }
    }
    // What was drawn, for tests and for anyone inspecting the page.
    c.dataset['dots'] = String(drawn);
  }, [dotsByLink, nodeLookup, edgeLookup, tx, ty, zoom, width, height]);

  return <canvas ref={ref} className="packet-layer" aria-hidden="true" style={{ width, height }} />;
}

/** The packets-in-flight layer (a child of the React Flow canvas). */
export const PacketLayer = memo(PacketLayerImpl);
