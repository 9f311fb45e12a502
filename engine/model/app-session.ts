import type { TrafficRuntime } from './traffic.ts';

const enum AF {
  Active = 1,
  Failed = 2,
  GaveUp = 4,
  Outstanding = 8,
  TimeoutArmed = 16,
  ServerStarted = 32,
  ServerTicking = 64,
  InOutage = 128,
}

/**
 * One application session (a client's connection to a server) and everything measured about
 * it. Hosts drive it; metrics read it. Routers never see it (except to hand it on, opaque,
 * inside packets, for measurement). Booleans share one integer to keep 100 000 sessions small.
 */
export class AppSession {
  // Fields in the order a packet needs them (the flags and generation at a tick, the lookup
  // hints and counters at a send or a delivery): a session's hot fields share cache lines.
  private f = AF.Active;
  /** Generation: bumped to cancel pending timers. */
  gen = 0;
  /** Lookup hints its packets carry (see Packet.lanHint): forward LAN, forward WAN, reverse LAN, reverse WAN. */
  fwdLanHint = -1;
  fwdWanHint = -1;
  revLanHint = -1;
  revWanHint = -1;
  sent = 0;
  delivered = 0;
  serverLink = -1;
  /** Send time of the first packet the client still expects an answer to; -1 when none. */
  expectSince = -1;
  /** Outage bookkeeping, created at the session's first lost packet (most sessions never need it). */
  o: AppOutage | null = null;
  lost = 0;
  /** Time the client stopped the session (stopMs or give-up), µs; -1 while open. */
  endedAt = -1;
  /** Incremented per new request: pending retransmission timers of older ones are ignored. */
  reqId = 0;
  rtoUs = 1_000_000;
  /** Packets received since the receiving side last acknowledged (TCP streams: every second). */
  ackCount = 0;
  /** Number of router sessions currently holding state for this session. */
  routerRefs = 0;

  constructor(
    /** Index in the run's session list (also the emulator session id). */
    readonly id: number,
    readonly traffic: TrafficRuntime,
    readonly cPort: number,
    readonly createdAt: number,
    /** Per-session offset of the burst phase, µs. */
    readonly phaseUs: number,
  ) {}

  /** Outages so far. */
  get outages(): number {
    return this.o?.outages ?? 0;
  }
  /** Total outage time, µs. */
  get outageTotalUs(): number {
    return this.o?.totalUs ?? 0;
  }
  /** Longest outage, µs. */
  get outageMaxUs(): number {
    return this.o?.maxUs ?? 0;
  }
  /** Mechanism of the last outage that ended (Rec), -1 if never affected. */
  get recoveredBy(): number {
    return this.o?.recoveredBy ?? -1;
  }
  set recoveredBy(v: number) {
    (this.o ??= new AppOutage()).recoveredBy = v;
  }
  /** The session the client opened after giving up on this one (kept with the outage: few sessions have one). */
  get successor(): AppSession | null {
    return this.o?.successor ?? null;
  }
  set successor(v: AppSession | null) {
    (this.o ??= new AppOutage()).successor = v;
  }

  private flag(b: AF): boolean {
    return (this.f & b) !== 0;
  }
  private setFlag(b: AF, v: boolean): void {
    this.f = v ? this.f | b : this.f & ~b;
  }

  /** The client still runs this session. */
  get active(): boolean {
    return this.flag(AF.Active);
  }
  set active(v: boolean) {
    this.setFlag(AF.Active, v);
  }
  /** Gave up, or still in outage at the end. */
  get failed(): boolean {
    return this.flag(AF.Failed);
  }
  set failed(v: boolean) {
    this.setFlag(AF.Failed, v);
  }
  /** The application timed out and reconnected. */
  get gaveUp(): boolean {
    return this.flag(AF.GaveUp);
  }
  set gaveUp(v: boolean) {
    this.setFlag(AF.GaveUp, v);
  }
  /** A TCP request waits for its answer. */
  get outstanding(): boolean {
    return this.flag(AF.Outstanding);
  }
  set outstanding(v: boolean) {
    this.setFlag(AF.Outstanding, v);
  }
  /** An application-timeout check is scheduled. */
  get timeoutArmed(): boolean {
    return this.flag(AF.TimeoutArmed);
  }
  set timeoutArmed(v: boolean) {
    this.setFlag(AF.TimeoutArmed, v);
  }
  /** The server has seen the session (stream-down/bidirectional start sending). */
  get serverStarted(): boolean {
    return this.flag(AF.ServerStarted);
  }
  set serverStarted(v: boolean) {
    this.setFlag(AF.ServerStarted, v);
  }
  /** The server's send timer runs. */
  get serverTicking(): boolean {
    return this.flag(AF.ServerTicking);
  }
  set serverTicking(v: boolean) {
    this.setFlag(AF.ServerTicking, v);
  }
  /** Some direction has lost a packet not yet followed by a delivered one. */
  get inOutage(): boolean {
    return this.flag(AF.InOutage);
  }
  set inOutage(v: boolean) {
    this.setFlag(AF.InOutage, v);
  }
}

/** What is measured about a session's outages (§7); exists once the session lost a packet. */
export class AppOutage {
  /** Send time of the first undelivered packet per direction; -1 when none outstanding. */
  lostSince0 = -1;
  lostSince1 = -1;
  /** Send time of the first packet lost in the current outage, µs. */
  start = 0;
  outages = 0;
  totalUs = 0;
  maxUs = 0;
  /** Mechanism that acted during the current outage (Rec), -1 if none yet. */
  cause = -1;
  /** Mechanism of the last outage that ended (Rec), -1 if never affected. */
  recoveredBy = -1;
  /** Every outage that ended, as triples (start µs, end µs, Rec or -1 when it ended in failure). */
  readonly list: number[] = [];
  /** The session the client opened after giving up on this one. */
  successor: AppSession | null = null;
}
