/**
 * A spoke or hub: icon, label, kind and software version, the recovery mode it runs (marked
 * when it overrides the authority) and, during a live run, whether it is up, its sessions and
 * how many of them are in outage — read from the store by id, never through React Flow's nodes.
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_SOFTWARE_VERSION } from '../../../engine/index.ts';
import { AUTHORITY_DEFAULTS, KIND_NAMES } from '../design/doc-model.ts';
import { useLab } from '../store/context.tsx';
import type { LabNode } from './flow-model.ts';
import { NodeHead } from './NodeHead.tsx';
import { NodeHandles } from './NodeHandles.tsx';

function modeText(mode: string, timeoutSec: number): string {
  return mode === 'inactivity-based' ? `inactivity ${timeoutSec} s` : 'packet-based';
}

function RouterNodeImpl({ id, data, selected, isConnectable }: NodeProps<LabNode>) {
  const n = data.doc;
  const override = n.kind === 'spoke' || n.kind === 'hub' ? n.sessionRecoveryDetection : undefined;
  const version = (n.kind === 'spoke' || n.kind === 'hub' ? n.softwareVersion : undefined) ?? DEFAULT_SOFTWARE_VERSION;
  const authority = useLab(useShallow((s) => {
    const d = s.doc.authority?.sessionRecoveryDetection;
    return { mode: d?.mode ?? AUTHORITY_DEFAULTS.sessionRecoveryDetection.mode, timeout: d?.inactivityTimeoutSec ?? AUTHORITY_DEFAULTS.sessionRecoveryDetection.inactivityTimeoutSec };
  }));
  const live = useLab(useShallow((s) => {
    const r = s.live?.routers[id];
    return r ? { up: r.up, sessions: r.sessions, inOutage: r.inOutage, mode: r.mode, timeoutSec: r.timeoutSec } : null;
  }));
  const mode = live?.mode ?? override?.mode ?? authority.mode;
  const timeout = live?.timeoutSec ?? override?.inactivityTimeoutSec ?? authority.timeout;
  const overridden = override !== undefined && Object.keys(override).length > 0;
  return (
    <div className={`lab-node router-node kind-${n.kind}${selected ? ' selected' : ''}${live && !live.up ? ' is-down' : ''}`}>
      <NodeHandles connectable={isConnectable} />
      <NodeHead node={n} sub={`${KIND_NAMES[n.kind]} · ${version}`} />
      <div className="lab-node-badges">
        <span className={`mode-badge mode-${mode}`} title={overridden ? 'Overrides the authority setting' : 'Authority setting'}>
          {modeText(mode, timeout)}
          {overridden && <span className="override-mark"> ✱</span>}
        </span>
        {live && (
          <span className="live-badges">
            <span className={`live-state ${live.up ? 'up' : 'down'}`}>{live.up ? 'up' : 'down'}</span>
            <span className="live-sessions" title="Sessions on this router">
              {live.sessions} sess
            </span>
            {live.inOutage > 0 && (
              <span className="live-outage" title="Sessions in outage">
                {live.inOutage} out
              </span>
            )}
          </span>
        )}
      </div>
    </div>
  );
}

/** The custom node type of spokes and hubs. */
export const RouterNode = memo(RouterNodeImpl);
