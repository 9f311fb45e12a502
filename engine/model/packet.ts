import type { AppSession } from './app-session.ts';

/**
 * One packet in flight. Objects are pooled and reused; `reset` clears every field.
 * Routers read only the wire fields (kinds, tuples, metadata flags, nonce, epoch); `app`,
 * `appKind` and `sendTime` exist for hosts and metrics and must never drive router logic.
 */
export class Packet {
  kind = 0;
  dir = 0;
  proto = 0;
  cAddr = 0;
  cPort = 0;
  sAddr = 0;
  sPort = 0;
  svc = 0;
  oSrcAddr = 0;
  oSrcPort = 0;
  oDstAddr = 0;
  oDstPort = 0;
  /** Carries session metadata. */
  md = false;
  /** Health-check nonce carried (0 = none); for acknowledgements, the nonce acknowledged. */
  hc = 0;
  /** For enable-metadata: it answers a health check (attribution only). */
  probe = false;
  /** BFD: the sender's boot epoch. */
  epoch = 0;
  /** Carried into another session by a stale outer tuple (its inner tuple was rewritten). */
  mis = false;
  /** Application bytes. */
  bytes = 0;
  /** Bytes on the wire (application bytes plus what the model adds). */
  wire = 0;
  app: AppSession | null = null;
  appKind = 0;
  sendTime = 0;
  /**
   * Lookup hints of a data packet: where its session's entry sat in the LAN table of the first
   * router and in the WAN table of the next, the last time (-1: none). Routers check them
   * against the key (see TupleMap.getHinted): they speed lookups up and never change them.
   */
  lanHint = -1;
  wanHint = -1;
  /** On a link: when it arrives, its event sequence number, and the packet after it (see `LinkDir`). */
  arrT = 0;
  arrSeq = 0;
  nextQ: Packet | null = null;

  /** Clears the packet for reuse. */
  reset(): void {
    this.kind = 0;
    this.dir = 0;
    this.proto = 0;
    this.cAddr = 0;
    this.cPort = 0;
    this.sAddr = 0;
    this.sPort = 0;
    this.svc = 0;
    this.oSrcAddr = 0;
    this.oSrcPort = 0;
    this.oDstAddr = 0;
    this.oDstPort = 0;
    this.md = false;
    this.hc = 0;
    this.probe = false;
    this.epoch = 0;
    this.mis = false;
    this.bytes = 0;
    this.wire = 0;
    this.app = null;
    this.appKind = 0;
    this.sendTime = 0;
    this.lanHint = -1;
    this.wanHint = -1;
    this.nextQ = null;
  }
}

/** A free list of packets. */
export class PacketPool {
  private free: Packet[] = [];

  /** A clean packet. */
  get(): Packet {
    return this.free.pop() ?? new Packet();
  }

  /** Returns a packet to the pool. */
  release(p: Packet): void {
    p.reset();
    if (this.free.length < 65536) this.free.push(p);
  }
}

/** Low half of a session's inner-tuple key: client port and service index (high half: client address). */
export function innerLo(cPort: number, svc: number): number {
  return (cPort << 16) | svc;
}

/** Low half of an outer-tuple key as the receiver sees it: source port and local wayport (high half: source address). */
export function outerLo(srcPort: number, dstPort: number): number {
  return (srcPort << 16) | dstPort;
}
