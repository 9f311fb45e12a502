import type { Packet } from './packet.ts';
import type { RandomStream } from '../core/rng.ts';
import { COUNTER_COUNT } from '../metrics/counters.ts';
import { TupleMap } from '../core/tuple-map.ts';
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

  /** Index in the world's list of peer paths (what a WAN side records). */
  readonly index: number;
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

  constructor(o: { index: number; router: number; link: number; peer: number; latUs: number; linkRank: number; natInside: boolean; natOutside: boolean; peerAddr: number }) {
    this.index = o.index;
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
  /** Session ids by inner tuple (LAN-side lookups). */
  readonly lan = new TupleMap();
  /** Session sides by outer tuple as received (WAN-side lookups). */
  readonly wan = new TupleMap();
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
