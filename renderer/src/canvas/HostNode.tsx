/** A client or server: icon, label and kind. Hosts have no recovery settings or live badges. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { KIND_NAMES, nodeName } from '../design/doc-model.ts';
import type { LabNode } from './flow-model.ts';
import { KindIcon } from './node-icons.tsx';
import { NodeHandles } from './NodeHandles.tsx';

function HostNodeImpl({ data, selected, isConnectable }: NodeProps<LabNode>) {
  const n = data.doc;
  return (
    <div className={`lab-node host-node kind-${n.kind}${selected ? ' selected' : ''}`}>
      <NodeHandles connectable={isConnectable} />
      <div className="lab-node-head">
        <span className="lab-node-icon">
          <KindIcon kind={n.kind} />
        </span>
        <span className="lab-node-text">
          <span className="lab-node-label">{nodeName(n)}</span>
          <span className="lab-node-sub">{KIND_NAMES[n.kind]}</span>
        </span>
      </div>
    </div>
  );
}

/** The custom node type of clients and servers. */
export const HostNode = memo(HostNodeImpl);
