/** The head every canvas node shares: its kind's icon, its name, and a line under it. */
import type { ReactNode } from 'react';
import type { DocNode } from '../design/doc-model.ts';
import { nodeName } from '../design/doc-model.ts';
import { KindIcon } from './node-icons.tsx';

/** Icon, name and subtitle of a node. */
export function NodeHead({ node, sub }: { node: DocNode; sub: ReactNode }) {
  return (
    <div className="lab-node-head">
      <span className="lab-node-icon">
        <KindIcon kind={node.kind} />
      </span>
      <span className="lab-node-text">
        <span className="lab-node-label">{nodeName(node)}</span>
        <span className="lab-node-sub">{sub}</span>
      </span>
    </div>
  );
}
