/**
 * A router's session table (ssr-model.md §3): sessions by inner tuple, session sides by outer
 * tuple, wayport pairs, re-attachment, removal and expiry. The packet rules, BFD and faults sit
 * on top of it; it imports none of them.
 */
import { C } from '../metrics/counters.ts';
import { FWD, Rec, WAYPORT_MIN } from './constants.ts';
import { WanSide, WAYPORT_PAIRS, type PeerPath, type RouterRt, type RouterSession } from './network.ts';
import { outerLo, type Packet } from './packet.ts';
import type { World } from './world.ts';
import { armExpiry, headOf, trackSession, untrackSession } from './expiry.ts';

/** At most this many extra tuples per side; the oldest goes first (re-opened hops rarely need two). */
const MAX_ALIASES = 4;

/** Gives session side `side` a LAN link or a new hop that this router opens. */
export function connectSide(w: World, r: RouterRt, s: RouterSession, side: 0 | 1): boolean {
  const host = (side === 1 ? s.sAddr : s.innerHi) - 1;
  const lan = r.hosts.get(host);
  if (lan !== undefined) {
    if (side === 1) s.lan1 = lan;
    else s.lan0 = lan;
    return true;
  }
  const hop = w.routing.nextHop(r, host, true);
  if (hop === null) return false;
  const ws = openSide(w, r, s, side, hop);
  if (ws === null) return false;
  if (side === 1) s.wan1 = ws;
  else s.wan0 = ws;
  return true;
}

/**
 * A new hop opened by `r` over `pp`: picks the wayport pair, registers the outer tuple. Across
 * a NAT this router is outside of, the hop goes through the pinhole the inside router's BFD
 * keeps open (its public address and port as seen here).
 */
export function openSide(w: World, r: RouterRt, s: RouterSession, side: 0 | 1, pp: PeerPath): WanSide | null {
  if (pp.natOutside && pp.peerBfdPort < 0) return null;
  const k = r.pool(pp.peer).take();
  if (k < 0) {
    w.bump(r, C.WayportsExhausted);
    return null;
  }
  const local = WAYPORT_MIN + 2 * k;
  const peerAddr = pp.natOutside ? pp.peerBfdAddr : pp.peer + 1;
  const peerPort = pp.natOutside ? pp.peerBfdPort : local + 1;
  const ws = new WanSide({ sess: s, side, path: pp, localPort: local, peerAddr, peerPort, sendMd: true, now: w.now, pinhole: w.links[pp.link]!.nat !== null });
  ws.ownsPorts = true;
  ws.fresh = true;
  r.wan.set(ws.peerAddr, outerLo(ws.peerPort, ws.localPort), ws);
  return ws;
}

/**
 * The side a session learns from metadata on packet `p`: the outer tuple the packet came on.
 * Forward metadata makes this side's reverse packets carry metadata (the echo); reverse
 * metadata means the peer already has the session, so forward packets need none.
 */
export function learnedSide(w: World, r: RouterRt, s: RouterSession, side: 0 | 1, p: Packet, pp: PeerPath): WanSide {
  const ws = new WanSide({ sess: s, side, path: pp, localPort: p.oDstPort, peerAddr: p.oSrcAddr, peerPort: p.oSrcPort, sendMd: p.dir === FWD, now: w.now, pinhole: w.links[pp.link]!.nat !== null });
  ws.mdRxSinceTx = 1;
  // A hop this router once opened itself: its pair is off the free list while the session lives.
  const k = ownPair(pp, p.oDstPort);
  if (k >= 0 && r.pool(pp.peer).claim(k)) ws.ownsPorts = true;
  r.wan.set(ws.peerAddr, outerLo(ws.peerPort, ws.localPort), ws);
  return ws;
}

/** The pair index of local wayport `port` when it is one this router hands out towards that peer, else -1. */
function ownPair(pp: PeerPath, port: number): number {
  const off = port - WAYPORT_MIN;
  if (off < 0 || off % 2 !== 0) return -1;
  const k = off / 2;
  return k < WAYPORT_PAIRS ? k : -1;
}

/** §3 re-attach: side `ws` also answers to the tuple the peer re-opened the hop on. */
export function addAlias(r: RouterRt, ws: WanSide, addr: number, lo: number, localPort: number): void {
  const list = (ws.aliases ??= []);
  if (list.length >= MAX_ALIASES * 3) {
    dropAlias(r, ws, 0);
  }
  let owned = -1;
  const k = ownPair(ws.path, localPort);
  if (k >= 0 && r.pool(ws.path.peer).claim(k)) owned = k;
  list.push(addr, lo, owned);
  r.wan.set(addr, lo, ws);
}

function dropAlias(r: RouterRt, ws: WanSide, i: number): void {
  const list = ws.aliases!;
  const addr = list[i]!;
  const lo = list[i + 1]!;
  const owned = list[i + 2]!;
  if (r.wan.get(addr, lo) === ws) r.wan.delete(addr, lo);
  if (owned >= 0) r.pool(ws.path.peer).give(owned);
  list.splice(i, 3);
  if (list.length === 0) ws.aliases = null;
}

/**
 * §3 re-attach when the peer evidently lost our tuple (it re-opened the hop on one of its own):
 * this side sends on the peer's tuple from now on, and still answers to its old one.
 */
export function adopt(r: RouterRt, ws: WanSide, addr: number, srcPort: number, localPort: number): void {
  const list = (ws.aliases ??= []);
  if (list.length >= MAX_ALIASES * 3) dropAlias(r, ws, 0);
  // The old sending tuple stays registered as an extra one, with its pair if we own it.
  list.push(ws.peerAddr, outerLo(ws.peerPort, ws.localPort), ws.ownsPorts ? (ws.localPort - WAYPORT_MIN) / 2 : -1);
  ws.ownsPorts = false;
  ws.fresh = false;
  const k = ownPair(ws.path, localPort);
  if (k >= 0 && r.pool(ws.path.peer).claim(k)) ws.ownsPorts = true;
  ws.setTuple(localPort, addr, srcPort);
  r.wan.set(addr, outerLo(srcPort, localPort), ws);
}

/**
 * The NAT in front of the peer now shows it on another public port: this side (outside the
 * NAT) sends there from now on and answers to the new tuple only.
 */
export function retarget(r: RouterRt, ws: WanSide, addr: number, port: number): void {
  const old = outerLo(ws.peerPort, ws.localPort);
  if (r.wan.get(ws.peerAddr, old) === ws) r.wan.delete(ws.peerAddr, old);
  ws.setPeer(addr, port);
  r.wan.set(addr, outerLo(port, ws.localPort), ws);
}

/**
 * Tuple (addr, lo) of side `ws` turned out to belong to another session (the peer reused the
 * wayports): an extra tuple is simply forgotten, the sending tuple takes the session with it.
 */
export function dropTuple(w: World, r: RouterRt, ws: WanSide, addr: number, lo: number): void {
  const list = ws.aliases;
  if (list !== null) {
    for (let i = 0; i < list.length; i += 3) {
      if (list[i] === addr && list[i + 1] === lo) return dropAlias(r, ws, i);
    }
  }
  removeSession(w, r, ws.sess);
}

/** Forgets every tuple of a side and returns its own pairs. */
export function unregisterSide(r: RouterRt, ws: WanSide): void {
  const lo = outerLo(ws.peerPort, ws.localPort);
  if (r.wan.get(ws.peerAddr, lo) === ws) r.wan.delete(ws.peerAddr, lo);
  if (ws.ownsPorts) r.pool(ws.path.peer).give((ws.localPort - WAYPORT_MIN) / 2);
  while (ws.aliases !== null) dropAlias(r, ws, 0);
}

/** Enters a new session into the router's table. */
export function finishSession(w: World, r: RouterRt, s: RouterSession): void {
  w.addRouterSession(s);
  r.lan.set(s.innerHi, s.innerLo, s);
  r.sessions++;
  w.bump(r, C.SessionsCreated);
  if (s.metricsRef !== null) s.metricsRef.routerRefs++;
  trackSession(w, s);
}

/** Removes a session and all its flows from `r`. */
export function removeSession(w: World, r: RouterRt, s: RouterSession): void {
  if (!s.alive) return;
  s.alive = false;
  untrackSession(w, s);
  if (r.lan.get(s.innerHi, s.innerLo) === s) r.lan.delete(s.innerHi, s.innerLo);
  if (s.wan0 !== null) unregisterSide(r, s.wan0);
  if (s.wan1 !== null) unregisterSide(r, s.wan1);
  r.sessions--;
  if (s.metricsRef !== null) s.metricsRef.routerRefs--;
  w.dropRouterSession(s);
}

/** An expiry list's timer fired: expire every session whose deadline has come, then re-arm. */
export function expireDue(w: World, cls: number): void {
  const l = w.expiry[cls]!;
  if (w.now !== l.timerAt) return; // superseded
  for (let s = headOf(w, l); s !== null && s.lastActivity + l.timeoutUs <= w.now; s = headOf(w, l)) {
    const r = w.routers[s.router]!;
    w.bump(r, C.SessionsExpired);
    w.emit(r.node, 'session-expired', { idleMs: (w.now - s.lastActivity) / 1000 }, s.metricsRef?.id);
    removeSession(w, r, s); // unlinks it
  }
  armExpiry(w, l);
}

/** Re-opens a hop: the next packets on it carry session metadata until the handshake completes. */
export function reopen(w: World, r: RouterRt, ws: WanSide, cause: Rec, why: string): void {
  ws.sendMd = true;
  if (ws.hcNonce !== 0) {
    ws.hcNonce = 0;
    ws.hcAt = 0;
  }
  ws.sess.stuck = false;
  w.metrics.noteCause(ws.sess.metricsRef, cause);
  w.emit(r.node, 'hop-reopened', { why, side: sideName(ws), rule: why === 'enable-metadata' ? '§4.3' : '§4.5' }, ws.sess.metricsRef?.id);
}

/** How a side reads in the event log. */
export function sideName(ws: WanSide): string {
  return ws.side === 0 ? 'client-side (forward flow in)' : 'server-side (reverse flow in)';
}
