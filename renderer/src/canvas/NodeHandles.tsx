/**
 * Connection handles. Links are undirected and drawn border to border, so the four side handles
 * are all sources (the canvas connects in loose mode: drag from any side). A fifth, invisible
 * handle covers the whole node as a drop target — React Flow only makes it catch the pointer
 * while a link is being drawn — so a link can be dropped anywhere on the other node.
 */
import type { ReactNode } from 'react';
import { Handle, Position } from '@xyflow/react';
import { useIsFar } from './useCanvasDetail.ts';
import { useHandlesMeasured } from './useHandlesMeasured.ts';

const SIDES = [
  ['t', Position.Top],
  ['r', Position.Right],
  ['b', Position.Bottom],
  ['l', Position.Left],
] as const;

/** The handles of a node. */
export function NodeHandles({ connectable }: { connectable: boolean }) {
  return (
    <>
      {SIDES.map(([id, pos]) => (
        <Handle key={id} id={id} type="source" position={pos} isConnectable={connectable} className="lab-handle" />
      ))}
      <Handle id="in" type="target" position={Position.Left} isConnectable={connectable} isConnectableStart={false} className="lab-drop-target" />
    </>
  );
}

/**
 * A node's box: its handles, then what it shows. A big lab zoomed out draws tiles
 * (canvas-detail.css) with only the handles inside (hidden: React Flow draws a link only
 * between nodes it has seen handles on), and their handles are measured again once drawn in full.
 */
export function NodeFrame({ id, className, connectable, children }: { id: string; className: string; connectable: boolean; children: ReactNode }) {
  useHandlesMeasured(id);
  const far = useIsFar();
  return (
    <div className={className}>
      <NodeHandles connectable={connectable} />
      {!far && children}
    </div>
  );
}
