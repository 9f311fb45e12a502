/**
 * One colour per packet kind, for the dots in flight on the canvas and for legends. Mid-tone,
 * saturated hues that read on both the light and the dark canvas (dots get a thin outline in
 * the panel colour so they stand out from the link they ride on).
 */
import type { PacketDot } from '../../../engine/index.ts';

/** A packet kind as live snapshots name it. */
export type PacketKind = PacketDot['kind'];

/** Every packet kind, legend order. */
export const PACKET_KINDS: readonly PacketKind[] = ['data', 'metadata', 'health-check', 'ack', 'enable-metadata', 'disable-forward-metadata', 'bfd', 'scanner'];

/** The colour of each kind. */
export const PACKET_COLORS: Record<PacketKind, string> = {
  data: '#3b82f6',
  metadata: '#a855f7',
  'health-check': '#f59e0b',
  ack: '#22c55e',
  'enable-metadata': '#ef4444',
  'disable-forward-metadata': '#06b6d4',
  bfd: '#94a3b8',
  scanner: '#ec4899',
};

/** Human names for legends. */
export const PACKET_LABELS: Record<PacketKind, string> = {
  data: 'Data',
  metadata: 'Metadata',
  'health-check': 'Health check',
  ack: 'Acknowledgement',
  'enable-metadata': 'enable-metadata',
  'disable-forward-metadata': 'disable-forward-metadata',
  bfd: 'BFD',
  scanner: 'Scanner probe',
};
