/** A client or server: icon, label and kind. Hosts have no recovery settings or live badges. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { KIND_NAMES } from '../design/doc-model.ts';
import type { LabNode } from './flow-model.ts';
import { NodeHead } from './NodeHead.tsx';
import { NodeFrame } from './NodeHandles.tsx';

function HostNodeImpl({ id, data, selected, isConnectable }: NodeProps<LabNode>) {
  const n = data.doc;
  const cls = `lab-node host-node kind-${n.kind}${selected ? ' selected' : ''}`;
  return (
    <NodeFrame id={id} className={cls} connectable={isConnectable}>
      <NodeHead node={n} sub={KIND_NAMES[n.kind]} />
    </NodeFrame>
  );
}

/** The custom node type of clients and servers. */
export const HostNode = memo(HostNodeImpl);
