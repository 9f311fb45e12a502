/**
 * A spoke or hub: icon, label, kind and software version, the recovery mode it runs (marked
 * when it overrides the authority) and, during a live run, whether it is up, its sessions and
 * how many of them are in outage — read from the store by id (RouterLiveBadges.tsx), never through
 * React Flow's nodes.
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { DEFAULT_SOFTWARE_VERSION } from '../../../engine/index.ts';
import { AUTHORITY_DEFAULTS, KIND_NAMES } from '../design/doc-model.ts';
import { useLab } from '../store/context.tsx';
import type { LabNode } from './flow-model.ts';
import { NodeHead } from './NodeHead.tsx';
import { NodeHandles } from './NodeHandles.tsx';
import { RouterLiveBadges } from './RouterLiveBadges.tsx';

function modeText(mode: string, timeoutSec: number): string {
  return mode === 'inactivity-based' ? `inactivity ${timeoutSec} s` : 'packet-based';
}

function RouterNodeImpl({ id, data, selected, isConnectable }: NodeProps<LabNode>) {
  const n = data.doc;
  const override = n.kind === 'spoke' || n.kind === 'hub' ? n.sessionRecoveryDetection : undefined;
  const version = (n.kind === 'spoke' || n.kind === 'hub' ? n.softwareVersion : undefined) ?? DEFAULT_SOFTWARE_VERSION;
  const authorityMode = useLab((s) => s.doc.authority?.sessionRecoveryDetection?.mode ?? AUTHORITY_DEFAULTS.sessionRecoveryDetection.mode);
  const authorityTimeout = useLab((s) => s.doc.authority?.sessionRecoveryDetection?.inactivityTimeoutSec ?? AUTHORITY_DEFAULTS.sessionRecoveryDetection.inactivityTimeoutSec);
  // Primitive selectors: a snapshot that leaves this router's values alone does not re-render it.
  const isDown = useLab((s) => s.live?.routers[id]?.up === false);
  const hasOutage = useLab((s) => (s.live?.routers[id]?.inOutage ?? 0) > 0);
  const liveMode = useLab((s) => s.live?.routers[id]?.mode);
  const liveTimeout = useLab((s) => s.live?.routers[id]?.timeoutSec);
  const mode = liveMode ?? override?.mode ?? authorityMode;
  const timeout = liveTimeout ?? override?.inactivityTimeoutSec ?? authorityTimeout;
  const overridden = override !== undefined && Object.keys(override).length > 0;
  return (
    <div className={`lab-node router-node kind-${n.kind}${selected ? ' selected' : ''}${isDown ? ' is-down' : ''}${hasOutage ? ' has-outage' : ''}`}>
      <NodeHandles connectable={isConnectable} />
      <NodeHead node={n} sub={`${KIND_NAMES[n.kind]} · ${version}`} />
      <div className="lab-node-badges">
        <span className={`mode-badge mode-${mode}`} title={overridden ? 'Overrides the authority setting' : 'Authority setting'}>
          {modeText(mode, timeout)}
          {overridden && <span className="override-mark"> ✱</span>}
        </span>
        <RouterLiveBadges id={id} />
      </div>
    </div>
  );
}

/** The custom node type of spokes and hubs. */
export const RouterNode = memo(RouterNodeImpl);
