/**
 * The links of a big lab zoomed out, drawn on one <canvas> under the nodes instead of as React
 * Flow edges. React Flow draws each edge in an <svg> of its own, a layer of its own for the
 * browser: on the 1 000-spoke lab the 3 000 links were about 40 % of what every repaint of the
 * page cost while a run streamed (and the page repaints on each snapshot, for its clock and
 * figures). A canvas is repainted only when it is drawn on: when the view moves, a link goes down
 * or comes back, or the selection changes. Zoomed in, links are React Flow edges again (labels,
 * clicks, names for assistive technology); a far canvas is a map to zoom into.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { useStore } from '@xyflow/react';
import type { LinkState } from '../../../engine/index.ts';
import { useLab } from '../store/context.tsx';
import type { LabEdge } from './flow-model.ts';
import { beginDraw, segmentOf, useThemeCache, useViewport } from './overlay-canvas.ts';

/** WAN lines of a big lab are drawn lighter (as canvas-detail.css does for edges). */
const WAN_ALPHA = 0.22;

/**
 * The canvas's links the live run has down ('d') or impaired ('i'), as one string: drawing waits
 * for it to change, not for every snapshot (whose throughput figures change all the time).
 * Looked up link by link: enumerating a 3 000-key object costs several times more.
 */
export function liveLinkFlags(edges: readonly LabEdge[], links: Record<string, LinkState> | undefined): string {
  if (!links) return '';
  let out = '';
  for (const e of edges) {
    const l = links[e.id];
    if (l === undefined) continue;
    if (!l.up) out += `${e.id}\u0000d\u0001`;
    else if (l.impaired) out += `${e.id}\u0000i\u0001`;
  }
  return out;
}

function parseFlags(flags: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of flags.split('\u0001')) {
    const [id, flag] = part.split('\u0000');
    if (id && flag) out.set(id, flag);
  }
  return out;
}

type Colours = { link: string; warn: string; danger: string; accent: string };

function LinkLayerImpl({ edges }: { edges: readonly LabEdge[] }) {
  const links = useLab((s) => s.live?.links);
  const flags = useMemo(() => liveLinkFlags(edges, links), [edges, links]);
  const nodeLookup = useStore((s) => s.nodeLookup);
  const view = useViewport();
  const ref = useRef<HTMLCanvasElement>(null);
  const live = useMemo(() => parseFlags(flags), [flags]);
  const colours = useThemeCache<Colours>();

  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    let down = 0;
    let impaired = 0;
    const ctx = beginDraw(c, view);
    if (ctx && !colours.current) {
      const css = getComputedStyle(c);
      const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
      colours.current = { link: v('--link', '#8b95a7'), warn: v('--warn', '#d19a00'), danger: v('--danger', '#d9363e'), accent: v('--accent', '#3b6ef5') };
    }
    // Plain lines first, then the ones that stand out, so those are drawn on top.
    const standOut: [LabEdge, string][] = [];
    const line = (e: LabEdge) => {
      const seg = ctx ? segmentOf(e, nodeLookup) : null;
      if (!seg || !ctx) return;
      ctx.moveTo(seg.from.x, seg.from.y);
      ctx.lineTo(seg.to.x, seg.to.y);
    };
    for (const wan of [false, true]) {
      if (ctx) {
        ctx.beginPath();
        ctx.setLineDash([]);
        ctx.globalAlpha = wan ? WAN_ALPHA : 1;
        ctx.lineWidth = wan ? 2.5 : 1.5;
        ctx.strokeStyle = colours.current?.link ?? '';
      }
      for (const e of edges) {
        if (!e.data || e.data.isWan !== wan) continue;
        const flag = e.data.link.up === false ? 'd' : live.get(e.id);
        if (flag === 'd') down++;
        if (flag === 'i') impaired++;
        if (flag || e.selected) standOut.push([e, e.selected ? 's' : flag!]);
        else line(e);
      }
      ctx?.stroke();
    }
    if (ctx && colours.current) {
      ctx.globalAlpha = 1;
      for (const [e, flag] of standOut) {
        ctx.beginPath();
        ctx.lineWidth = e.data?.isWan ? 2.5 : 1.5;
        ctx.setLineDash(flag === 'd' ? [6, 5] : []);
        ctx.strokeStyle = flag === 's' ? colours.current.accent : flag === 'd' ? colours.current.danger : colours.current.warn;
        line(e);
        ctx.stroke();
      }
    }
    // What was drawn, for tests and for anyone inspecting the page.
    c.dataset['links'] = String(edges.length);
    c.dataset['down'] = String(down);
    c.dataset['impaired'] = String(impaired);
  }, [edges, live, nodeLookup, view, colours]);

  return <canvas ref={ref} className="link-layer" aria-hidden="true" style={{ width: view.width, height: view.height }} />;
}

/** The links of a zoomed-out big lab (a child of the React Flow canvas). */
export const LinkLayer = memo(LinkLayerImpl);
