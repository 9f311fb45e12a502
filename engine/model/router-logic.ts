/**
 * What a router does with a packet (ssr-model.md §3, §4): tuple lookups, opening sessions,
 * the metadata handshake, enable-metadata, inactivity-based health checks, failover.
 */
import { C } from '../metrics/counters.ts';
import { BYTES, Ctl, DISABLE_FWD_MIN_GAP_US, Ev, FWD, Loss, Pk, Rec, REV, WAYPORT_MIN } from './constants.ts';
import { RouterSession, WanSide, type PeerPath, type RouterRt } from './network.ts';
import { innerLo, outerLo, type Packet } from './packet.ts';
import type { World } from './world.ts';
import { bfdReceive } from './bfd.ts';
import { trackSession, touchSession, untrackSession } from './expiry.ts';

/** A packet reaches router `r` over link `li`. */
export function routerReceive(w: World, r: RouterRt, p: Packet, li: number): void {
  if (!r.up) return w.drop(p, Loss.NodeDown);
  const l = w.links[li]!;
  if (!l.isWan) return fromLan(w, r, p, li);
  const pp = l.a === r.node ? l.pathA! : l.pathB!;
  if (p.kind === Pk.Bfd) return bfdReceive(w, r, p, pp);
  if (p.kind === Pk.Data) return wanData(w, r, p, pp);
  wanControl(w, r, p);
}

function fromLan(w: World, r: RouterRt, p: Packet, li: number): void {
  let s = r.lan.get(p.cAddr, innerLo(p.cPort, p.svc));
  if (s !== undefined) {
    if (s.stuck) r.counters[C.StuckPinholeReverse]! += 1;
  } else if (p.dir === FWD) {
    const opened = openSession(w, r, p, li);
    if (opened === null) {
      r.counters[C.NoRouteDropped]! += 1;
      return w.drop(p, Loss.NoFlow);
    }
    s = opened;
  } else {
    r.counters[C.NoSessionLanDropped]! += 1;
    return w.drop(p, Loss.NoFlow);
  }
  forward(w, r, s, p);
}

/** Opens a session for a LAN packet addressed to a service (§3). */
function openSession(w: World, r: RouterRt, p: Packet, lanLink: number): RouterSession | null {
  const s = new RouterSession(-1, r.node, p.cAddr, innerLo(p.cPort, p.svc), p.proto, p.sAddr, w.now, p.app);
  s.lan0 = lanLink;
  if (!connectSide(w, r, s, 1)) return null;
  finishSession(w, r, s);
  w.emit(r.node, 'session-opened', { side: 'client-lan' }, p.app?.id);
  return s;
}

/** Gives session side `side` a LAN link or a new hop that this router opens. */
function connectSide(w: World, r: RouterRt, s: RouterSession, side: 0 | 1): boolean {
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

/** A new hop opened by `r` over `pp`: picks the wayport pair, registers the outer tuple. */
function openSide(w: World, r: RouterRt, s: RouterSession, side: 0 | 1, pp: PeerPath): WanSide | null {
  const k = r.pool(pp.peer).take();
  if (k < 0) {
    r.counters[C.WayportsExhausted]! += 1;
    return null;
  }
  const local = WAYPORT_MIN + 2 * k;
  const ws = new WanSide(s, side, pp, local, pp.peer + 1, local + 1, true, w.now, w.links[pp.link]!.nat !== null);
  ws.ownsPorts = true;
  registerSide(r, ws);
  return ws;
}

function registerSide(r: RouterRt, ws: WanSide): void {
  r.wan.set(ws.peerAddr, outerLo(ws.peerPort, ws.localPort), ws);
}

function unregisterSide(r: RouterRt, ws: WanSide): void {
  const lo = outerLo(ws.peerPort, ws.localPort);
  if (r.wan.get(ws.peerAddr, lo) === ws) r.wan.delete(ws.peerAddr, lo);
  if (ws.ownsPorts) r.pool(ws.path.peer).give((ws.localPort - WAYPORT_MIN) / 2);
}

function finishSession(w: World, r: RouterRt, s: RouterSession): void {
  w.addRouterSession(s);
  r.lan.set(s.innerHi, s.innerLo, s);
  r.sessions++;
  r.counters[C.SessionsCreated]! += 1;
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
    // A session learned from metadata in one direction has both sides; this is defensive.
    r.counters[C.NoRouteDropped]! += 1;
    return w.drop(p, Loss.NoFlow);
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
    r.counters[C.MetadataAdded]! += 1;
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
  r.counters[C.AddedHealthCheck]! += 1;
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
  r.counters[C.Failover]! += 1;
  w.metrics.noteCause(s.metricsRef, Rec.Failover);
  w.emit(r.node, 'failover', { from: w.links[ws.path.link]!.id, to: w.links[alt.link]!.id, rule: '§4.5' }, s.metricsRef?.id);
  return moved;
}

function wanData(w: World, r: RouterRt, p: Packet, pp: PeerPath): void {
  let ws = r.wan.get(p.oSrcAddr, outerLo(p.oSrcPort, p.oDstPort));
  if (ws !== undefined && p.md && (ws.sess.innerHi !== p.cAddr || ws.sess.innerLo !== innerLo(p.cPort, p.svc))) {
    // The metadata names another session: the peer lost state and reused these wayports.
    r.counters[C.SessionReplaced]! += 1;
    w.emit(r.node, 'session-replaced', { reason: 'wayports reused by the peer for another session', rule: '§3' }, ws.sess.metricsRef?.id);
    removeSession(w, r, ws.sess);
    ws = undefined;
  }
  if (ws !== undefined) {
    ws.lastRx = w.now;
    if (p.md) {
      r.counters[C.MetadataRemoved]! += 1;
      handshakeOnMetadata(w, r, ws);
    } else if (!ws.opener) ws.sendMd = false;
    if (p.hc !== 0 && r.v61) sendAck(w, r, ws, p.hc, p);
    p.md = false;
    p.hc = 0;
    return forward(w, r, ws.sess, p);
  }
  if (p.md) {
    r.counters[C.MetadataRemoved]! += 1;
    const s = createFromMetadata(w, r, p, pp);
    if (s === null) {
      r.counters[C.NoRouteDropped]! += 1;
      return w.drop(p, Loss.NoFlow);
    }
    p.md = false;
    p.hc = 0;
    return forward(w, r, s, p);
  }
  noFlow(w, r, p, pp);
  w.drop(p, Loss.NoFlow);
}

/** §4.2: a packet without metadata for an outer tuple that matches no flow. */
export function noFlow(w: World, r: RouterRt, p: Packet, pp: PeerPath | null): void {
  if (p.hc !== 0 && r.v61) sendEnableMetadata(w, r, p, pp, true);
  else if (!r.inactivity) sendEnableMetadata(w, r, p, pp, false);
  else {
    r.counters[C.NoFlowDroppedSilently]! += 1;
    w.emit(r.node, 'no-flow-dropped-silently', { srcPort: p.oSrcPort, dstPort: p.oDstPort, scanner: p.kind === Pk.Scan, rule: '§4.2 inactivity-based' }, p.app?.id);
  }
}

/**
 * §3 handshake, on a packet that carries session metadata for a known side. The opener takes
 * the first metadata from the peer as the echo (the learner keeps adding it until it sees a
 * packet without, so more may still be in flight). The learner echoes metadata until a packet
 * without it arrives, which also covers a peer that re-opened the hop. Either side that keeps
 * receiving metadata with nothing to send back (one-way traffic) asks the peer to stop with
 * disable-forward-metadata; the opener does not count the echo itself.
 */
function handshakeOnMetadata(w: World, r: RouterRt, ws: WanSide): void {
  if (ws.opener) {
    if (ws.sendMd) {
      ws.sendMd = false;
      return;
    }
  } else ws.sendMd = true;
  ws.mdRxSinceTx++;
  if (ws.mdRxSinceTx >= 2 && (ws.lastDisableFwd < 0 || w.now - ws.lastDisableFwd >= DISABLE_FWD_MIN_GAP_US)) sendDisableForward(w, r, ws);
}

/** §3: metadata on an unknown outer tuple creates the session (in either direction). */
function createFromMetadata(w: World, r: RouterRt, p: Packet, pp: PeerPath): RouterSession | null {
  const lo = innerLo(p.cPort, p.svc);
  const arriving: 0 | 1 = p.dir === FWD ? 0 : 1;
  const old = r.lan.get(p.cAddr, lo);
  if (old !== undefined) {
    const oldSide = arriving === 0 ? old.wan0 : old.wan1;
    if (oldSide !== null && oldSide.path.peer === pp.peer) {
      r.counters[C.SessionReplaced]! += 1;
      w.emit(r.node, 'session-replaced', { pinhole: oldSide.pinhole, rule: '§3' }, p.app?.id);
      removeSession(w, r, old);
    }
  }
  const s = new RouterSession(-1, r.node, p.cAddr, lo, p.proto, p.sAddr, w.now, p.app);
  const ws = new WanSide(s, arriving, pp, p.oDstPort, p.oSrcAddr, p.oSrcPort, false, w.now, w.links[pp.link]!.nat !== null);
  ws.mdRxSinceTx = 1;
  if (arriving === 0) s.wan0 = ws;
  else s.wan1 = ws;
  registerSide(r, ws);
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
    r.counters[probe ? C.HealthCheckBufferAllocation : C.EnableMetadataBufferAllocation]! += 1;
    return;
  }
  r.counters[C.EnableMetadataSent]! += 1;
  const exposure = p.kind === Pk.Scan || p.app === null || p.app.routerRefs === 0;
  if (exposure) r.counters[C.Exposure]! += 1;
  w.metrics.control(Ctl.EnableMetadata, BYTES.controlPacket);
  if (w.trace !== null) {
    w.emit(r.node, 'enable-metadata-sent', { answering: probe ? 'health-check' : p.kind === Pk.Scan ? 'scanner' : 'packet', exposure, dstPort: p.oSrcPort, rule: probe ? '§4.2 health check, flow missing' : '§4.2 packet-based' }, p.app?.id);
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
    r.counters[C.HealthCheckBufferAllocation]! += 1;
    return;
  }
  r.counters[C.GeneratedAck]! += 1;
  const a = w.pool.get();
  a.kind = Pk.HealthCheckAck;
  a.hc = nonce;
  a.app = p.app;
  fillControl(r, ws, a);
  if (w.links[ws.path.link]!.up) r.counters[C.SentAck]! += 1;
  w.metrics.control(Ctl.Ack, BYTES.controlPacket);
  w.emit(r.node, 'health-check-acknowledged', { nonce, rule: '§4.4.2' }, p.app?.id);
  w.transmit(ws.path.link, r.node, a);
}

function sendDisableForward(w: World, r: RouterRt, ws: WanSide): void {
  if (!r.takeToken(w.now)) {
    r.counters[C.DisableFwdBufferAllocation]! += 1;
    return;
  }
  ws.lastDisableFwd = w.now;
  r.counters[C.SentDisableFwd]! += 1;
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
    if (ws === undefined) r.counters[C.EnableMetadataFlowMiss]! += 1;
    else {
      r.counters[C.ReceivedEnableMetadata]! += 1;
      r.counters[C.InvalidateForEnableMetadata]! += 1;
      reopen(w, r, ws, p.probe ? Rec.HealthCheck : Rec.PacketBased, 'enable-metadata');
    }
  } else if (p.kind === Pk.HealthCheckAck) {
    if (ws !== undefined && ws.hcNonce !== 0 && ws.hcNonce === p.hc) {
      r.counters[C.ReceivedAck]! += 1;
      ws.hcNonce = 0;
      ws.hcAt = 0;
      ws.lastRx = w.now;
      ws.sess.stuck = false;
    } else r.counters[C.ReceivedStaleAck]! += 1;
  } else if (p.kind === Pk.DisableForwardMetadata) {
    if (ws === undefined) r.counters[C.ControlFlowMiss]! += 1;
    else {
      r.counters[C.ReceivedDisableFwd]! += 1;
      ws.lastRx = w.now;
      ws.sendMd = false;
    }
  }
  w.pool.release(p);
}

/** Re-opens a hop: the next packets on it carry session metadata until the peer echoes it. */
export function reopen(w: World, r: RouterRt, ws: WanSide, cause: Rec, why: string): void {
  ws.opener = true;
  ws.sendMd = true;
  if (ws.hcNonce !== 0) {
    ws.hcNonce = 0;
    ws.hcAt = 0;
  }
  ws.sess.stuck = false;
  w.metrics.noteCause(ws.sess.metricsRef, cause);
  w.emit(r.node, 'hop-reopened', { why, side: sideName(ws), rule: why === 'enable-metadata' ? '§4.3' : '§4.5' }, ws.sess.metricsRef?.id);
}

/** §4.4.5: an acknowledgement deadline passed. */
export function healthCheckDeadline(w: World, r: RouterRt, sid: number, nonce: number): void {
  const s = w.rsessions[sid];
  if (s === null || s === undefined || !s.alive || s.router !== r.node) return;
  const ws = s.wan0 !== null && s.wan0.hcNonce === nonce ? s.wan0 : s.wan1 !== null && s.wan1.hcNonce === nonce ? s.wan1 : null;
  if (ws === null) return;
  r.counters[C.HealthCheckTimeout]! += 1;
  if (ws.pinhole) r.counters[ws.side === 0 ? C.HealthCheckTimeoutFwdPinhole : C.HealthCheckTimeoutRevPinhole]! += 1;
  ws.hcNonce = 0;
  ws.hcAt += r.timeoutUs; // the next check no sooner than inactivity-timeout after this one
  if (ws.pinhole && ws.outside) s.stuck = true;
  w.emit(r.node, 'health-check-timeout', { nonce, pinhole: ws.pinhole, side: sideName(ws), rule: '§4.4.5' }, s.metricsRef?.id);
}

function sideName(ws: WanSide): string {
  return ws.side === 0 ? 'client-side (forward flow in)' : 'server-side (reverse flow in)';
}
