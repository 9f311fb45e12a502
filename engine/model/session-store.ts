/**
 * Every router session of a run and every WAN side of one, as fixed-size records in typed
 * arrays, named by their index (an id). With 100 000 sessions a lab holds about 200 000
 * router sessions and as many sides; as objects they took 112 and 96 bytes each and were
 * scattered over the heap, so a packet's lookups missed the cache on nearly every step. As
 * records they take 40 bytes each, sessions made together lie side by side, the garbage
 * collector never walks them, and a copy of the world (a snapshot, a fork at the fault) copies
 * two buffers instead of 400 000 objects.
 *
 * A record is eight integers and, in the same 40 bytes, one or two times (doubles: times are
 * fractional µs). Ids are reused: a session's id is taken back when it leaves its router's
 * tables, last freed first, so the same run always gives the same ids (the registry order some
 * rules walk). A side's id is taken back when its hop is forgotten.
 */

import { Cls } from './expiry-list.ts';

/** No session, no side. */
export const NIL = -1;

/** The LAN link a {@link SessionStore.sideRef} names, or -1 when it names a WAN side or nothing. */
export function lanOf(ref: number): number {
  return ref <= -2 ? -2 - ref : -1;
}

// A session record: eight int32 words, then its last activity (a double) in words 8–9.
const S_F = 0;
const S_ROUTER = 1;
const S_HI = 2;
const S_LO = 3;
const S_SADDR = 4;
const S_APP = 5;
/** Words 6 and 7: side 0 and side 1. A WAN side's id (≥ 0), or -2 - the LAN link's index. */
const S_SIDE = 6;
const S_WORDS = 10;
/** Index of the last activity in the Float64Array view. */
const S_ACT = 4;
const S_DOUBLES = 5;

// A side record: six int32 words, then its last receive time and health-check time.
const W_F = 0;
/** Own wayport in the low 16 bits, the peer's (as seen here) in the high 16. */
const W_PORTS = 1;
const W_SESS = 2;
const W_PATH = 3;
const W_PEER = 4;
const W_NONCE = 5;
const W_WORDS = 10;
const W_RX = 3;
const W_HCAT = 4;
const W_DOUBLES = 5;

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

/** What few sides need: made on first use. */
class SideExtra {
  /** Extra outer tuples: triples (peer address, key low half, owned pair or -1). */
  aliases: number[] | null = null;
  /** Last disable-forward-metadata sent (µs), -1 for never. */
  lastDisableFwd = -1;
}

/** A new WAN side: whose, which side, over which path, on which outer tuple. */
export interface NewSide {
  sess: number;
  side: 0 | 1;
  /** The peer path's index in the world ({@link PeerPath.index}). */
  path: number;
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
  /** This router is the NAT's outside on the hop. */
  outside: boolean;
}

/** One array of records that grows by half again when full, with an int32 and a float64 view of it. */
class Records {
  i: Int32Array;
  d: Float64Array;
  /** Records ever used (the next new id). */
  end = 0;
  /** Ids given back, taken last first. */
  free: number[] = [];

  constructor(
    readonly words: number,
    capacity: number,
  ) {
    const buf = new ArrayBuffer(capacity * words * 4);
    this.i = new Int32Array(buf);
    this.d = new Float64Array(buf);
  }

  take(): number {
    if (this.free.length > 0) return this.free.pop()!;
    const id = this.end++;
    if ((id + 1) * this.words > this.i.length) this.grow(id + 1);
    return id;
  }

  give(id: number): void {
    this.i.fill(0, id * this.words, (id + 1) * this.words);
    if (id === this.end - 1 && this.free.length === 0) this.end--;
    else this.free.push(id);
  }

  private grow(records: number): void {
    let cap = Math.max(64, Math.ceil((this.i.length / this.words) * 1.5));
    while (cap < records) cap = Math.ceil(cap * 1.5);
    this.adopt(new ArrayBuffer(cap * this.words * 4), this.i);
  }

  private adopt(buf: ArrayBuffer, from: Int32Array): void {
    new Int32Array(buf).set(from);
    this.i = new Int32Array(buf);
    this.d = new Float64Array(buf);
  }

  /** An independent copy (for world copies). */
  copy(): Records {
    const c = new Records(this.words, 0);
    c.adopt(new ArrayBuffer(this.i.byteLength), this.i);
    c.end = this.end;
    c.free = this.free.slice();
    return c;
  }
}

/** The router sessions and WAN sides of one run. */
export class SessionStore {
  private s: Records;
  private w: Records;
  /** Side id → its rarely used part. */
  private extras = new Map<number, SideExtra>();

  /** @param capacity initial sessions (the sides get as many), 0 for a blank to copy into. */
  constructor(capacity = 1024) {
    this.s = new Records(S_WORDS, capacity);
    this.w = new Records(W_WORDS, capacity);
  }

  /** An independent copy: a world copy takes this instead of walking the store. */
  copy(): SessionStore {
    const c = new SessionStore(0);
    c.s = this.s.copy();
    c.w = this.w.copy();
    for (const [k, x] of this.extras) {
      const e = new SideExtra();
      e.aliases = x.aliases === null ? null : x.aliases.slice();
      e.lastDisableFwd = x.lastDisableFwd;
      c.extras.set(k, e);
    }
    return c;
  }

  // ---- router sessions ----

  /** Session ids in use (a check that nothing leaks: each belongs to a session in some router's table). */
  get sessionsInUse(): number {
    return this.s.end - this.s.free.length;
  }

  /** Side ids in use (each belongs to a side of a session in use). */
  get sidesInUse(): number {
    return this.w.end - this.w.free.length;
  }

  /** One past the highest session id in use (ids below it may be free: check {@link alive}). */
  get sessionEnd(): number {
    return this.s.end;
  }

  /** A new session, alive, with neither side connected; `app` is the application session's id, or -1. */
  newSession(router: number, innerHi: number, innerLo: number, proto: number, sAddr: number, now: number, app: number): number {
    const r = this.s;
    const id = r.take();
    const i = r.i;
    const b = id * S_WORDS;
    i[b + S_F] = SF.Alive | (proto === 6 ? SF.Tcp : 0);
    i[b + S_ROUTER] = router;
    i[b + S_HI] = innerHi;
    i[b + S_LO] = innerLo;
    i[b + S_SADDR] = sAddr;
    i[b + S_APP] = app;
    i[b + S_SIDE] = NIL;
    i[b + S_SIDE + 1] = NIL;
    r.d[id * S_DOUBLES + S_ACT] = now;
    return id;
  }

  /** Takes a session's id back (it is no longer alive). */
  freeSession(s: number): void {
    this.s.give(s);
  }

  private sf(s: number): number {
    return this.s.i[s * S_WORDS + S_F]!;
  }
  private setSf(s: number, bit: number, v: boolean): void {
    const i = this.s.i;
    const k = s * S_WORDS + S_F;
    i[k] = v ? i[k]! | bit : i[k]! & ~bit;
  }

  /** Still in its router's tables. */
  alive(s: number): boolean {
    return s >= 0 && s < this.s.end && (this.sf(s) & SF.Alive) !== 0;
  }
  /** Marks a session gone from its router's tables (its id is taken back later). */
  kill(s: number): void {
    this.setSf(s, SF.Alive, false);
  }
  /** A stuck pinhole session (§4.6). */
  stuck(s: number): boolean {
    return (this.sf(s) & SF.Stuck) !== 0;
  }
  setStuck(s: number, v: boolean): void {
    this.setSf(s, SF.Stuck, v);
  }
  /** A reverse packet has passed (TCP's timeout is then the long one). */
  seenReverse(s: number): boolean {
    return (this.sf(s) & SF.SeenReverse) !== 0;
  }
  setSeenReverse(s: number): void {
    this.setSf(s, SF.SeenReverse, true);
  }
  /** IP protocol number (6 TCP, 17 UDP). */
  proto(s: number): number {
    return (this.sf(s) & SF.Tcp) !== 0 ? 6 : 17;
  }
  /**
   * The side whose peer's metadata created this session (0 or 1), or -1 when this router
   * opened it for a LAN packet. Only a session learned from a peer is replaced by newer
   * metadata from that same peer (§3).
   */
  learnedSide(s: number): -1 | 0 | 1 {
    const f = this.sf(s);
    return (f & SF.Learned0) !== 0 ? 0 : (f & SF.Learned1) !== 0 ? 1 : -1;
  }
  setLearnedSide(s: number, v: -1 | 0 | 1): void {
    const i = this.s.i;
    const k = s * S_WORDS + S_F;
    i[k] = (i[k]! & ~(SF.Learned0 | SF.Learned1)) | (v === 0 ? SF.Learned0 : v === 1 ? SF.Learned1 : 0);
  }
  /** The timeout class it belongs to now (expiry.ts): UDP; TCP once a reply passed; TCP before one. */
  timeoutClass(s: number): Cls {
    const f = this.sf(s);
    return (f & SF.Tcp) === 0 ? Cls.Udp : (f & SF.SeenReverse) !== 0 ? Cls.Tcp : Cls.TcpInitial;
  }
  /** The timeout class whose least-recently-active list holds it (expiry.ts). */
  expiryCls(s: number): number {
    return (this.sf(s) & SF.ClsMask) >> SF.ClsShift;
  }
  setExpiryCls(s: number, cls: number): void {
    const i = this.s.i;
    const k = s * S_WORDS + S_F;
    i[k] = (i[k]! & ~SF.ClsMask) | (cls << SF.ClsShift);
  }
  /** Node index of its router. */
  router(s: number): number {
    return this.s.i[s * S_WORDS + S_ROUTER]!;
  }
  /** Inner-tuple key halves: client address, and client port << 16 | service. */
  innerHi(s: number): number {
    return this.s.i[s * S_WORDS + S_HI]!;
  }
  innerLo(s: number): number {
    return this.s.i[s * S_WORDS + S_LO]!;
  }
  /** Client port (from the inner-tuple key). */
  cPort(s: number): number {
    return this.innerLo(s) >>> 16;
  }
  /** Server address (the client's is innerHi). */
  sAddr(s: number): number {
    return this.s.i[s * S_WORDS + S_SADDR]!;
  }
  /** The application session's id, for measurement only (router logic never reads it); -1 for none. */
  app(s: number): number {
    return this.s.i[s * S_WORDS + S_APP]!;
  }
  /** Last packet forwarded, µs. */
  lastActivity(s: number): number {
    return this.s.d[s * S_DOUBLES + S_ACT]!;
  }
  setLastActivity(s: number, t: number): void {
    this.s.d[s * S_DOUBLES + S_ACT] = t;
  }
  /** The WAN side of session side `side` (0 faces the client, 1 the server), or NIL when that side is a LAN link or unset. */
  wan(s: number, side: 0 | 1): number {
    const v = this.s.i[s * S_WORDS + S_SIDE + side]!;
    return v >= 0 ? v : NIL;
  }
  /** The LAN link of session side `side`, or -1 when that side is WAN or unset. */
  lan(s: number, side: 0 | 1): number {
    return lanOf(this.s.i[s * S_WORDS + S_SIDE + side]!);
  }
  /**
   * Session side `side` in one read: a WAN side's id (≥ 0), NIL when unset, or a LAN link as
   * -2 - its index (see {@link lanOf}).
   */
  sideRef(s: number, side: 0 | 1): number {
    return this.s.i[s * S_WORDS + S_SIDE + side]!;
  }
  /** Connects session side `side` to WAN side `ws`. */
  setWan(s: number, side: 0 | 1, ws: number): void {
    this.s.i[s * S_WORDS + S_SIDE + side] = ws;
  }
  /** Connects session side `side` to LAN link `li`. */
  setLan(s: number, side: 0 | 1, li: number): void {
    this.s.i[s * S_WORDS + S_SIDE + side] = -2 - li;
  }

  // ---- WAN sides ----

  /** A new WAN side (not yet connected to its session: see {@link setWan}). */
  newSide(o: NewSide): number {
    const r = this.w;
    const id = r.take();
    const i = r.i;
    const b = id * W_WORDS;
    i[b + W_F] = (o.sendMd ? WF.SendMd : 0) | (o.pinhole ? WF.Pinhole : 0) | (o.outside ? WF.Outside : 0) | (o.side === 1 ? WF.Side1 : 0);
    i[b + W_PORTS] = (o.localPort & 0xffff) | (o.peerPort << 16);
    i[b + W_SESS] = o.sess;
    i[b + W_PATH] = o.path;
    i[b + W_PEER] = o.peerAddr;
    i[b + W_NONCE] = 0;
    const d = id * W_DOUBLES;
    r.d[d + W_RX] = o.now;
    r.d[d + W_HCAT] = 0;
    return id;
  }

  /** Takes a side's id back (its hop is forgotten). */
  freeSide(ws: number): void {
    this.extras.delete(ws);
    this.w.give(ws);
  }

  private wf(ws: number): number {
    return this.w.i[ws * W_WORDS + W_F]!;
  }
  private setWf(ws: number, bit: number, v: boolean): void {
    const i = this.w.i;
    const k = ws * W_WORDS + W_F;
    i[k] = v ? i[k]! | bit : i[k]! & ~bit;
  }

  /** The session the side belongs to. */
  sess(ws: number): number {
    return this.w.i[ws * W_WORDS + W_SESS]!;
  }
  /** 0: faces the client (sends reverse packets); 1: faces the server (sends forward packets). */
  side(ws: number): 0 | 1 {
    return (this.wf(ws) & WF.Side1) !== 0 ? 1 : 0;
  }
  /** The peer path's index in the world. */
  path(ws: number): number {
    return this.w.i[ws * W_WORDS + W_PATH]!;
  }
  /** This router's wayport on the hop. */
  localPort(ws: number): number {
    return this.w.i[ws * W_WORDS + W_PORTS]! & 0xffff;
  }
  /** The peer's wayport as seen here (after NAT). */
  peerPort(ws: number): number {
    return this.w.i[ws * W_WORDS + W_PORTS]! >>> 16;
  }
  /** The peer's address as seen here (the NAT's for a router behind NAT). */
  peerAddr(ws: number): number {
    return this.w.i[ws * W_WORDS + W_PEER]!;
  }
  /** Points the side at a new peer address and port (the NAT in front of the peer rebound). */
  setPeer(ws: number, addr: number, port: number): void {
    const i = this.w.i;
    const b = ws * W_WORDS;
    i[b + W_PEER] = addr;
    i[b + W_PORTS] = (i[b + W_PORTS]! & 0xffff) | (port << 16);
  }
  /** Sends on another outer tuple from now on (the caller keeps the tables in step). */
  setTuple(ws: number, localPort: number, addr: number, port: number): void {
    const i = this.w.i;
    const b = ws * W_WORDS;
    i[b + W_PEER] = addr;
    i[b + W_PORTS] = (localPort & 0xffff) | (port << 16);
  }
  /** Whether a packet from (addr, port) to our wayport `local` came on the sending tuple. */
  isSendingTuple(ws: number, addr: number, port: number, local: number): boolean {
    const i = this.w.i;
    const b = ws * W_WORDS;
    return addr === i[b + W_PEER] && i[b + W_PORTS] === ((local & 0xffff) | (port << 16));
  }
  /** Last packet heard from the peer on this side, µs. */
  lastRx(ws: number): number {
    return this.w.d[ws * W_DOUBLES + W_RX]!;
  }
  setLastRx(ws: number, t: number): void {
    this.w.d[ws * W_DOUBLES + W_RX] = t;
  }
  /** Outstanding health-check nonce (0 = none). */
  hcNonce(ws: number): number {
    return this.w.i[ws * W_WORDS + W_NONCE]!;
  }
  setHcNonce(ws: number, nonce: number): void {
    this.w.i[ws * W_WORDS + W_NONCE] = nonce;
  }
  /**
   * While a check is outstanding: when it was sent. Otherwise: the earliest time the next one
   * may go (after a timeout, §4.4.5), 0 when unrestricted.
   */
  hcAt(ws: number): number {
    return this.w.d[ws * W_DOUBLES + W_HCAT]!;
  }
  setHcAt(ws: number, t: number): void {
    this.w.d[ws * W_DOUBLES + W_HCAT] = t;
  }
  /** Metadata-carrying packets received since this side last sent one (0..3). */
  mdRxSinceTx(ws: number): number {
    return (this.wf(ws) & WF.MdRxMask) >> WF.MdRxShift;
  }
  setMdRxSinceTx(ws: number, v: number): void {
    const i = this.w.i;
    const k = ws * W_WORDS + W_F;
    i[k] = (i[k]! & ~WF.MdRxMask) | (Math.min(3, v) << WF.MdRxShift);
  }
  /** This router opened the side's sending tuple and has heard nothing on it yet. */
  fresh(ws: number): boolean {
    return (this.wf(ws) & WF.Fresh) !== 0;
  }
  setFresh(ws: number, v: boolean): void {
    this.setWf(ws, WF.Fresh, v);
  }
  /** Packets sent on this side carry session metadata. */
  sendMd(ws: number): boolean {
    return (this.wf(ws) & WF.SendMd) !== 0;
  }
  setSendMd(ws: number, v: boolean): void {
    this.setWf(ws, WF.SendMd, v);
  }
  /** The hop crosses a NAT. */
  pinhole(ws: number): boolean {
    return (this.wf(ws) & WF.Pinhole) !== 0;
  }
  /** This router is the NAT outside on this hop. */
  outside(ws: number): boolean {
    return (this.wf(ws) & WF.Outside) !== 0;
  }
  /** This router owns the wayport pair of its sending tuple (returned to its pool on removal). */
  ownsPorts(ws: number): boolean {
    return (this.wf(ws) & WF.OwnsPorts) !== 0;
  }
  setOwnsPorts(ws: number, v: boolean): void {
    this.setWf(ws, WF.OwnsPorts, v);
  }
  /** Extra outer tuples this side answers to: triples (peer address, key low half, owned pair or -1). */
  aliases(ws: number): number[] | null {
    return this.extras.get(ws)?.aliases ?? null;
  }
  /** The side's extra tuples, made empty on first use. */
  aliasList(ws: number): number[] {
    const x = this.extra(ws);
    return (x.aliases ??= []);
  }
  /** Forgets the side's extra tuples. */
  clearAliases(ws: number): void {
    const x = this.extras.get(ws);
    if (x !== undefined) x.aliases = null;
  }
  /** Last disable-forward-metadata sent (µs), -1 for never. */
  lastDisableFwd(ws: number): number {
    return this.extras.get(ws)?.lastDisableFwd ?? -1;
  }
  setLastDisableFwd(ws: number, t: number): void {
    this.extra(ws).lastDisableFwd = t;
  }
  private extra(ws: number): SideExtra {
    let x = this.extras.get(ws);
    if (x === undefined) {
      x = new SideExtra();
      this.extras.set(ws, x);
    }
    return x;
  }
}

/** A router session's fields, read at once (for inspection: tests, the live session table). */
export interface SessionInfo {
  id: number;
  router: number;
  alive: boolean;
  stuck: boolean;
  learnedSide: -1 | 0 | 1;
  seenReverse: boolean;
  proto: number;
  cAddr: number;
  cPort: number;
  innerLo: number;
  sAddr: number;
  /** The application session's id, -1 for none. */
  app: number;
  lastActivity: number;
  /** WAN side ids, NIL where that side is LAN. */
  wan0: number;
  wan1: number;
  /** LAN links, -1 where that side is WAN. */
  lan0: number;
  lan1: number;
}

/** A WAN side's fields, read at once (for inspection); `path` is the peer path's index. */
export interface SideInfo {
  id: number;
  sess: SessionInfo;
  side: 0 | 1;
  path: number;
  localPort: number;
  peerPort: number;
  peerAddr: number;
  lastRx: number;
  hcNonce: number;
  hcAt: number;
  sendMd: boolean;
  fresh: boolean;
  pinhole: boolean;
  outside: boolean;
  ownsPorts: boolean;
  aliases: number[] | null;
}

/** Session `s` of `st`, read at once. */
export function sessionInfo(st: SessionStore, s: number): SessionInfo {
  return {
    id: s,
    router: st.router(s),
    alive: st.alive(s),
    stuck: st.stuck(s),
    learnedSide: st.learnedSide(s),
    seenReverse: st.seenReverse(s),
    proto: st.proto(s),
    cAddr: st.innerHi(s),
    cPort: st.cPort(s),
    innerLo: st.innerLo(s),
    sAddr: st.sAddr(s),
    app: st.app(s),
    lastActivity: st.lastActivity(s),
    wan0: st.wan(s, 0),
    wan1: st.wan(s, 1),
    lan0: st.lan(s, 0),
    lan1: st.lan(s, 1),
  };
}

/** Side `ws` of `st`, read at once, with its session. */
export function sideInfo(st: SessionStore, ws: number): SideInfo {
  const aliases = st.aliases(ws);
  return {
    id: ws,
    sess: sessionInfo(st, st.sess(ws)),
    side: st.side(ws),
    path: st.path(ws),
    localPort: st.localPort(ws),
    peerPort: st.peerPort(ws),
    peerAddr: st.peerAddr(ws),
    lastRx: st.lastRx(ws),
    hcNonce: st.hcNonce(ws),
    hcAt: st.hcAt(ws),
    sendMd: st.sendMd(ws),
    fresh: st.fresh(ws),
    pinhole: st.pinhole(ws),
    outside: st.outside(ws),
    ownsPorts: st.ownsPorts(ws),
    aliases: aliases === null ? null : aliases.slice(),
  };
}
