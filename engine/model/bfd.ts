/** Peer liveness (ssr-model.md §4.5): BFD packets, down/up with hold-down, boot epochs. */
import { C } from '../metrics/counters.ts';
import { BFD_PORT, BYTES, Ctl, Pk, Rec } from './constants.ts';
import { scheduleBfdTick } from './events.ts';
import type { PeerPath, RouterRt } from './network.ts';
import type { Packet } from './packet.ts';
import { reopen } from './session-table.ts';
import type { World } from './world.ts';

/** A router's BFD timer: send on every peer path, then judge each path. */
export function bfdTick(w: World, r: RouterRt, bootGen: number): void {
  if (!r.up || bootGen !== r.bootGen) return;
  const detectUs = r.bfdMult * r.bfdTxUs;
  for (const pp of r.paths) {
    // Across NAT the outside router can only answer once the inside's BFD opened a binding.
    if (pp.peerBfdPort >= 0) {
      const p = w.pool.get();
      p.kind = Pk.Bfd;
      p.epoch = r.epoch;
      p.oSrcAddr = r.addr;
      p.oSrcPort = BFD_PORT;
      p.oDstAddr = pp.peerBfdAddr;
      p.oDstPort = pp.peerBfdPort;
      p.wire = BYTES.bfdPacket;
      w.metrics.control(Ctl.Bfd, BYTES.bfdPacket);
      w.transmit(pp.link, r.node, p);
    }
    const silent = w.now - pp.lastHeard >= detectUs;
    if (pp.up) {
      if (silent) {
        pp.up = false;
        pp.holdUntil = -1;
        w.bump(r, C.BfdPathDown);
        w.emit(r.node, 'bfd-down', { link: w.links[pp.link]!.id, peer: w.nodeIds[pp.peer]!, rule: '§4.5' });
      }
    } else if (silent) pp.holdUntil = -1;
    else if (pp.holdUntil >= 0 && w.now >= pp.holdUntil) {
      pp.up = true;
      w.bump(r, C.BfdPathUp);
      w.emit(r.node, 'bfd-up', { link: w.links[pp.link]!.id, peer: w.nodeIds[pp.peer]!, rule: '§4.5 hold-down' });
    }
  }
  scheduleBfdTick(w, w.now + r.bfdTxUs, r.node, r.bootGen);
}

/** A BFD packet arrives: liveness, hold-down start, and the peer's boot epoch. */
export function bfdReceive(w: World, r: RouterRt, p: Packet, pp: PeerPath): void {
  pp.lastHeard = w.now;
  if (pp.natOutside) {
    pp.peerBfdAddr = p.oSrcAddr;
    pp.peerBfdPort = p.oSrcPort;
  }
  if (!pp.up && pp.holdUntil < 0) pp.holdUntil = w.now + r.bfdHoldUs;
  if (pp.peerEpoch >= 0 && p.epoch !== pp.peerEpoch) {
    w.bump(r, C.BfdPeerRestart);
    // Rare (a peer restarted), so one scan of the table beats an index kept per session.
    const st = w.sessions;
    const sides: number[] = [];
    for (const ws of r.wan.values()) if (w.paths[st.path(ws)]!.peer === pp.peer) sides.push(ws);
    w.emit(r.node, 'bfd-peer-restart', { peer: w.nodeIds[pp.peer]!, epoch: p.epoch, hops: sides.length, rule: '§4.5 epoch' });
    for (const ws of sides) reopen(w, r, ws, Rec.Bfd, 'bfd-epoch');
  }
  pp.peerEpoch = p.epoch;
  w.pool.release(p);
}
