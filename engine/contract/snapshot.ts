/**
 * What a live run streams to the renderer, at most 20 times a second. Kept small (target
 * ≤ 64 KB): per-router badges and counters that changed, link states, a sample of packets in
 * flight for animation, and the log entries since the previous snapshot.
 */
import type { TraceEvent } from '../model/trace.ts';
import type { Fault } from '../scenario/schema.ts';

/** A router's badge. */
export interface RouterBadge {
  up: boolean;
  mode: 'packet-based' | 'inactivity-based';
  timeoutSec: number;
  version: string;
  sessions: number;
  /** Sessions on this router whose application session is in outage. */
  inOutage: number;
  exposure: number;
}
/** A link's live state. */
export interface LinkState {
  up: boolean;
  impaired: boolean;
  /** Throughput over the last sample, both directions, Mbit/s. */
  mbps: number;
}
/** A packet in flight, for animation (a sample, not every packet). */
export interface PacketDot {
  link: string;
  /** 0: from link.a to link.b; 1: the other way. */
  dir: 0 | 1;
  kind: 'data' | 'metadata' | 'health-check' | 'ack' | 'enable-metadata' | 'disable-forward-metadata' | 'bfd' | 'scanner';
  /** 0..1 along the link. */
  progress: number;
}
/** One live snapshot. */
export interface LiveSnapshot {
  runId: string | null;
  /** Virtual time, ms. */
  tMs: number;
  durationMs: number;
  state: 'running' | 'paused' | 'ended';
  speed: number | 'max';
  /** Virtual ÷ wall time actually achieved over the last second. */
  achievedSpeed: number;
  events: number;
  fingerprint: string;
  sessions: { active: number; inOutage: number; total: number; affected: number; failed: number };
  packets: { sent: number; delivered: number; lost: number };
  /** Routers whose badge changed since the previous snapshot (every router in a full one). */
  routers: Record<string, RouterBadge>;
  /** Links whose state changed since the previous snapshot (every link in a full one). */
  links: Record<string, LinkState>;
  packetsInFlight: PacketDot[];
  /** Counters that changed since the previous snapshot: router → path → value. */
  counters: Record<string, Record<string, number>>;
  /** Trace entries since the previous snapshot (capped; `logDropped` counts the rest). */
  log: TraceEvent[];
  logDropped: number;
  /**
   * Faults injected live that took effect since the previous snapshot (every one so far in a full one), for the
   * charts' marks; `index` is the fault's place in the run's fault log (a fault seen twice, in a
   * full snapshot and in the next one, is the same fault).
   */
  injected: { index: number; atMs: number; fault: Fault }[];
  /** The newest time-series points since the previous snapshot. */
  series: { tMs: number[]; sessionsInOutage: number[]; activeSessions: number[]; deliveredPps: number[]; lostPps: number[]; controlPps: Record<string, number[]> };
}
