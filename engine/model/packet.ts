import type { AppSession } from './app-session.ts';

/** Bits of {@link Packet}'s packed small fields. */
const enum PF {
  KindMask = 0x7,
  DirShift = 3,
  ProtoShift = 4,
  ProtoMask = 0xff << 4,
  Md = 1 << 12,
  Probe = 1 << 13,
  Mis = 1 << 14,
  AppKindShift = 15,
  AppKindMask = 0x7 << 15,
}

/**
 * One packet in flight. Objects are pooled and reused; `reset` clears every field.
 * Routers read only the wire fields (kinds, tuples, metadata flags, nonce, epoch); `app`,
 * `appKind` and `sendTime` exist for hosts and metrics and must never drive router logic.
 *
 * A packet on a long link has left the cache by the time it arrives (thousands of others went
 * by meanwhile), so its size is what an arrival costs: the small fields (kind, direction,
 * protocol, the flags, the application role) share one integer behind accessors, and the
 * fields an arrival reads come first.
 */
export class Packet {
  /** On a link: the packet after it, when it arrives and its event sequence number (see `LinkDir`). */
  nextQ: Packet | null = null;
  arrT = 0;
  arrSeq = 0;
  /** kind, dir, proto, md, probe, mis and appKind, packed (see PF). */
  private f = 0;
  oSrcAddr = 0;
  oSrcPort = 0;
  oDstAddr = 0;
  oDstPort = 0;
  /** Health-check nonce carried (0 = none); for acknowledgements, the nonce acknowledged. */
  hc = 0;
  /**
   * Lookup hints of a data packet: where its session's entry sat in the LAN table of the first
   * router and in the WAN table of the next, the last time (-1: none). Routers check them
   * against the key (see TupleMap.getHinted): they speed lookups up and never change them.
   */
  lanHint = -1;
  wanHint = -1;
  cAddr = 0;
  cPort = 0;
  svc = 0;
  sAddr = 0;
  sPort = 0;
  app: AppSession | null = null;
  /** Application bytes. */
  bytes = 0;
  /** Bytes on the wire (application bytes plus what the model adds). */
  wire = 0;
  sendTime = 0;
  /** BFD: the sender's boot epoch. */
  epoch = 0;

  get kind(): number {
    return this.f & PF.KindMask;
  }
  set kind(v: number) {
    this.f = (this.f & ~PF.KindMask) | v;
  }
  get dir(): number {
    return (this.f >> PF.DirShift) & 1;
  }
  set dir(v: number) {
    this.f = (this.f & ~(1 << PF.DirShift)) | (v << PF.DirShift);
  }
  get proto(): number {
    return (this.f & PF.ProtoMask) >> PF.ProtoShift;
  }
  set proto(v: number) {
    this.f = (this.f & ~PF.ProtoMask) | (v << PF.ProtoShift);
  }
  /** Carries session metadata. */
  get md(): boolean {
    return (this.f & PF.Md) !== 0;
  }
  set md(v: boolean) {
    this.f = v ? this.f | PF.Md : this.f & ~PF.Md;
  }
  /** For enable-metadata: it answers a health check (attribution only). */
  get probe(): boolean {
    return (this.f & PF.Probe) !== 0;
  }
  set probe(v: boolean) {
    this.f = v ? this.f | PF.Probe : this.f & ~PF.Probe;
  }
  /** Carried into another session by a stale outer tuple (its inner tuple was rewritten). */
  get mis(): boolean {
    return (this.f & PF.Mis) !== 0;
  }
  set mis(v: boolean) {
    this.f = v ? this.f | PF.Mis : this.f & ~PF.Mis;
  }
  get appKind(): number {
    return (this.f & PF.AppKindMask) >> PF.AppKindShift;
  }
  set appKind(v: number) {
    this.f = (this.f & ~PF.AppKindMask) | (v << PF.AppKindShift);
  }

  /** Clears the packet for reuse. */
  reset(): void {
    this.nextQ = null;
    this.f = 0;
    this.oSrcAddr = 0;
    this.oSrcPort = 0;
    this.oDstAddr = 0;
    this.oDstPort = 0;
    this.hc = 0;
    this.lanHint = -1;
    this.wanHint = -1;
    this.cAddr = 0;
    this.cPort = 0;
    this.svc = 0;
    this.sAddr = 0;
    this.sPort = 0;
    this.app = null;
    this.bytes = 0;
    this.wire = 0;
    this.sendTime = 0;
    this.epoch = 0;
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
