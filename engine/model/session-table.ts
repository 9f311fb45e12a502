/**
 * A router's session table (ssr-model.md §3): sessions by inner tuple, session sides by outer
 * tuple, wayport pairs, re-attachment, removal and expiry. The packet rules, BFD and faults sit
 * on top of it; it imports none of them.
 */
import { C } from '../metrics/counters.ts';
import { FWD, Rec, WAYPORT_MIN } from './constants.ts';
import { WAYPORT_PAIRS, type PeerPath, type RouterRt } from './network.ts';
import { NIL } from './session-store.ts';
import { outerLo, type Packet } from './packet.ts';
import type { World } from './world.ts';
import { armExpiry, trackSession, untrackSession } from './expiry.ts';
import { NONE } from './expiry-list.ts';

/** At most this many extra tuples per side; the oldest goes first (re-opened hops rarely need two). */
const MAX_ALIASES = 4;

/** Gives side `side` of session `s` a LAN link or a new hop that this router opens. */
export function connectSide(w: World, r: RouterRt, s: number, side: 0 | 1): boolean {
  const st = w.sessions;
  const host = (side === 1 ? st.sAddr(s) : st.innerHi(s)) - 1;
  const lan = r.hosts.get(host);
  if (lan !== undefined) {
    st.setLan(s, side, lan);
    return true;
  }
  const hop = w.routing.nextHop(r, host, true);
  if (hop === null) return false;
  const ws = openSide(w, r, s, side, hop);
  if (ws === NIL) return false;
  st.setWan(s, side, ws);
  return true;
}

/**
 * A new hop opened by `r` over `pp`: picks the wayport pair, registers the outer tuple. Across
 * a NAT this router is outside of, the hop goes through the pinhole the inside router's BFD
 * keeps open (its public address and port as seen here). Returns the side's id, NIL when none
 * could be opened (the caller connects it to the session).
 */
export function openSide(w: World, r: RouterRt, s: number, side: 0 | 1, pp: PeerPath): number {
  if (pp.natOutside && pp.peerBfdPort < 0) return NIL;
  const k = r.pool(pp.peer).take();
  if (k < 0) {
    w.bump(r, C.WayportsExhausted);
    return NIL;
  }
  const st = w.sessions;
  const local = WAYPORT_MIN + 2 * k;
  const peerAddr = pp.natOutside ? pp.peerBfdAddr : pp.peer + 1;
  const peerPort = pp.natOutside ? pp.peerBfdPort : local + 1;
  const ws = st.newSide({ sess: s, side, path: pp.index, localPort: local, peerAddr, peerPort, sendMd: true, now: w.now, pinhole: w.links[pp.link]!.nat !== null, outside: pp.natOutside });
  st.setOwnsPorts(ws, true);
  st.setFresh(ws, true);
  r.wan.set(peerAddr, outerLo(peerPort, local), ws);
  return ws;
}

/**
 * The side a session learns from metadata on packet `p`: the outer tuple the packet came on.
 * Forward metadata makes this side's reverse packets carry metadata (the echo); reverse
 * metadata means the peer already has the session, so forward packets need none.
 */
export function learnedSide(w: World, r: RouterRt, s: number, side: 0 | 1, p: Packet, pp: PeerPath): number {
  const st = w.sessions;
  const ws = st.newSide({
    sess: s,
    side,
    path: pp.index,
    localPort: p.oDstPort,
    peerAddr: p.oSrcAddr,
    peerPort: p.oSrcPort,
    sendMd: p.dir === FWD,
    now: w.now,
    pinhole: w.links[pp.link]!.nat !== null,
    outside: pp.natOutside,
  });
  st.setMdRxSinceTx(ws, 1);
  // A hop this router once opened itself: its pair is off the free list while the session lives.
  const k = ownPair(p.oDstPort);
  if (k >= 0 && r.pool(pp.peer).claim(k)) st.setOwnsPorts(ws, true);
  r.wan.set(p.oSrcAddr, outerLo(p.oSrcPort, p.oDstPort), ws);
  return ws;
}

/** The pair index of local wayport `port` when it is one this router hands out towards a peer, else -1. */
function ownPair(port: number): number {
  const off = port - WAYPORT_MIN;
  if (off < 0 || off % 2 !== 0) return -1;
  const k = off / 2;
  return k < WAYPORT_PAIRS ? k : -1;
}

/** The peer node of side `ws`. */
function peerOf(w: World, ws: number): number {
  return w.paths[w.sessions.path(ws)]!.peer;
}

/** §3 re-attach: side `ws` also answers to the tuple the peer re-opened the hop on. */
export function addAlias(w: World, r: RouterRt, ws: number, addr: number, lo: number, localPort: number): void {
  const st = w.sessions;
  if (st.aliasList(ws).length >= MAX_ALIASES * 3) dropAlias(w, r, ws, 0);
  let owned = -1;
  const k = ownPair(localPort);
  if (k >= 0 && r.pool(peerOf(w, ws)).claim(k)) owned = k;
  st.aliasList(ws).push(addr, lo, owned);
  r.wan.set(addr, lo, ws);
}

function dropAlias(w: World, r: RouterRt, ws: number, i: number): void {
  const st = w.sessions;
  const list = st.aliasList(ws);
  const addr = list[i]!;
  const lo = list[i + 1]!;
  const owned = list[i + 2]!;
  if (r.wan.get(addr, lo) === ws) r.wan.delete(addr, lo);
  if (owned >= 0) r.pool(peerOf(w, ws)).give(owned);
  list.splice(i, 3);
  if (list.length === 0) st.clearAliases(ws);
}

/**
 * §3 re-attach when the peer evidently lost our tuple (it re-opened the hop on one of its own):
 * this side sends on the peer's tuple from now on, and still answers to its old one.
 */
export function adopt(w: World, r: RouterRt, ws: number, addr: number, srcPort: number, localPort: number): void {
  const st = w.sessions;
  if (st.aliasList(ws).length >= MAX_ALIASES * 3) dropAlias(w, r, ws, 0);
  // The old sending tuple stays registered as an extra one, with its pair if we own it.
  const oldLocal = st.localPort(ws);
  st.aliasList(ws).push(st.peerAddr(ws), outerLo(st.peerPort(ws), oldLocal), st.ownsPorts(ws) ? (oldLocal - WAYPORT_MIN) / 2 : -1);
  st.setOwnsPorts(ws, false);
  st.setFresh(ws, false);
  const k = ownPair(localPort);
  if (k >= 0 && r.pool(peerOf(w, ws)).claim(k)) st.setOwnsPorts(ws, true);
  st.setTuple(ws, localPort, addr, srcPort);
  r.wan.set(addr, outerLo(srcPort, localPort), ws);
}

/**
 * The NAT in front of the peer now shows it on another public port: this side (outside the
 * NAT) sends there from now on and answers to the new tuple only.
 */
export function retarget(w: World, r: RouterRt, ws: number, addr: number, port: number): void {
  const st = w.sessions;
  const local = st.localPort(ws);
  const old = outerLo(st.peerPort(ws), local);
  if (r.wan.get(st.peerAddr(ws), old) === ws) r.wan.delete(st.peerAddr(ws), old);
  st.setPeer(ws, addr, port);
  r.wan.set(addr, outerLo(port, local), ws);
}

/**
 * Tuple (addr, lo) of side `ws` turned out to belong to another session (the peer reused the
 * wayports): an extra tuple is simply forgotten, the sending tuple takes the session with it.
 */
export function dropTuple(w: World, r: RouterRt, ws: number, addr: number, lo: number): void {
  const list = w.sessions.aliases(ws);
  if (list !== null) {
    for (let i = 0; i < list.length; i += 3) {
      if (list[i] === addr && list[i + 1] === lo) return dropAlias(w, r, ws, i);
    }
  }
  removeSession(w, r, w.sessions.sess(ws));
}

/** Forgets every tuple of a side, returns its own pairs and takes its id back. */
export function unregisterSide(w: World, r: RouterRt, ws: number): void {
  const st = w.sessions;
  const local = st.localPort(ws);
  const lo = outerLo(st.peerPort(ws), local);
  if (r.wan.get(st.peerAddr(ws), lo) === ws) r.wan.delete(st.peerAddr(ws), lo);
  if (st.ownsPorts(ws)) r.pool(peerOf(w, ws)).give((local - WAYPORT_MIN) / 2);
  while (st.aliases(ws) !== null) dropAlias(w, r, ws, 0);
  st.freeSide(ws);
}

/** Enters a new session into the router's table. */
export function finishSession(w: World, r: RouterRt, s: number): void {
  const st = w.sessions;
  r.lan.set(st.innerHi(s), st.innerLo(s), s);
  r.sessions++;
  w.bump(r, C.SessionsCreated);
  const app = w.appOf(s);
  if (app !== null) app.routerRefs++;
  trackSession(w, s);
}

/** A session that never made it into a table (its other side could not be connected): its id goes back. */
export function abandonSession(w: World, s: number): void {
  w.sessions.freeSession(s);
}

/** Removes a session and all its flows from `r`, and takes its id back. */
export function removeSession(w: World, r: RouterRt, s: number): void {
  const st = w.sessions;
  if (!st.alive(s)) return;
  st.kill(s);
  untrackSession(w, s);
  const hi = st.innerHi(s);
  const lo = st.innerLo(s);
  if (r.lan.get(hi, lo) === s) r.lan.delete(hi, lo);
  const w0 = st.wan(s, 0);
  const w1 = st.wan(s, 1);
  if (w0 !== NIL) unregisterSide(w, r, w0);
  if (w1 !== NIL) unregisterSide(w, r, w1);
  r.sessions--;
  const app = w.appOf(s);
  if (app !== null) app.routerRefs--;
  st.freeSession(s);
}

/** An expiry list's timer fired: expire every session whose deadline has come, then re-arm. */
export function expireDue(w: World, cls: number): void {
  const l = w.expiry[cls]!;
  if (w.now !== l.timerAt) return; // superseded
  const st = w.sessions;
  for (let s = l.head; s !== NONE && st.lastActivity(s) + l.timeoutUs <= w.now; s = l.head) {
    const r = w.routers[st.router(s)]!;
    w.bump(r, C.SessionsExpired);
    w.emit(r.node, 'session-expired', { idleMs: (w.now - st.lastActivity(s)) / 1000 }, w.appOf(s)?.id);
    removeSession(w, r, s); // unlinks it
  }
  armExpiry(w, l);
}

/** Re-opens a hop: the next packets on it carry session metadata until the handshake completes. */
export function reopen(w: World, r: RouterRt, ws: number, cause: Rec, why: string): void {
  const st = w.sessions;
  st.setSendMd(ws, true);
  if (st.hcNonce(ws) !== 0) {
    st.setHcNonce(ws, 0);
    st.setHcAt(ws, 0);
  }
  const s = st.sess(ws);
  st.setStuck(s, false);
  const app = w.appOf(s);
  w.metrics.noteCause(app, cause);
  w.emit(r.node, 'hop-reopened', { why, side: sideName(st.side(ws)), rule: why === 'enable-metadata' ? '§4.3' : '§4.5' }, app?.id);
}

/** How a session side reads in the event log. */
export function sideName(side: 0 | 1): string {
  return side === 0 ? 'client-side (forward flow in)' : 'server-side (reverse flow in)';
}
