/**
 * Connection handles. Links are undirected and drawn border to border, so the four side handles
 * are all sources (the canvas connects in loose mode: drag from any side). A fifth, invisible
 * handle covers the whole node as a drop target — React Flow only makes it catch the pointer
 * while a link is being drawn — so a link can be dropped anywhere on the other node.
 */
import { Handle, Position } from '@xyflow/react';

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
