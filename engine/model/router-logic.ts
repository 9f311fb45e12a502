/**
 * What a router does with a packet (ssr-model.md §3, §4): tuple lookups, opening sessions,
 * the metadata handshake, enable-metadata, inactivity-based health checks, failover.
 */
import { C } from '../metrics/counters.ts';
import { BYTES, Ctl, DISABLE_FWD_MIN_GAP_US, Ev, FWD, Loss, Pk, Rec, REV } from './constants.ts';
import { type PeerPath, type RouterRt } from './network.ts';
import { lanOf, NIL } from './session-store.ts';
import { innerLo, outerLo, type Packet } from './packet.ts';
import type { World } from './world.ts';
import { bfdReceive } from './bfd.ts';
import { touchSession } from './expiry.ts';
import { abandonSession, addAlias, adopt, connectSide, dropTuple, finishSession, learnedSide, openSide, removeSession, reopen, retarget, sideName, unregisterSide } from './session-table.ts';

/** A packet reaches router `r` over link `li`. */
export function routerReceive(w: World, r: RouterRt, p: Packet, li: number): void {
  if (!r.up) return w.drop(p, Loss.NodeDown, -1 - r.node);
  const l = w.links[li]!;
  if (!l.isWan) return fromLan(w, r, p, li);
  const pp = l.a === r.node ? l.pathA! : l.pathB!;
  if (p.kind === Pk.Bfd) return bfdReceive(w, r, p, pp);
  if (p.kind === Pk.Data) return wanData(w, r, p, pp);
  wanControl(w, r, p);
}

function fromLan(w: World, r: RouterRt, p: Packet, li: number): void {
  let s = r.lan.getHinted(p.cAddr, innerLo(p.cPort, p.svc), p.lanHint);
  if (r.lan.hit !== p.lanHint && r.lan.hit >= 0) rememberHint(p, true, r.lan.hit);
  if (s !== undefined) {
    if (w.sessions.stuck(s)) w.bump(r, C.StuckPinholeReverse);
  } else if (p.dir === FWD) {
    const opened = openSession(w, r, p, li);
    if (opened === NIL) {
      w.bump(r, C.NoRouteDropped);
      return w.drop(p, Loss.NoFlow, -1 - r.node);
    }
    s = opened;
  } else {
    w.bump(r, C.NoSessionLanDropped);
    return w.drop(p, Loss.NoFlow, -1 - r.node);
  }
  forward(w, r, s, p);
}

/** Opens a session for a LAN packet addressed to a service (§3); NIL when it has no route. */
function openSession(w: World, r: RouterRt, p: Packet, lanLink: number): number {
  const s = w.newRouterSession(r, p);
  w.sessions.setLan(s, 0, lanLink);
  if (!connectSide(w, r, s, 1)) {
    abandonSession(w, s);
    return NIL;
  }
  finishSession(w, r, s);
  w.emit(r.node, 'session-opened', { side: 'client-lan' }, p.app?.id);
  return s;
}

/** Sends a packet of session `s` out of the side its direction leads to. */
function forward(w: World, r: RouterRt, s: number, p: Packet): void {
  const st = w.sessions;
  st.setLastActivity(s, w.now);
  const out = p.dir === FWD ? 1 : 0;
  if (out === 0) st.setSeenReverse(s);
  touchSession(w, s);
  const side = st.sideRef(s, out);
  if (side <= -2) return toHost(w, r, lanOf(side), p);
  if (side === NIL) {
    // Every session has both sides (LAN or WAN); this is defensive.
    w.bump(r, C.NoRouteDropped);
    return w.drop(p, Loss.NoFlow, -1 - r.node);
  }
  sendOnSide(w, r, side, p);
}

function toHost(w: World, r: RouterRt, li: number, p: Packet): void {
  p.md = false;
  p.hc = 0;
  p.wire = p.bytes;
  w.transmit(li, r.node, p);
}

/** Sends a data packet on a WAN side: failover, metadata, health check, outer tuple. */
function sendOnSide(w: World, r: RouterRt, side: number, p: Packet): void {
  const st = w.sessions;
  let ws = side;
  let path = w.paths[st.path(ws)]!;
  if (!path.up) {
    ws = failover(w, r, ws);
    path = w.paths[st.path(ws)]!;
  }
  p.hc = 0;
  if (st.sendMd(ws)) {
    p.md = true;
    p.wire = p.bytes + BYTES.sessionMetadata;
    w.bump(r, C.MetadataAdded);
    w.metrics.control(Ctl.SessionMetadata, BYTES.sessionMetadata);
  } else {
    p.md = false;
    p.wire = p.bytes;
    if (r.inactivity && st.hcNonce(ws) === 0 && w.now - st.lastRx(ws) >= r.timeoutUs && w.now >= st.hcAt(ws)) {
      addHealthCheck(w, r, ws, p);
    }
  }
  st.setMdRxSinceTx(ws, 0);
  p.oSrcAddr = r.addr;
  p.oSrcPort = st.localPort(ws);
  p.oDstAddr = st.peerAddr(ws);
  p.oDstPort = st.peerPort(ws);
  w.transmit(path.link, r.node, p);
}

/** §4.4.1: the probe rides this packet; an acknowledgement is due within the ack timeout. */
function addHealthCheck(w: World, r: RouterRt, ws: number, p: Packet): void {
  const st = w.sessions;
  const nonce = ++r.nonce;
  p.hc = nonce;
  // The health check is the only attribute (the packet carries no session metadata).
  p.wire += BYTES.healthCheckAlone;
  st.setHcNonce(ws, nonce);
  st.setHcAt(ws, w.now);
  w.bump(r, C.AddedHealthCheck);
  w.metrics.control(Ctl.HealthCheck, BYTES.healthCheckAlone);
  const s = st.sess(ws);
  w.atLane(w.laneHealthCheck, w.now + r.ackTimeoutUs, Ev.HealthCheckDeadline, r.node, s, nonce);
  if (w.trace !== null) w.emit(r.node, 'health-check-added', { side: sideName(st.side(ws)), silentMs: (w.now - st.lastRx(ws)) / 1000, nonce, rule: '§4.4.1' }, w.appOf(s)?.id);
}

/** §4.5: a path BFD sees down is left for another up path to a router that reaches the host. */
function failover(w: World, r: RouterRt, ws: number): number {
  const st = w.sessions;
  const s = st.sess(ws);
  const side = st.side(ws);
  const path = w.paths[st.path(ws)]!;
  const host = (side === 1 ? st.sAddr(s) : st.innerHi(s)) - 1;
  const alt = w.routing.upHop(r, host, true);
  if (alt === null || alt === path) return ws;
  const moved = openSide(w, r, s, side, alt);
  if (moved === NIL) return ws;
  unregisterSide(w, r, ws);
  st.setWan(s, side, moved);
  // The new hop is this router's own: newer metadata on it re-attaches rather than replaces.
  if (st.learnedSide(s) === side) st.setLearnedSide(s, -1);
  w.bump(r, C.Failover);
  const app = w.appOf(s);
  w.metrics.noteCause(app, Rec.Failover);
  w.emit(r.node, 'failover', { from: w.links[path.link]!.id, to: w.links[alt.link]!.id, rule: '§4.5' }, app?.id);
  return moved;
}

function sameInner(w: World, s: number, p: Packet): boolean {
  return w.sessions.innerHi(s) === p.cAddr && w.sessions.innerLo(s) === innerLo(p.cPort, p.svc);
}

/** Keeps where a data packet's session was found, for the session's next packets (a cache, see Packet.lanHint). */
function rememberHint(p: Packet, lan: boolean, at: number): void {
  const app = p.app;
  if (app === null) return;
  if (p.dir === FWD) {
    if (lan) app.fwdLanHint = at;
    else app.fwdWanHint = at;
  } else if (lan) app.revLanHint = at;
  else app.revWanHint = at;
}

function wanData(w: World, r: RouterRt, p: Packet, pp: PeerPath): void {
  const lo = outerLo(p.oSrcPort, p.oDstPort);
  let ws = r.wan.getHinted(p.oSrcAddr, lo, p.wanHint);
  if (r.wan.hit !== p.wanHint && r.wan.hit >= 0) rememberHint(p, false, r.wan.hit);
  const st = w.sessions;
  if (ws !== undefined && p.md && !sameInner(w, st.sess(ws), p)) {
    // The metadata names another session: the peer lost state and reused these wayports.
    w.bump(r, C.SessionReplaced);
    w.emit(r.node, 'session-replaced', { reason: 'wayports reused by the peer for another session', rule: '§3' }, w.appOf(st.sess(ws))?.id);
    dropTuple(w, r, ws, p.oSrcAddr, lo);
    ws = undefined;
  }
  if (ws !== undefined) {
    st.setLastRx(ws, w.now);
    if (st.fresh(ws) && st.isSendingTuple(ws, p.oSrcAddr, p.oSrcPort, p.oDstPort)) st.setFresh(ws, false);
    if (p.md) w.bump(r, C.MetadataRemoved);
    handshake(w, r, ws, p.md);
    if (p.hc !== 0 && r.v61) sendAck(w, r, ws, p.hc, p);
    p.md = false;
    p.hc = 0;
    // Routers translate by outer tuple: a stale tuple now held by another session carries the
    // packet into that session. It is lost for its own (misdelivered at the host).
    const s = st.sess(ws);
    if (!sameInner(w, s, p)) misdirect(w, r, s, p);
    return forward(w, r, s, p);
  }
  if (p.md) {
    w.bump(r, C.MetadataRemoved);
    const s = learnFromMetadata(w, r, p, pp);
    if (s === NIL) {
      w.bump(r, C.NoRouteDropped);
      return w.drop(p, Loss.NoFlow, -1 - r.node);
    }
    p.md = false;
    p.hc = 0;
    return forward(w, r, s, p);
  }
  noFlow(w, r, p, pp);
  w.drop(p, Loss.NoFlow, -1 - r.node);
}

function misdirect(w: World, r: RouterRt, s: number, p: Packet): void {
  const st = w.sessions;
  if (!p.mis) w.emit(r.node, 'misdirected', { intoPort: st.cPort(s), rule: '§3 delivery is end to end' }, p.app?.id);
  p.mis = true;
  p.cAddr = st.innerHi(s);
  p.cPort = st.cPort(s);
  p.svc = st.innerLo(s) & 0xffff;
  p.sAddr = st.sAddr(s);
}

/** §4.2: a packet without metadata for an outer tuple that matches no flow. */
export function noFlow(w: World, r: RouterRt, p: Packet, pp: PeerPath | null): void {
  if (p.hc !== 0 && r.v61) sendEnableMetadata(w, r, p, pp, true);
  else if (!r.inactivity) sendEnableMetadata(w, r, p, pp, false);
  else {
    w.bump(r, C.NoFlowDroppedSilently);
    w.emit(r.node, 'no-flow-dropped-silently', { srcPort: p.oSrcPort, dstPort: p.oDstPort, scanner: p.kind === Pk.Scan, rule: '§4.2 inactivity-based' }, p.app?.id);
  }
}

/**
 * §3 handshake, stated by direction so that it completes whoever re-opened the hop: forward
 * packets carry metadata until a reverse packet arrives with metadata; reverse packets carry
 * it until a forward packet arrives without. A side that keeps receiving metadata with
 * nothing to send back (one-way traffic) asks the peer to stop with disable-forward-metadata.
 */
function handshake(w: World, r: RouterRt, ws: number, md: boolean): void {
  const st = w.sessions;
  if (st.side(ws) === 1) {
    // This side sends forward packets and receives reverse ones. The first reverse metadata
    // completes the handshake (it is not "one-way traffic", however many packets follow it).
    if (!md) return;
    if (st.sendMd(ws)) {
      st.setSendMd(ws, false);
      return;
    }
  } else if (md) st.setSendMd(ws, true);
  else {
    st.setSendMd(ws, false);
    return;
  }
  const rx = st.mdRxSinceTx(ws) + 1;
  st.setMdRxSinceTx(ws, rx);
  if (rx < 2) return;
  const last = st.lastDisableFwd(ws);
  if (last < 0 || w.now - last >= DISABLE_FWD_MIN_GAP_US) sendDisableForward(w, r, ws);
}

/**
 * §3: metadata on an unknown outer tuple. A session with the same inner tuple learned from
 * that same peer on that side is replaced; one that merely faces that peer (opened here or
 * learned from the other side) is kept and re-attached; one whose side faces elsewhere moves
 * that side to this peer. Otherwise the session is created, and its other side connected: a
 * LAN link, or a hop this router opens, once.
 */
function learnFromMetadata(w: World, r: RouterRt, p: Packet, pp: PeerPath): number {
  const st = w.sessions;
  const arriving: 0 | 1 = p.dir === FWD ? 0 : 1;
  const old = r.lan.get(p.cAddr, innerLo(p.cPort, p.svc));
  if (old !== undefined) {
    const side = st.wan(old, arriving);
    if (side !== NIL && w.paths[st.path(side)]!.peer === pp.peer) {
      if (st.learnedSide(old) === arriving) {
        w.bump(r, C.SessionReplaced);
        w.emit(r.node, 'session-replaced', { pinhole: st.pinhole(side), reason: 'newer metadata from the peer it was learned from', rule: '§3' }, p.app?.id);
        removeSession(w, r, old);
      } else {
        // Outside a NAT, the same wayport of ours from a new public port is the NAT rebinding.
        // A tuple we just opened (nothing heard on it yet) is on its way to the peer: keep
        // sending there, answer to the peer's too, and keep announcing ours. An older tuple of
        // ours the peer evidently lost: send on the peer's tuple from now on.
        const announcing = st.fresh(side) && st.sendMd(side);
        if (st.outside(side) && p.oDstPort === st.localPort(side)) retarget(w, r, side, p.oSrcAddr, p.oSrcPort);
        else if (announcing) addAlias(w, r, side, p.oSrcAddr, outerLo(p.oSrcPort, p.oDstPort), p.oDstPort);
        else adopt(w, r, side, p.oSrcAddr, p.oSrcPort, p.oDstPort);
        st.setLastRx(side, w.now);
        if (arriving === 0 || !announcing) handshake(w, r, side, true);
        w.emit(r.node, 'hop-reattached', { side: sideName(arriving), rule: '§3 re-attach' }, p.app?.id);
        return old;
      }
    } else {
      // The session now reaches this side through another peer (the neighbour failed over).
      const moved = learnedSide(w, r, old, arriving, p, pp);
      if (side !== NIL) unregisterSide(w, r, side);
      st.setWan(old, arriving, moved);
      w.emit(r.node, 'hop-moved', { side: sideName(arriving), peer: w.nodeIds[pp.peer]!, rule: '§3 re-attach' }, p.app?.id);
      return old;
    }
  }
  const s = w.newRouterSession(r, p);
  st.setLearnedSide(s, arriving);
  const ws = learnedSide(w, r, s, arriving, p, pp);
  st.setWan(s, arriving, ws);
  if (!connectSide(w, r, s, arriving === 0 ? 1 : 0)) {
    unregisterSide(w, r, ws);
    abandonSession(w, s);
    return NIL;
  }
  finishSession(w, r, s);
  w.metrics.noteCause(p.app, Rec.Metadata);
  w.emit(r.node, 'session-created-from-metadata', { direction: p.dir === FWD ? 'forward' : 'reverse', rule: '§3' }, p.app?.id);
  return s;
}

function sendEnableMetadata(w: World, r: RouterRt, p: Packet, pp: PeerPath | null, probe: boolean): void {
  if (!r.takeToken(w.now)) {
    w.bump(r, probe ? C.HealthCheckBufferAllocation : C.EnableMetadataBufferAllocation);
    return;
  }
  const scanner = p.kind === Pk.Scan;
  w.bump(r, C.EnableMetadataSent);
  w.bump(r, probe ? C.EnableMetadataForHealthCheck : scanner ? C.EnableMetadataForScanner : C.EnableMetadataForPacket);
  // Exposure: an answer to a packet of no live session (a scanner, or a session every router
  // and its own application have let go). Answering a live session's packet is recovery.
  const lostSession = !scanner && (p.app === null || (!p.app.active && p.app.routerRefs === 0));
  if (scanner || lostSession) {
    w.bump(r, C.Exposure);
    w.bump(r, scanner ? C.ExposureScanner : C.ExposureLostSession);
  }
  w.metrics.control(Ctl.EnableMetadata, BYTES.controlPacket);
  if (w.trace !== null) {
    w.emit(
      r.node,
      'enable-metadata-sent',
      {
        answering: probe ? 'health-check' : scanner ? 'scanner' : 'packet',
        exposure: scanner || lostSession,
        dstPort: p.oSrcPort,
        rule: probe ? '§4.2 health check, flow missing' : '§4.2 packet-based',
      },
      p.app?.id,
    );
  }
  if (pp === null) return; // a scanner's probe: the answer leaves the lab
  const e = w.pool.get();
  e.kind = Pk.EnableMetadata;
  e.probe = probe;
  e.app = p.app;
  e.dir = p.dir === FWD ? REV : FWD;
  e.oSrcAddr = r.addr;
  e.oSrcPort = p.oDstPort;
  e.oDstAddr = p.oSrcAddr;
  e.oDstPort = p.oSrcPort;
  e.wire = BYTES.controlPacket;
  w.transmit(pp.link, r.node, e);
}

function sendAck(w: World, r: RouterRt, ws: number, nonce: number, p: Packet): void {
  if (!r.takeToken(w.now)) {
    w.bump(r, C.HealthCheckBufferAllocation);
    return;
  }
  w.bump(r, C.GeneratedAck);
  const a = w.pool.get();
  a.kind = Pk.HealthCheckAck;
  a.hc = nonce;
  a.app = p.app;
  fillControl(w, r, ws, a);
  const link = w.paths[w.sessions.path(ws)]!.link;
  if (w.links[link]!.up) w.bump(r, C.SentAck);
  w.metrics.control(Ctl.Ack, BYTES.controlPacket);
  w.emit(r.node, 'health-check-acknowledged', { nonce, rule: '§4.4.2' }, p.app?.id);
  w.transmit(link, r.node, a);
}

function sendDisableForward(w: World, r: RouterRt, ws: number): void {
  if (!r.takeToken(w.now)) {
    w.bump(r, C.DisableFwdBufferAllocation);
    return;
  }
  const st = w.sessions;
  st.setLastDisableFwd(ws, w.now);
  w.bump(r, C.SentDisableFwd);
  const d = w.pool.get();
  d.kind = Pk.DisableForwardMetadata;
  d.app = w.appOf(st.sess(ws));
  fillControl(w, r, ws, d);
  w.metrics.control(Ctl.DisableForwardMetadata, BYTES.controlPacket);
  w.transmit(w.paths[st.path(ws)]!.link, r.node, d);
}

function fillControl(w: World, r: RouterRt, ws: number, p: Packet): void {
  const st = w.sessions;
  p.oSrcAddr = r.addr;
  p.oSrcPort = st.localPort(ws);
  p.oDstAddr = st.peerAddr(ws);
  p.oDstPort = st.peerPort(ws);
  p.wire = BYTES.controlPacket;
}

/** Control packets: enable-metadata (§4.3), acknowledgements (§4.4.4), disable-forward-metadata. */
function wanControl(w: World, r: RouterRt, p: Packet): void {
  const st = w.sessions;
  const ws = r.wan.get(p.oSrcAddr, outerLo(p.oSrcPort, p.oDstPort));
  if (p.kind === Pk.EnableMetadata) {
    if (ws === undefined) w.bump(r, C.EnableMetadataFlowMiss);
    else {
      w.bump(r, C.ReceivedEnableMetadata);
      w.bump(r, C.InvalidateForEnableMetadata);
      reopen(w, r, ws, p.probe ? Rec.HealthCheck : Rec.PacketBased, 'enable-metadata');
    }
  } else if (p.kind === Pk.HealthCheckAck) {
    if (ws !== undefined && st.hcNonce(ws) !== 0 && st.hcNonce(ws) === p.hc) {
      w.bump(r, C.ReceivedAck);
      st.setHcNonce(ws, 0);
      st.setHcAt(ws, 0);
      st.setLastRx(ws, w.now);
      st.setStuck(st.sess(ws), false);
    } else w.bump(r, C.ReceivedStaleAck);
  } else if (p.kind === Pk.DisableForwardMetadata) {
    if (ws === undefined) w.bump(r, C.ControlFlowMiss);
    else {
      w.bump(r, C.ReceivedDisableFwd);
      st.setLastRx(ws, w.now);
      st.setSendMd(ws, false);
    }
  }
  w.pool.release(p);
}

/** §4.4.5: an acknowledgement deadline passed. */
export function healthCheckDeadline(w: World, r: RouterRt, sid: number, nonce: number): void {
  const st = w.sessions;
  if (!st.alive(sid) || st.router(sid) !== r.node) return;
  const w0 = st.wan(sid, 0);
  const w1 = st.wan(sid, 1);
  const ws = w0 !== NIL && st.hcNonce(w0) === nonce ? w0 : w1 !== NIL && st.hcNonce(w1) === nonce ? w1 : NIL;
  if (ws === NIL) return;
  const pinhole = st.pinhole(ws);
  const side = st.side(ws);
  w.bump(r, C.HealthCheckTimeout);
  if (pinhole) w.bump(r, side === 0 ? C.HealthCheckTimeoutFwdPinhole : C.HealthCheckTimeoutRevPinhole);
  st.setHcNonce(ws, 0);
  st.setHcAt(ws, st.hcAt(ws) + r.timeoutUs); // the next check no sooner than inactivity-timeout after this one
  if (pinhole && st.outside(ws)) st.setStuck(sid, true);
  w.emit(r.node, 'health-check-timeout', { nonce, pinhole, side: sideName(side), rule: '§4.4.5' }, w.appOf(sid)?.id);
}
