/** While a run is live: which colour is which packet kind. */
import { Panel } from '@xyflow/react';
import { PACKET_COLORS, PACKET_KINDS, PACKET_LABELS } from '../design/packet-colors.ts';
import { useLab } from '../store/context.tsx';

/** The packet colour legend (only while live data is shown). */
export function PacketLegend() {
  const isLive = useLab((s) => s.live !== null);
  if (!isLive) return null;
  return (
    <Panel position="top-left" className="packet-legend" aria-label="Packet colours">
      {PACKET_KINDS.map((k) => (
        <span key={k} className="packet-legend-item">
          <span className="packet-swatch" style={{ background: PACKET_COLORS[k] }} aria-hidden="true" />
          {PACKET_LABELS[k]}
        </span>
      ))}
    </Panel>
  );
}
