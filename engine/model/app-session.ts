import type { TrafficRuntime } from './traffic.ts';

/**
 * One application session (a client's connection to a server) and everything measured about
 * it. Hosts drive it; metrics read it. Routers never see it (except to hand it on, opaque,
 * inside packets, for measurement).
 */
export class AppSession {
  /** Generation: bumped to cancel pending timers. */
  gen = 0;
  active = true;
  failed = false;
  gaveUp = false;
  /** Time the client stopped the session (stopMs or give-up), µs; -1 while open. */
  endedAt = -1;
  // client
  nextSendAt = 0;
  /** Send time of the first packet the client still expects an answer to; -1 when none. */
  expectSince = -1;
  outstanding = false;
  /** Incremented per new request: pending retransmission timers of older ones are ignored. */
  reqId = 0;
  rtoUs = 1_000_000;
  timeoutArmed = false;
  rxSinceAck = 0;
  // server
  serverLink = -1;
  serverStarted = false;
  serverTicking = false;
  serverRxSinceAck = 0;
  // measurement
  sent = 0;
  delivered = 0;
  lost = 0;
  /** Send time of the first undelivered packet per direction; -1 when none outstanding. */
  lostSince0 = -1;
  lostSince1 = -1;
  inOutage = false;
  outageStart = 0;
  outages = 0;
  outageTotalUs = 0;
  outageMaxUs = 0;
  /** Mechanism that acted during the current outage (Rec), -1 if none yet. */
  cause = -1;
  /** Mechanism of the last outage that ended (Rec), -1 if never affected. */
  recoveredBy = -1;
  /** Number of router sessions currently holding state for this session. */
  routerRefs = 0;
  /** The session the client opened after giving up on this one. */
  successor: AppSession | null = null;

  constructor(
    /** Index in the run's session list (also the emulator session id). */
    readonly id: number,
    readonly traffic: TrafficRuntime,
    readonly cPort: number,
    readonly createdAt: number,
    /** Per-session offset of the burst phase, µs. */
    readonly phaseUs: number,
    /** The session this one replaces after a give-up, if any. */
    readonly predecessor: AppSession | null,
  ) {}
}
