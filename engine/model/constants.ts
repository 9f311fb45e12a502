/** Numeric enums shared by the model. Small integers keep hot structures flat and fast. */

/** Event kinds (also folded into the fingerprint). */
export const enum Ev {
  LinkArrival = 1,
  AppStart = 2,
  AppTick = 3,
  ServerTick = 4,
  Retransmit = 5,
  AppTimeout = 6,
  HealthCheckDeadline = 7,
  SessionExpiry = 8,
  BfdTick = 9,
  Fault = 10,
  NodeUp = 11,
  Sample = 12,
  ScanTick = 13,
  LinkTimer = 14,
}

/** Event kind names by number (Ev), for divergence reports and logs. */
export const EVENT_KIND_NAMES: readonly string[] = [
  '',
  'packet-arrival',
  'app-start',
  'app-tick',
  'server-tick',
  'retransmit',
  'app-timeout',
  'health-check-deadline',
  'session-expiry',
  'bfd-tick',
  'fault',
  'node-up',
  'sample',
  'scan-tick',
  'link-timer',
];

/** Packet kinds. */
export const enum Pk {
  Data = 0,
  Bfd = 1,
  EnableMetadata = 2,
  HealthCheckAck = 3,
  DisableForwardMetadata = 4,
  Scan = 5,
}

/** Application packet roles (hosts only; routers never read them). */
export const enum App {
  Request = 0,
  Response = 1,
  Data = 2,
  Ack = 3,
}

/** Direction of a packet relative to its session: forward is client→server. */
export const FWD = 0;
/** Reverse: server→client. */
export const REV = 1;

/** Loss causes, in the order of the run summary's `lostBy`. */
export const LOSS_CAUSES = ['node-down', 'link-down', 'link-loss', 'queue', 'no-flow', 'nat', 'misdelivered'] as const;
/** A loss cause's name. */
export type LossCause = (typeof LOSS_CAUSES)[number];
/** Loss cause indices. */
export const enum Loss {
  NodeDown = 0,
  LinkDown = 1,
  LinkLoss = 2,
  Queue = 3,
  NoFlow = 4,
  Nat = 5,
  /** Reached a host in another session (a stale outer tuple carried it there). */
  Misdelivered = 6,
}

/** Kinds of observable action folded into the fingerprint besides the events themselves. */
export const enum Act {
  /** A packet put on a link: (direction index, Send | kind << 2 | hc << 1 | md). */
  Send = 0x100000,
  /** A packet lost: (where, Drop | cause << 4 | kind). */
  Drop = 0x200000,
  /** An application packet reached a host: (session id, Deliver | misdelivered). */
  Deliver = 0x300000,
  /** A router counter moved: (router node, Counter | counter id). */
  Counter = 0x400000,
}

/** How a session came back, in the order of the run summary's `recoveredBy`. */
export const RECOVERY_KINDS = ['packet-based', 'health-check', 'bfd', 'failover', 'metadata', 'new-session', 'none'] as const;
/** A recovery kind's name. */
export type RecoveryKind = (typeof RECOVERY_KINDS)[number];
/** Recovery kind indices (0 = nothing recorded yet). */
export const enum Rec {
  Unset = -1,
  PacketBased = 0,
  HealthCheck = 1,
  Bfd = 2,
  Failover = 3,
  Metadata = 4,
  NewSession = 5,
  None = 6,
}

/** Control overhead kinds, in the order of the run summary's `control`. */
export const CONTROL_KINDS = ['sessionMetadata', 'healthCheck', 'ack', 'enableMetadata', 'disableForwardMetadata', 'bfd'] as const;
/** A control kind's name. */
export type ControlKind = (typeof CONTROL_KINDS)[number];
/** Control kind indices. */
export const enum Ctl {
  SessionMetadata = 0,
  HealthCheck = 1,
  Ack = 2,
  EnableMetadata = 3,
  DisableForwardMetadata = 4,
  Bfd = 5,
}

/** Byte sizes of what the model adds to the wire (ssr-model.md §3, an assumption). */
export const BYTES = {
  metadataHeader: 12,
  sessionMetadata: 100,
  healthCheckAttr: 5,
  healthCheckAlone: 17,
  controlPacket: 60,
  bfdPacket: 60,
} as const;

/** First and last wayport (ssr-model.md §3). */
export const WAYPORT_MIN = 16384;
/** Highest usable wayport. */
export const WAYPORT_MAX = 65534;
/** Port BFD uses on the waypoint (fixed; only NAT translation makes it vary). */
export const BFD_PORT = 1280;
/** Minimum gap between two disable-forward-metadata packets of one session (µs). */
export const DISABLE_FWD_MIN_GAP_US = 100_000;
/** Time-series sampling period (µs). */
export const SAMPLE_US = 100_000;
