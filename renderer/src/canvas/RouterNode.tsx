/**
 * A spoke or hub: icon, label, kind and software version, the recovery mode it runs (marked
 * when it overrides the authority) and, during a live run, whether it is up, its sessions and
 * how many of them are in outage — read from the store by id (RouterLiveBadges.tsx), never through
 * React Flow's nodes.
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { DEFAULT_SOFTWARE_VERSION } from '../../../engine/index.ts';
import { KIND_NAMES } from '../design/doc-model.ts';
import type { LabNode } from './flow-model.ts';
import { NodeHead } from './NodeHead.tsx';
import { NodeFrame } from './NodeHandles.tsx';
import { RouterLiveBadges } from './RouterLiveBadges.tsx';
import { useLiveRouter } from './useLiveEntry.ts';
import { useAuthorityMode } from './useAuthorityMode.ts';

function modeText(mode: string, timeoutSec: number): string {
  return mode === 'inactivity-based' ? `inactivity ${timeoutSec} s` : 'packet-based';
}

function RouterNodeImpl({ id, data, selected, isConnectable }: NodeProps<LabNode>) {
  const n = data.doc;
  const override = n.kind === 'spoke' || n.kind === 'hub' ? n.sessionRecoveryDetection : undefined;
  const version = (n.kind === 'spoke' || n.kind === 'hub' ? n.softwareVersion : undefined) ?? DEFAULT_SOFTWARE_VERSION;
  const authority = useAuthorityMode();
  // Primitive selectors on this router's own entry: a snapshot that leaves its values alone
  // does not re-render it (nor even runs these selectors: see useLiveEntry.ts).
  const isDown = useLiveRouter(id, (b) => b?.up === false);
  const hasOutage = useLiveRouter(id, (b) => (b?.inOutage ?? 0) > 0);
  const liveMode = useLiveRouter(id, (b) => b?.mode);
  const liveTimeout = useLiveRouter(id, (b) => b?.timeoutSec);
  const mode = liveMode ?? override?.mode ?? authority.mode;
  const timeout = liveTimeout ?? override?.inactivityTimeoutSec ?? authority.timeoutSec;
  const overridden = override !== undefined && Object.keys(override).length > 0;
  const cls = `lab-node router-node kind-${n.kind}${selected ? ' selected' : ''}${isDown ? ' is-down' : ''}${hasOutage ? ' has-outage' : ''}`;
  return (
    <NodeFrame id={id} className={cls} connectable={isConnectable}>
      <NodeHead node={n} sub={`${KIND_NAMES[n.kind]} · ${version}`} />
      <div className="lab-node-badges">
        <span className={`mode-badge mode-${mode}`} title={overridden ? 'Overrides the authority setting' : 'Authority setting'}>
          {modeText(mode, timeout)}
          {overridden && <span className="override-mark"> ✱</span>}
        </span>
        <RouterLiveBadges id={id} />
      </div>
    </NodeFrame>
  );
}

/** The custom node type of spokes and hubs. */
export const RouterNode = memo(RouterNodeImpl);
