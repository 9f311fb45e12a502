/** A client or server: icon, label and kind. Hosts have no recovery settings or live badges. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { KIND_NAMES } from '../design/doc-model.ts';
import type { LabNode } from './flow-model.ts';
import { NodeHead } from './NodeHead.tsx';
import { NodeHandles } from './NodeHandles.tsx';
import { useIsFar } from './useCanvasDetail.ts';
import { useHandlesMeasured } from './useHandlesMeasured.ts';

function HostNodeImpl({ id, data, selected, isConnectable }: NodeProps<LabNode>) {
  const n = data.doc;
  const cls = `lab-node host-node kind-${n.kind}${selected ? ' selected' : ''}`;
  useHandlesMeasured(id);
  // A far tile of a big lab has only its (hidden) handles inside (see RouterNode).
  if (useIsFar())
    return (
      <div className={cls}>
        <NodeHandles connectable={isConnectable} />
      </div>
    );
  return (
    <div className={cls}>
      <NodeHandles connectable={isConnectable} />
      <NodeHead node={n} sub={KIND_NAMES[n.kind]} />
    </div>
  );
}

/** The custom node type of clients and servers. */
export const HostNode = memo(HostNodeImpl);
