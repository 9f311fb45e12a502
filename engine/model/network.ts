import type { Packet } from './packet.ts';
import type { RandomStream } from '../core/rng.ts';
import { COUNTER_COUNT } from '../metrics/counters.ts';
import { TupleMap } from '../core/tuple-map.ts';
import type { AppSession } from './app-session.ts';
import type { Fault } from '../scenario/schema.ts';

/** A link-impair fault. */
type LinkImpairFault = Extract<Fault, { type: 'link-impair' }>;

/**
 * One direction of a link: a FIFO of packets in flight (arrival times never decrease), linked
 * through the packets themselves (each carries its arrival time and the next packet). A large
 * lab has thousands of link directions, mostly holding one packet or none: a packet sent or
 * received touches that packet and this object, not ring buffers beside them.
 */
export class LinkDir {
  /** The packet that arrives next, null when none is in flight. */
  first: Packet | null = null;
  /** The packet that arrives last. */
  last: Packet | null = null;
  count = 0;
  lastArrival = 0;
  busyUntil = 0;
  /** Transmission end times of packets still in the serialiser queue (bandwidth > 0 only). */
  txEnds: number[] = [];
  txHead = 0;
  // effective parameters (base or impaired)
  latUs = 0;
  jitUs = 0;
  lossP = 0;
  bwBps = 0;
  /** Bytes sent since the last time-series sample. */
  windowBytes = 0;

  constructor(
    /** Index of this direction: link index * 2 + (0 a→b, 1 b→a). */
    readonly index: number,
    readonly from: number,
    readonly to: number,
  ) {}

  /** Appends a packet arriving at `time` (event sequence `seq`); returns true when the FIFO was empty before. */
  enqueue(time: number, seq: number, p: Packet): boolean {
    p.arrT = time;
    p.arrSeq = seq;
    p.nextQ = null;
    if (this.last === null) this.first = p;
    else this.last.nextQ = p;
    this.last = p;
    return ++this.count === 1;
  }

  /** Removes the head packet (there is one). */
  dequeue(): Packet {
    const p = this.first!;
    this.first = p.nextQ;
    if (this.first === null) this.last = null;
    p.nextQ = null;
    this.count--;
    return p;
  }

  /** The packets in flight, the next to arrive first. */
  *queued(): Generator<Packet> {
    for (let p = this.first; p !== null; p = p.nextQ) yield p;
  }
}

/** A NAT on a peer path: bindings from the inside router's ports to public ports. */
export class Nat {
  /** inside port → public port */
  readonly out = new Map<number, number>();
  /** public port → inside port */
  readonly back = new Map<number, number>();
  /** public port → last outbound use (µs) */
  readonly lastOut = new Map<number, number>();
  nextPublic = 30000;

  constructor(
    readonly inside: number,
    /** The NAT's public address (distinct from every node address). */
    readonly addr: number,
    readonly timeoutUs: number,
  ) {}

  /** The public port for an inside port, creating or refreshing the binding. */
  outbound(insidePort: number, now: number): number {
    let pub = this.out.get(insidePort);
    if (pub !== undefined && now - this.lastOut.get(pub)! >= this.timeoutUs) {
      this.out.delete(insidePort);
      this.back.delete(pub);
      this.lastOut.delete(pub);
      pub = undefined;
    }
    if (pub === undefined) {
      pub = this.nextPublic;
      this.nextPublic = pub >= 65000 ? 30000 : pub + 1;
      this.out.set(insidePort, pub);
      this.back.set(pub, insidePort);
    }
    this.lastOut.set(pub, now);
    return pub;
  }

  /** The inside port for a public port, or -1 when no live binding exists. */
  inbound(publicPort: number, now: number): number {
    const inside = this.back.get(publicPort);
    if (inside === undefined) return -1;
    if (now - this.lastOut.get(publicPort)! >= this.timeoutUs) return -1;
    return inside;
  }

  /** Forgets every binding (nat-rebind); new bindings use fresh public ports. */
  rebind(): void {
    this.out.clear();
    this.back.clear();
    this.lastOut.clear();
    this.nextPublic = this.nextPublic >= 60000 ? 30000 : this.nextPublic + 997;
  }
}

/** A link's configuration at run time (times in µs, loss as a probability). */
export interface LinkOptions {
  index: number;
  id: string;
  /** Node indices of its ends. */
  a: number;
  b: number;
  /** Joins two routers (a peer path). */
  isWan: boolean;
  latUs: number;
  jitUs: number;
  lossP: number;
  /** Bits per second, 0 for unlimited. */
  bwBps: number;
  queueLimit: number;
  up: boolean;
  rng: RandomStream;
}

/** A link at run time. */
export class LinkRt {
  up: boolean;
  /** Pending link-down timers are ignored unless their generation matches. */
  gen = 0;
  readonly dirs: [LinkDir, LinkDir];
  /** Peer-path state of each end (routers only). */
  pathA: PeerPath | null = null;
  pathB: PeerPath | null = null;
  nat: Nat | null = null;
  /** Impairments in force, in the order they started (later ones win where they overlap). */
  impairs: { id: number; fault: LinkImpairFault }[] = [];
  impairSeq = 0;

  readonly index: number;
  readonly id: string;
  readonly a: number;
  readonly b: number;
  readonly isWan: boolean;
  readonly baseLatUs: number;
  readonly baseJitUs: number;
  readonly baseLossP: number;
  readonly baseBwBps: number;
  readonly queueLimit: number;
  readonly rng: RandomStream;

  constructor(o: LinkOptions) {
    this.index = o.index;
    this.id = o.id;
    this.a = o.a;
    this.b = o.b;
    this.isWan = o.isWan;
    this.baseLatUs = o.latUs;
    this.baseJitUs = o.jitUs;
    this.baseLossP = o.lossP;
    this.baseBwBps = o.bwBps;
    this.queueLimit = o.queueLimit;
    this.rng = o.rng;
    this.up = o.up;
    this.dirs = [new LinkDir(o.index * 2, o.a, o.b), new LinkDir(o.index * 2 + 1, o.b, o.a)];
    for (const d of this.dirs) this.restore(d);
  }

  /** Puts a direction's parameters back to the link's configuration. */
  restore(d: LinkDir): void {
    d.latUs = this.baseLatUs;
    d.jitUs = this.baseJitUs;
    d.lossP = this.baseLossP;
    d.bwBps = this.baseBwBps;
  }

  /** Sets both directions to the base configuration with every impairment in force applied over it. */
  applyImpairments(): void {
    this.restore(this.dirs[0]);
    this.restore(this.dirs[1]);
    for (const { fault: f } of this.impairs) {
      const dirs = f.direction === 'both' ? this.dirs : f.direction === 'a-to-b' ? [this.dirs[0]] : [this.dirs[1]];
      for (const d of dirs) {
        if (f.lossPct !== undefined) d.lossP = f.lossPct / 100;
        if (f.latencyMs !== undefined) d.latUs = Math.round(f.latencyMs * 1000);
        if (f.jitterMs !== undefined) d.jitUs = Math.round(f.jitterMs * 1000);
        if (f.bandwidthMbps !== undefined) d.bwBps = f.bandwidthMbps * 1e6;
      }
    }
  }

  /** The direction that leaves node `from`. */
  dirFrom(from: number): LinkDir {
    return this.a === from ? this.dirs[0] : this.dirs[1];
  }

  /** The other end. */
  peerOf(n: number): number {
    return this.a === n ? this.b : this.a;
  }
}

/** One router's view of one peer path: BFD state and NAT role. */
export class PeerPath {
  up = true;
  lastHeard = 0;
  holdUntil = -1;
  peerEpoch = -1;
  /** Where the peer's BFD comes from, as seen here (NAT-translated for the outside router). */
  peerBfdAddr: number;
  peerBfdPort: number;

  readonly router: number;
  readonly link: number;
  readonly peer: number;
  readonly latUs: number;
  /** Rank of the link id (ties in routing break by link id). */
  readonly linkRank: number;
  /** This router is the inside of a NAT on this path. */
  readonly natInside: boolean;
  /** This router is the outside of a NAT on this path: it opens hops only through the pinhole. */
  readonly natOutside: boolean;

  constructor(o: { router: number; link: number; peer: number; latUs: number; linkRank: number; natInside: boolean; natOutside: boolean; peerAddr: number }) {
    this.router = o.router;
    this.link = o.link;
    this.peer = o.peer;
    this.latUs = o.latUs;
    this.linkRank = o.linkRank;
    this.natInside = o.natInside;
    this.natOutside = o.natOutside;
    this.peerBfdAddr = o.peerAddr;
    this.peerBfdPort = o.natOutside ? -1 : 1280;
  }
}

const enum WF {
  Fresh = 1,
  SendMd = 2,
  Pinhole = 4,
  Outside = 8,
  OwnsPorts = 16,
  Side1 = 32,
  /** Bits 6–7: metadata-carrying packets received since this side last sent (saturates at 3). */
  MdRxShift = 6,
  MdRxMask = 192,
}

/** A new WAN side: whose, which side, over which path, on which outer tuple. */
export interface WanSideOptions {
  sess: RouterSession;
  side: 0 | 1;
  path: PeerPath;
  /** Own wayport, the peer's address and wayport as seen here. */
  localPort: number;
  peerAddr: number;
  peerPort: number;
  /** Starts adding session metadata. */
  sendMd: boolean;
  /** Virtual time, µs (the peer counts as heard now). */
  now: number;
  /** The hop crosses a NAT. */
  pinhole: boolean;
}

/** The rarely used part of a {@link WanSide}. */
class WanExtra {
  aliases: number[] | null = null;
  lastDisableFwd = -1;
}

/**
 * A session side that faces a peer router (one SVR hop). Booleans, a small counter and the
 * two wayports share integers: with 100 000 sessions every field costs 0.8 MB per side.
 *
 * A side sends on one outer tuple (its own wayport, the peer's address and wayport) and is
 * found by that tuple. When both ends of a hop re-open it at once, each may pick its own
 * tuple; the side then also answers to the peer's (an alias), so packets in either direction
 * match and nobody tears anything down (ssr-model.md §3, re-attach).
 */
export class WanSide {
  private f: number;
  /** Own wayport in the low 16 bits, the peer's (as seen here) in the high 16. */
  private ports: number;
  /** What few sides need (aliases, a disable-forward-metadata sent): made on first use. */
  private x: WanExtra | null = null;
  // Starts undefined on purpose (as RouterSession.lastActivity): V8 then keeps each time stored
  // here as a small integer in the object. A field that starts as a number holds its value in a
  // box of its own once a double is stored, and times are doubles in the engine's optimized code:
  // 16 more bytes a field, 64 a session (past 1 KB a session at 100k sessions, bench). The price:
  // past 2^31 µs (35.8 min of virtual time) a time is no small integer, and each store boxes a
  // new one (bench: "long run").
  lastRx: number;
  /** Outstanding health-check nonce (0 = none). */
  hcNonce = 0;
  /**
   * While a check is outstanding: when it was sent. Otherwise: the earliest time the next one
   * may go (after a timeout, §4.4.5), 0 when unrestricted.
   */
  hcAt = 0;

  readonly sess: RouterSession;
  readonly path: PeerPath;
  /** The peer's address as seen here (the NAT's for a router behind NAT). */
  peerAddr: number;

  constructor(o: WanSideOptions) {
    this.sess = o.sess;
    this.path = o.path;
    this.peerAddr = o.peerAddr;
    this.f = (o.sendMd ? WF.SendMd : 0) | (o.pinhole ? WF.Pinhole : 0) | (o.path.natOutside ? WF.Outside : 0) | (o.side === 1 ? WF.Side1 : 0);
    this.ports = (o.localPort & 0xffff) | (o.peerPort << 16);
    this.lastRx = o.now;
  }

  /** Extra outer tuples this side answers to: triples (peer address, key low half, owned pair or -1). */
  get aliases(): number[] | null {
    return this.x?.aliases ?? null;
  }
  set aliases(v: number[] | null) {
    if (v !== null || this.x !== null) (this.x ??= new WanExtra()).aliases = v;
  }
  /** Last disable-forward-metadata sent (µs), -1 for never. */
  get lastDisableFwd(): number {
    return this.x?.lastDisableFwd ?? -1;
  }
  set lastDisableFwd(t: number) {
    (this.x ??= new WanExtra()).lastDisableFwd = t;
  }
  /** This router's wayport on the hop. */
  get localPort(): number {
    return this.ports & 0xffff;
  }
  /** The peer's wayport as seen here (after NAT). */
  get peerPort(): number {
    return this.ports >>> 16;
  }
  /** Points the side at a new peer address and port (the NAT in front of the peer rebound). */
  setPeer(addr: number, port: number): void {
    this.peerAddr = addr;
    this.ports = (this.ports & 0xffff) | (port << 16);
  }
  /** Sends on another outer tuple from now on (the caller keeps the tables in step). */
  setTuple(localPort: number, addr: number, port: number): void {
    this.peerAddr = addr;
    this.ports = (localPort & 0xffff) | (port << 16);
  }
  /** Metadata-carrying packets received since this side last sent one (0..3). */
  get mdRxSinceTx(): number {
    return (this.f & WF.MdRxMask) >> WF.MdRxShift;
  }
  set mdRxSinceTx(v: number) {
    this.f = (this.f & ~WF.MdRxMask) | (Math.min(3, v) << WF.MdRxShift);
  }
  private flag(b: number): boolean {
    return (this.f & b) !== 0;
  }
  private setFlag(b: number, v: boolean): void {
    this.f = v ? this.f | b : this.f & ~b;
  }

  /** 0: faces the client (sends reverse packets); 1: faces the server (sends forward packets). */
  get side(): 0 | 1 {
    return this.flag(WF.Side1) ? 1 : 0;
  }
  /** This router opened the side's sending tuple and has heard nothing on it yet. */
  get fresh(): boolean {
    return this.flag(WF.Fresh);
  }
  set fresh(v: boolean) {
    this.setFlag(WF.Fresh, v);
  }
  /** Whether a packet from (addr, port) to our wayport `local` came on the sending tuple. */
  isSendingTuple(addr: number, port: number, local: number): boolean {
    return addr === this.peerAddr && port === this.peerPort && local === this.localPort;
  }
  /** Packets sent on this side carry session metadata. */
  get sendMd(): boolean {
    return this.flag(WF.SendMd);
  }
  set sendMd(v: boolean) {
    this.setFlag(WF.SendMd, v);
  }
  /** The hop crosses a NAT. */
  get pinhole(): boolean {
    return this.flag(WF.Pinhole);
  }
  /** This router is the NAT outside on this hop. */
  get outside(): boolean {
    return this.flag(WF.Outside);
  }
  /** This router owns the wayport pair of its sending tuple (returned to its pool on removal). */
  get ownsPorts(): boolean {
    return this.flag(WF.OwnsPorts);
  }
  set ownsPorts(v: boolean) {
    this.setFlag(WF.OwnsPorts, v);
  }
}

const enum SF {
  Alive = 1,
  Stuck = 2,
  SeenReverse = 4,
  Tcp = 8,
  Learned0 = 16,
  Learned1 = 32,
  /** Bits 6–7: the timeout class whose expiry list holds it. */
  ClsShift = 6,
  ClsMask = 192,
}

/** A session's state on one router. Found only by tuple lookup. */
export class RouterSession {
  private f: number;
  /** Starts undefined on purpose: see WanSide.lastRx. */
  lastActivity: number;
  /** Side 0 faces the client, side 1 the server: a WAN side, or a LAN link (-1 when WAN). */
  wan0: WanSide | null = null;
  wan1: WanSide | null = null;
  /** LAN link index + 1 of side 0 (low 16 bits) and side 1 (high 16); 0 = that side is WAN. */
  private lans = 0;

  /** Index in the run's router-session registry (timers only); -1 until registered. */
  id = -1;
  readonly router: number;
  /** Inner-tuple key halves: client address, and client port << 16 | service. */
  readonly innerHi: number;
  readonly innerLo: number;
  /** Server address (the client's is innerHi). */
  readonly sAddr: number;
  /** For measurement only; router logic never reads it. */
  readonly metricsRef: AppSession | null;

  constructor(o: { router: number; innerHi: number; innerLo: number; proto: number; sAddr: number; createdAt: number; metricsRef: AppSession | null }) {
    this.router = o.router;
    this.innerHi = o.innerHi;
    this.innerLo = o.innerLo;
    this.sAddr = o.sAddr;
    this.metricsRef = o.metricsRef;
    this.f = SF.Alive | (o.proto === 6 ? SF.Tcp : 0);
    this.lastActivity = o.createdAt;
  }

  private flag(b: number): boolean {
    return (this.f & b) !== 0;
  }
  private setFlag(b: number, v: boolean): void {
    this.f = v ? this.f | b : this.f & ~b;
  }

  /** IP protocol number (6 TCP, 17 UDP). */
  get proto(): number {
    return this.flag(SF.Tcp) ? 6 : 17;
  }
  /** Still in the router's tables. */
  get alive(): boolean {
    return this.flag(SF.Alive);
  }
  set alive(v: boolean) {
    this.setFlag(SF.Alive, v);
  }
  /** A stuck pinhole session (§4.6). */
  get stuck(): boolean {
    return this.flag(SF.Stuck);
  }
  set stuck(v: boolean) {
    this.setFlag(SF.Stuck, v);
  }
  /**
   * The side whose peer's metadata created this session (0 or 1), or -1 when this router
   * opened it for a LAN packet. Only a session learned from a peer is replaced by newer
   * metadata from that same peer (§3).
   */
  get learnedSide(): -1 | 0 | 1 {
    return this.flag(SF.Learned0) ? 0 : this.flag(SF.Learned1) ? 1 : -1;
  }
  set learnedSide(v: -1 | 0 | 1) {
    this.f = (this.f & ~(SF.Learned0 | SF.Learned1)) | (v === 0 ? SF.Learned0 : v === 1 ? SF.Learned1 : 0);
  }
  /** A reverse packet has passed (TCP's timeout is then the long one). */
  get seenReverse(): boolean {
    return this.flag(SF.SeenReverse);
  }
  set seenReverse(v: boolean) {
    this.setFlag(SF.SeenReverse, v);
  }

  /** LAN link of side 0 (towards the client), -1 when that side is WAN. */
  get lan0(): number {
    return (this.lans & 0xffff) - 1;
  }
  set lan0(li: number) {
    this.lans = (this.lans & ~0xffff) | ((li + 1) & 0xffff);
  }
  /** LAN link of side 1 (towards the server), -1 when that side is WAN. */
  get lan1(): number {
    return (this.lans >>> 16) - 1;
  }
  set lan1(li: number) {
    this.lans = (this.lans & 0xffff) | ((li + 1) << 16);
  }

  /** The timeout class whose least-recently-active list holds it (expiry.ts); kept in the flags, as 100 000 sessions make every field cost. */
  get expiryCls(): number {
    return (this.f & SF.ClsMask) >> SF.ClsShift;
  }
  set expiryCls(cls: number) {
    this.f = (this.f & ~SF.ClsMask) | (cls << SF.ClsShift);
  }

  /** Client address (from the inner-tuple key). */
  get cAddr(): number {
    return this.innerHi;
  }

  /** Client port (from the inner-tuple key). */
  get cPort(): number {
    return this.innerLo >>> 16;
  }
}

/** Number of wayport pairs towards one peer (own port 16384 + 2k, the peer's + 1). */
export const WAYPORT_PAIRS = 24575;

/**
 * Wayport pairs a router hands out towards one peer (own even, peer odd). Pairs never used
 * come first, then freed ones oldest first, so a pair a peer may still hold for an old
 * session is reused as late as possible. A pair named by metadata the router learns a session
 * from (a hop it once opened itself) is claimed so it is never handed out twice.
 */
export class WayportPool {
  private next = 0;
  private free: number[] = [];
  private freeHead = 0;
  /** Pairs in use, one bit each; built on the first {@link claim} (most pools never need it). */
  private used: Uint32Array | null = null;

  /** A free pair index, or -1 when exhausted. */
  take(): number {
    if (this.next < WAYPORT_PAIRS) return this.mark(this.next++);
    while (this.freeHead < this.free.length) {
      const k = this.free[this.freeHead++]!;
      if (this.freeHead > 1024 && this.freeHead * 2 > this.free.length) {
        this.free = this.free.slice(this.freeHead);
        this.freeHead = 0;
      }
      if (this.used === null || !this.isUsed(k)) return this.mark(k);
    }
    return -1;
  }

  /** Takes pair `k` if it is free; false when it is already in use. */
  claim(k: number): boolean {
    if (k < 0 || k >= WAYPORT_PAIRS) return false;
    const used = this.usedBits();
    if (this.isUsed(k)) return false;
    if (k >= this.next) {
      for (let j = this.next; j < k; j++) this.free.push(j);
      this.next = k + 1;
    }
    used[k >>> 5]! |= 1 << (k & 31);
    return true;
  }

  /** Returns a pair index. */
  give(k: number): void {
    if (this.used !== null) this.used[k >>> 5]! &= ~(1 << (k & 31));
    this.free.push(k);
  }

  private mark(k: number): number {
    if (this.used !== null) this.used[k >>> 5]! |= 1 << (k & 31);
    return k;
  }

  private isUsed(k: number): boolean {
    return (this.used![k >>> 5]! & (1 << (k & 31))) !== 0;
  }

  private usedBits(): Uint32Array {
    if (this.used !== null) return this.used;
    const used = new Uint32Array(Math.ceil(WAYPORT_PAIRS / 32));
    for (let j = 0; j < this.next; j++) used[j >>> 5]! |= 1 << (j & 31);
    for (let i = this.freeHead; i < this.free.length; i++) {
      const j = this.free[i]!;
      used[j >>> 5]! &= ~(1 << (j & 31));
    }
    return (this.used = used);
  }
}

/** A router's settings at run time (effective: authority settings with its own overrides). */
export interface RouterOptions {
  /** Node index. */
  node: number;
  id: string;
  /** Waypoint address. */
  addr: number;
  isHub: boolean;
  /** Runs 6.1.0 or later (knows session-health-check). */
  v61: boolean;
  /** Effective mode is inactivity-based (and the version knows it). */
  inactivity: boolean;
  /** Inactivity timeout, µs. */
  timeoutUs: number;
  /** Health-check acknowledgement deadline, µs. */
  ackTimeoutUs: number;
  bfdTxUs: number;
  bfdMult: number;
  bfdHoldUs: number;
  /** Control-packet budget per second. */
  ctlRate: number;
}

/** A router at run time. */
export class RouterRt {
  up = true;
  epoch = 1;
  bootGen = 0;
  /** Sessions by inner tuple (LAN-side lookups). */
  readonly lan = new TupleMap<RouterSession>();
  /** Session sides by outer tuple as received (WAN-side lookups). */
  readonly wan = new TupleMap<WanSide>();
  readonly paths: PeerPath[] = [];
  readonly pools = new Map<number, WayportPool>();
  /** Host node index → LAN link index, for hosts linked to this router. */
  readonly hosts = new Map<number, number>();
  readonly counters = new Float64Array(COUNTER_COUNT);
  // Starts as a number: it holds fractions, kept as a double in place (one box a router).
  tokens = 0;
  tokensAt = 0;
  sessions = 0;
  nonce = 0;

  readonly node: number;
  readonly id: string;
  readonly addr: number;
  readonly isHub: boolean;
  readonly v61: boolean;
  readonly inactivity: boolean;
  readonly timeoutUs: number;
  readonly ackTimeoutUs: number;
  readonly bfdTxUs: number;
  readonly bfdMult: number;
  readonly bfdHoldUs: number;
  readonly ctlRate: number;

  constructor(o: RouterOptions) {
    this.node = o.node;
    this.id = o.id;
    this.addr = o.addr;
    this.isHub = o.isHub;
    this.v61 = o.v61;
    this.inactivity = o.inactivity;
    this.timeoutUs = o.timeoutUs;
    this.ackTimeoutUs = o.ackTimeoutUs;
    this.bfdTxUs = o.bfdTxUs;
    this.bfdMult = o.bfdMult;
    this.bfdHoldUs = o.bfdHoldUs;
    this.ctlRate = o.ctlRate;
    this.tokens = o.ctlRate;
  }

  /** The wayport pool towards `peer`. */
  pool(peer: number): WayportPool {
    let p = this.pools.get(peer);
    if (!p) {
      p = new WayportPool();
      this.pools.set(peer, p);
    }
    return p;
  }

  /** Takes one control-packet buffer from the token bucket; false when none is left. */
  takeToken(now: number): boolean {
    const dt = now - this.tokensAt;
    if (dt > 0) {
      this.tokens = Math.min(this.ctlRate, this.tokens + (dt * this.ctlRate) / 1_000_000);
      this.tokensAt = now;
    }
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
