/**
 * A link on the canvas: a straight line between the two nodes' borders, its latency (and NAT
 * side) as a label, dashed when down (in the document or in the live run), amber when a live
 * impairment is active, and the sample of packets in flight as dots coloured by kind.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { useLabStore } from '../store/context.tsx';
import { lerp, linkSegment, type Box } from './edge-geometry.ts';
import type { LabEdge, LabNode } from './flow-model.ts';
import { useIsBigLab, useIsFar } from './useCanvasDetail.ts';
import { useLiveLink } from './useLiveEntry.ts';

/** A node's box on the canvas (before measuring, its default size). */
export function box(n: InternalNode<LabNode>): Box {
  return { ...n.internals.positionAbsolute, width: n.measured.width ?? 150, height: n.measured.height ?? 52 };
}

function formatMs(v: number): string {
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ms`;
}

function LinkEdgeImpl({ id, source, target, data, selected }: EdgeProps<LabEdge>) {
  const a = useInternalNode<LabNode>(source);
  const b = useInternalNode<LabNode>(target);
  const store = useLabStore();
  // Primitive selectors: the snapshot's throughput figures change all the time and are not drawn here.
  const isLiveDown = useLiveLink(id, (l) => l?.up === false);
  const impaired = useLiveLink(id, (l) => l?.impaired === true);
  // On a big lab, labels nobody can read are not drawn: none zoomed out, and zoomed in (thousands
  // of "15 ms" over the grid) only those that say more than a latency or are selected.
  const isFar = useIsFar();
  const isBig = useIsBigLab();
  if (!a || !b || !data) return null;
  const { link, offset, isWan: wan } = data;
  const seg = linkSegment(box(a), box(b), offset);
  const path = `M ${seg.from.x},${seg.from.y} L ${seg.to.x},${seg.to.y}`;
  const down = link.up === false || isLiveDown;
  // The label sits beside the line (above it, or right of a vertical one) so it never hides
  // the packets riding the link.
  const centre = lerp(seg.from, seg.to, 0.5);
  const up = seg.normal.y < 0 || (seg.normal.y === 0 && seg.normal.x > 0) ? 1 : -1;
  const mid = { x: centre.x + seg.normal.x * up * 13, y: centre.y + seg.normal.y * up * 13 };
  const cls = ['link-edge', wan ? 'wan' : 'lan', down && 'down', impaired && 'impaired', selected && 'selected'].filter(Boolean).join(' ');
  const latency = link.latencyMs ?? 1;
  const nat = link.nat ?? null;
  const loss = link.lossPct ?? 0;
  return (
    <>
      <BaseEdge id={id} path={path} className={cls} interactionWidth={16} />
      {!isFar && (!isBig || selected || down || impaired || nat !== null || loss > 0) && (
        <EdgeLabelRenderer>
          <div
            className={`link-label nodrag nopan${selected ? ' selected' : ''}${down ? ' down' : ''}${impaired ? ' impaired' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${mid.x}px, ${mid.y}px)` }}
            onClick={() => store.getState().select([], [id])}
            aria-hidden="true"
          >
            {formatMs(latency)}
            {loss > 0 && <span className="link-loss"> · {loss} % loss</span>}
            {down && <span className="link-down-tag"> · down</span>}
            {nat && (
              <span className="nat-tag" title={`NAT: ${nat.inside} is inside`}>
                NAT ▸ {nat.inside}
              </span>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

/** The custom edge type of every link. */
export const LinkEdge = memo(LinkEdgeImpl);
