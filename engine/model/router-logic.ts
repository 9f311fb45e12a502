/**
 * What a router does with a packet (ssr-model.md §3, §4): tuple lookups, opening sessions,
 * the metadata handshake, enable-metadata, inactivity-based health checks, failover.
 */
import { C } from '../metrics/counters.ts';
import { BYTES, Ctl, DISABLE_FWD_MIN_GAP_US, Ev, FWD, Loss, Pk, Rec, REV } from './constants.ts';
import { type RouterSession, type WanSide, type PeerPath, type RouterRt } from './network.ts';
import { innerLo, outerLo, type Packet } from './packet.ts';
import type { World } from './world.ts';
import { bfdReceive } from './bfd.ts';
import { touchSession } from './expiry.ts';
import { addAlias, adopt, connectSide, dropTuple, finishSession, learnedSide, openSide, removeSession, reopen, retarget, sideName, unregisterSide } from './session-table.ts';

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
    if (s.stuck) w.bump(r, C.StuckPinholeReverse);
  } else if (p.dir === FWD) {
    const opened = openSession(w, r, p, li);
    if (opened === null) {
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

/** Opens a session for a LAN packet addressed to a service (§3). */
function openSession(w: World, r: RouterRt, p: Packet, lanLink: number): RouterSession | null {
  const s = w.newRouterSession(r, p);
  s.lan0 = lanLink;
  if (!connectSide(w, r, s, 1)) return null;
  finishSession(w, r, s);
  w.emit(r.node, 'session-opened', { side: 'client-lan' }, p.app?.id);
  return s;
}

/** Sends a packet of session `s` out of the side its direction leads to. */
function forward(w: World, r: RouterRt, s: RouterSession, p: Packet): void {
  s.lastActivity = w.now;
  if (p.dir !== FWD) s.seenReverse = true;
  touchSession(w, s);
  let side: WanSide | null;
  if (p.dir === FWD) {
    if (s.lan1 >= 0) return toHost(w, r, s.lan1, p);
    side = s.wan1;
  } else {
    if (s.lan0 >= 0) return toHost(w, r, s.lan0, p);
    side = s.wan0;
  }
  if (side === null) {
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
function sendOnSide(w: World, r: RouterRt, side: WanSide, p: Packet): void {
  let ws = side;
  if (!ws.path.up) ws = failover(w, r, ws);
  p.hc = 0;
  if (ws.sendMd) {
    p.md = true;
    p.wire = p.bytes + BYTES.sessionMetadata;
    w.bump(r, C.MetadataAdded);
    w.metrics.control(Ctl.SessionMetadata, BYTES.sessionMetadata);
  } else {
    p.md = false;
    p.wire = p.bytes;
    if (r.inactivity && ws.hcNonce === 0 && w.now - ws.lastRx >= r.timeoutUs && w.now >= ws.hcAt) {
      addHealthCheck(w, r, ws, p);
    }
  }
  ws.mdRxSinceTx = 0;
  p.oSrcAddr = r.addr;
  p.oSrcPort = ws.localPort;
  p.oDstAddr = ws.peerAddr;
  p.oDstPort = ws.peerPort;
  w.transmit(ws.path.link, r.node, p);
}

/** §4.4.1: the probe rides this packet; an acknowledgement is due within the ack timeout. */
function addHealthCheck(w: World, r: RouterRt, ws: WanSide, p: Packet): void {
  const nonce = ++r.nonce;
  p.hc = nonce;
  // The health check is the only attribute (the packet carries no session metadata).
  p.wire += BYTES.healthCheckAlone;
  ws.hcNonce = nonce;
  ws.hcAt = w.now;
  w.bump(r, C.AddedHealthCheck);
  w.metrics.control(Ctl.HealthCheck, BYTES.healthCheckAlone);
  w.atLane(w.laneHealthCheck, w.now + r.ackTimeoutUs, Ev.HealthCheckDeadline, r.node, ws.sess.id, nonce);
  w.emit(r.node, 'health-check-added', { side: sideName(ws), silentMs: (w.now - ws.lastRx) / 1000, nonce, rule: '§4.4.1' }, ws.sess.metricsRef?.id);
}

/** §4.5: a path BFD sees down is left for another up path to a router that reaches the host. */
function failover(w: World, r: RouterRt, ws: WanSide): WanSide {
  const s = ws.sess;
  const host = (ws.side === 1 ? s.sAddr : s.innerHi) - 1;
  const alt = w.routing.upHop(r, host, true);
  if (alt === null || alt === ws.path) return ws;
  const moved = openSide(w, r, s, ws.side, alt);
  if (moved === null) return ws;
  unregisterSide(r, ws);
  if (ws.side === 1) s.wan1 = moved;
  else s.wan0 = moved;
  // The new hop is this router's own: newer metadata on it re-attaches rather than replaces.
  if (s.learnedSide === ws.side) s.learnedSide = -1;
  w.bump(r, C.Failover);
  w.metrics.noteCause(s.metricsRef, Rec.Failover);
  w.emit(r.node, 'failover', { from: w.links[ws.path.link]!.id, to: w.links[alt.link]!.id, rule: '§4.5' }, s.metricsRef?.id);
  return moved;
}

function sameInner(s: RouterSession, p: Packet): boolean {
  return s.innerHi === p.cAddr && s.innerLo === innerLo(p.cPort, p.svc);
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
  if (ws !== undefined && p.md && !sameInner(ws.sess, p)) {
    // The metadata names another session: the peer lost state and reused these wayports.
    w.bump(r, C.SessionReplaced);
    w.emit(r.node, 'session-replaced', { reason: 'wayports reused by the peer for another session', rule: '§3' }, ws.sess.metricsRef?.id);
    dropTuple(w, r, ws, p.oSrcAddr, lo);
    ws = undefined;
  }
  if (ws !== undefined) {
    ws.lastRx = w.now;
    if (ws.fresh && ws.isSendingTuple(p.oSrcAddr, p.oSrcPort, p.oDstPort)) ws.fresh = false;
    if (p.md) w.bump(r, C.MetadataRemoved);
    handshake(w, r, ws, p.md);
    if (p.hc !== 0 && r.v61) sendAck(w, r, ws, p.hc, p);
    p.md = false;
    p.hc = 0;
    // Routers translate by outer tuple: a stale tuple now held by another session carries the
    // packet into that session. It is lost for its own (misdelivered at the host).
    if (!sameInner(ws.sess, p)) misdirect(w, r, ws.sess, p);
    return forward(w, r, ws.sess, p);
  }
  if (p.md) {
    w.bump(r, C.MetadataRemoved);
    const s = learnFromMetadata(w, r, p, pp);
    if (s === null) {
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

function misdirect(w: World, r: RouterRt, s: RouterSession, p: Packet): void {
  if (!p.mis) w.emit(r.node, 'misdirected', { intoPort: s.cPort, rule: '§3 delivery is end to end' }, p.app?.id);
  p.mis = true;
  p.cAddr = s.innerHi;
  p.cPort = s.cPort;
  p.svc = s.innerLo & 0xffff;
  p.sAddr = s.sAddr;
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
function handshake(w: World, r: RouterRt, ws: WanSide, md: boolean): void {
  if (ws.side === 1) {
    // This side sends forward packets and receives reverse ones. The first reverse metadata
    // completes the handshake (it is not "one-way traffic", however many packets follow it).
    if (!md) return;
    if (ws.sendMd) {
      ws.sendMd = false;
      return;
    }
  } else if (md) ws.sendMd = true;
  else {
    ws.sendMd = false;
    return;
  }
  ws.mdRxSinceTx++;
  if (ws.mdRxSinceTx >= 2 && (ws.lastDisableFwd < 0 || w.now - ws.lastDisableFwd >= DISABLE_FWD_MIN_GAP_US)) sendDisableForward(w, r, ws);
}

/**
 * §3: metadata on an unknown outer tuple. A session with the same inner tuple learned from
 * that same peer on that side is replaced; one that merely faces that peer (opened here or
 * learned from the other side) is kept and re-attached; one whose side faces elsewhere moves
 * that side to this peer. Otherwise the session is created, and its other side connected: a
 * LAN link, or a hop this router opens, once.
 */
function learnFromMetadata(w: World, r: RouterRt, p: Packet, pp: PeerPath): RouterSession | null {
  const arriving: 0 | 1 = p.dir === FWD ? 0 : 1;
  const old = r.lan.get(p.cAddr, innerLo(p.cPort, p.svc));
  if (old !== undefined) {
    const side = arriving === 0 ? old.wan0 : old.wan1;
    if (side !== null && side.path.peer === pp.peer) {
      if (old.learnedSide === arriving) {
        w.bump(r, C.SessionReplaced);
        w.emit(r.node, 'session-replaced', { pinhole: side.pinhole, reason: 'newer metadata from the peer it was learned from', rule: '§3' }, p.app?.id);
        removeSession(w, r, old);
      } else {
        // Outside a NAT, the same wayport of ours from a new public port is the NAT rebinding.
        // A tuple we just opened (nothing heard on it yet) is on its way to the peer: keep
        // sending there, answer to the peer's too, and keep announcing ours. An older tuple of
        // ours the peer evidently lost: send on the peer's tuple from now on.
        const announcing = side.fresh && side.sendMd;
        if (side.outside && p.oDstPort === side.localPort) retarget(r, side, p.oSrcAddr, p.oSrcPort);
        else if (announcing) addAlias(r, side, p.oSrcAddr, outerLo(p.oSrcPort, p.oDstPort), p.oDstPort);
        else adopt(r, side, p.oSrcAddr, p.oSrcPort, p.oDstPort);
        side.lastRx = w.now;
        if (side.side === 0 || !announcing) handshake(w, r, side, true);
        w.emit(r.node, 'hop-reattached', { side: sideName(side), rule: '§3 re-attach' }, p.app?.id);
        return old;
      }
    } else {
      // The session now reaches this side through another peer (the neighbour failed over).
      const moved = learnedSide(w, r, old, arriving, p, pp);
      if (side !== null) unregisterSide(r, side);
      if (arriving === 0) {
        old.wan0 = moved;
        old.lan0 = -1;
      } else {
        old.wan1 = moved;
        old.lan1 = -1;
      }
      w.emit(r.node, 'hop-moved', { side: sideName(moved), peer: w.nodeIds[pp.peer]!, rule: '§3 re-attach' }, p.app?.id);
      return old;
    }
  }
  const s = w.newRouterSession(r, p);
  s.learnedSide = arriving;
  const ws = learnedSide(w, r, s, arriving, p, pp);
  if (arriving === 0) s.wan0 = ws;
  else s.wan1 = ws;
  if (!connectSide(w, r, s, arriving === 0 ? 1 : 0)) {
    unregisterSide(r, ws);
    return null;
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

function sendAck(w: World, r: RouterRt, ws: WanSide, nonce: number, p: Packet): void {
  if (!r.takeToken(w.now)) {
    w.bump(r, C.HealthCheckBufferAllocation);
    return;
  }
  w.bump(r, C.GeneratedAck);
  const a = w.pool.get();
  a.kind = Pk.HealthCheckAck;
  a.hc = nonce;
  a.app = p.app;
  fillControl(r, ws, a);
  if (w.links[ws.path.link]!.up) w.bump(r, C.SentAck);
  w.metrics.control(Ctl.Ack, BYTES.controlPacket);
  w.emit(r.node, 'health-check-acknowledged', { nonce, rule: '§4.4.2' }, p.app?.id);
  w.transmit(ws.path.link, r.node, a);
}

function sendDisableForward(w: World, r: RouterRt, ws: WanSide): void {
  if (!r.takeToken(w.now)) {
    w.bump(r, C.DisableFwdBufferAllocation);
    return;
  }
  ws.lastDisableFwd = w.now;
  w.bump(r, C.SentDisableFwd);
  const d = w.pool.get();
  d.kind = Pk.DisableForwardMetadata;
  d.app = ws.sess.metricsRef;
  fillControl(r, ws, d);
  w.metrics.control(Ctl.DisableForwardMetadata, BYTES.controlPacket);
  w.transmit(ws.path.link, r.node, d);
}

function fillControl(r: RouterRt, ws: WanSide, p: Packet): void {
  p.oSrcAddr = r.addr;
  p.oSrcPort = ws.localPort;
  p.oDstAddr = ws.peerAddr;
  p.oDstPort = ws.peerPort;
  p.wire = BYTES.controlPacket;
}

/** Control packets: enable-metadata (§4.3), acknowledgements (§4.4.4), disable-forward-metadata. */
function wanControl(w: World, r: RouterRt, p: Packet): void {
  const ws = r.wan.get(p.oSrcAddr, outerLo(p.oSrcPort, p.oDstPort));
  if (p.kind === Pk.EnableMetadata) {
    if (ws === undefined) w.bump(r, C.EnableMetadataFlowMiss);
    else {
      w.bump(r, C.ReceivedEnableMetadata);
      w.bump(r, C.InvalidateForEnableMetadata);
      reopen(w, r, ws, p.probe ? Rec.HealthCheck : Rec.PacketBased, 'enable-metadata');
    }
  } else if (p.kind === Pk.HealthCheckAck) {
    if (ws !== undefined && ws.hcNonce !== 0 && ws.hcNonce === p.hc) {
      w.bump(r, C.ReceivedAck);
      ws.hcNonce = 0;
      ws.hcAt = 0;
      ws.lastRx = w.now;
      ws.sess.stuck = false;
    } else w.bump(r, C.ReceivedStaleAck);
  } else if (p.kind === Pk.DisableForwardMetadata) {
    if (ws === undefined) w.bump(r, C.ControlFlowMiss);
    else {
      w.bump(r, C.ReceivedDisableFwd);
      ws.lastRx = w.now;
      ws.sendMd = false;
    }
  }
  w.pool.release(p);
}

/** §4.4.5: an acknowledgement deadline passed. */
export function healthCheckDeadline(w: World, r: RouterRt, sid: number, nonce: number): void {
  const s = w.rsessions[sid];
  if (s === null || s === undefined || !s.alive || s.router !== r.node) return;
  const ws = s.wan0 !== null && s.wan0.hcNonce === nonce ? s.wan0 : s.wan1 !== null && s.wan1.hcNonce === nonce ? s.wan1 : null;
  if (ws === null) return;
  w.bump(r, C.HealthCheckTimeout);
  if (ws.pinhole) w.bump(r, ws.side === 0 ? C.HealthCheckTimeoutFwdPinhole : C.HealthCheckTimeoutRevPinhole);
  ws.hcNonce = 0;
  ws.hcAt += r.timeoutUs; // the next check no sooner than inactivity-timeout after this one
  if (ws.pinhole && ws.outside) s.stuck = true;
  w.emit(r.node, 'health-check-timeout', { nonce, pinhole: ws.pinhole, side: sideName(ws), rule: '§4.4.5' }, s.metricsRef?.id);
}
