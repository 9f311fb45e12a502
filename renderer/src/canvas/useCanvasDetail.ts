/**
 * How much the canvas draws, by lab size and zoom. A big lab fitted to the view is a map: node
 * text is a few pixels high, so below {@link FAR_ZOOM} nodes become coloured tiles (text, mode
 * badge and handles hidden by CSS; live badges and link labels not rendered). That is what keeps
 * a big lab moving while a run streams: every repaint makes Chromium re-layerize every paint
 * chunk on the page, and each node's text, badges and handles are several chunks (measured on
 * the 1 000-spoke lab: about 250 ms a frame with them, a few ms without). Zoomed in, a big lab
 * renders only what is on screen (React Flow's `onlyRenderVisibleElements`) and only the link
 * labels that say more than a latency.
 */
import { createContext, useContext, useMemo } from 'react';
import { useStore } from '@xyflow/react';
import { nodeSize } from '../design/node-size.ts';
import { useLab } from '../store/context.tsx';

/** Below this zoom the canvas draws nodes as tiles (text would be under about 5 px). */
const FAR_ZOOM = 0.4;
/** From this many nodes a lab is big: only visible elements render, WAN lines are drawn lighter. */
const BIG_LAB_NODES = 300;
/** The least zoom of small labs (a big lab may zoom out as far as it takes to fit). */
const MIN_ZOOM = 0.2;
/** Room fitView leaves around the lab: the packet legend sits at the top, controls at the bottom. */
const FIT_PAD = { top: 72, bottom: 48, x: 48 };
/** fitView's options (the canvas fits on open, load, generate and auto layout). */
export const FIT = { padding: { top: `${FIT_PAD.top}px`, bottom: `${FIT_PAD.bottom}px`, x: `${FIT_PAD.x}px` }, maxZoom: 1.3 } as const;

function useBigLab(): boolean {
  return useLab((s) => s.doc.nodes.length >= BIG_LAB_NODES);
}

/** What the canvas draws; LabCanvas provides it, so thousands of nodes and links do not each subscribe to both stores. */
export interface CanvasDetail {
  isFar: boolean;
  isBig: boolean;
}

/** The level of detail, for the canvas's nodes and links (see {@link useCanvasDetail}). */
export const CanvasDetailContext = createContext<CanvasDetail>({ isFar: false, isBig: false });

/** Whether the lab is big. */
export function useIsBigLab(): boolean {
  return useContext(CanvasDetailContext).isBig;
}

/**
 * Whether the canvas draws a big lab as a map of tiles (zoomed out below {@link FAR_ZOOM}).
 * Small labs always draw in full: they cost little, and a small canvas zoomed out stays as it was.
 */
export function useIsFar(): boolean {
  return useContext(CanvasDetailContext).isFar;
}

/** The lab's extent in canvas units (nodes at their default size; unplaced nodes ignored). */
function extent(nodes: readonly { kind: string; position?: { x: number; y: number } }[]): { width: number; height: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    if (!n.position) continue;
    const s = nodeSize(n.kind);
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + s.width);
    y1 = Math.max(y1, n.position.y + s.height);
  }
  return x1 > x0 ? { width: x1 - x0, height: y1 - y0 } : { width: 0, height: 0 };
}

/** The canvas's level of detail and the least zoom that still fits the whole lab. */
export function useCanvasDetail(): { detail: CanvasDetail; minZoom: number } {
  const nodes = useLab((s) => s.doc.nodes);
  const isBig = useBigLab();
  const zoomedOut = useStore((s) => s.transform[2] < FAR_ZOOM);
  const isFar = isBig && zoomedOut;
  const detail = useMemo(() => ({ isFar, isBig }), [isFar, isBig]);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const size = useMemo(() => extent(nodes), [nodes]);
  let minZoom = MIN_ZOOM;
  if (size.width > 0 && width > 0 && height > 0) {
    const fit = Math.min((width - 2 * FIT_PAD.x) / size.width, (height - FIT_PAD.top - FIT_PAD.bottom) / size.height);
    minZoom = Math.max(0.005, Math.min(MIN_ZOOM, fit * 0.8));
  }
  return { detail, minZoom };
}
