/** Faults (ssr-model.md §4.1, scenario-format.md): applied at their virtual time. */
import type { Fault } from '../scenario/schema.ts';
import { C } from '../metrics/counters.ts';
import { Act, BYTES, Loss, Pk, WAYPORT_MIN, WAYPORT_MAX } from './constants.ts';
import { LinkAct, linkTimerAct, linkTimerTag, scheduleBfdTick, scheduleLinkTimer, scheduleNodeUp, scheduleScanTick } from './events.ts';
import type { Nat, RouterRt } from './network.ts';
import { noFlow } from './router-logic.ts';
import { removeSession } from './session-table.ts';
import type { World } from './world.ts';

/** The node index an event for this fault is attributed to (fingerprint, log). */
export function faultNode(w: World, f: Fault): number {
  if ('node' in f) return w.nodeIds.indexOf(f.node);
  if ('target' in f) return w.nodeIds.indexOf(f.target);
  if ('link' in f) return w.links[w.linkById.get(f.link)!]!.a;
  return 0;
}

/** Applies fault number `i` of the run's fault log now. */
export function applyFault(w: World, i: number): void {
  const f = w.faultLog[i]!.fault;
  switch (f.type) {
    case 'node-restart': {
      const r = w.routers[w.nodeIds.indexOf(f.node)]!;
      wipe(w, r, 1);
      r.up = false;
      r.epoch++;
      r.bootGen++;
      for (const pp of r.paths) {
        pp.up = false;
        pp.holdUntil = -1;
      }
      w.emit(r.node, 'node-down', { downtimeMs: f.downtimeMs, rule: '§4.1 node-restart' });
      scheduleNodeUp(w, w.now + Math.round(f.downtimeMs * 1000), r.node, r.bootGen);
      return;
    }
    case 'session-loss': {
      const r = w.routers[w.nodeIds.indexOf(f.node)]!;
      const n = wipe(w, r, f.fraction);
      w.emit(r.node, 'session-loss', { fraction: f.fraction, sessionsLost: n, rule: '§4.1 session-loss' });
      return;
    }
    case 'link-down': {
      const li = w.linkById.get(f.link)!;
      const l = w.links[li]!;
      l.up = false;
      l.gen++;
      w.emit(l.a, 'link-down', { link: l.id, durationMs: f.durationMs ?? 'until link-up' });
      if (f.durationMs !== null) scheduleLinkTimer(w, w.now + Math.round(f.durationMs * 1000), l.a, li, LinkAct.Up, l.gen);
      return;
    }
    case 'link-up': {
      const l = w.links[w.linkById.get(f.link)!]!;
      l.up = true;
      l.gen++;
      w.emit(l.a, 'link-up', { link: l.id });
      return;
    }
    case 'link-impair': {
      const li = w.linkById.get(f.link)!;
      const l = w.links[li]!;
      const id = ++l.impairSeq;
      l.impairs.push({ id, fault: f });
      l.applyImpairments();
      w.emit(l.a, 'link-impaired', { link: l.id, direction: f.direction });
      if (f.durationMs !== null) scheduleLinkTimer(w, w.now + Math.round(f.durationMs * 1000), l.a, li, LinkAct.Restore, id);
      return;
    }
    case 'link-flap': {
      const li = w.linkById.get(f.link)!;
      const l = w.links[li]!;
      const down = Math.round(f.downMs * 1000);
      const cycle = down + Math.round(f.upMs * 1000);
      for (let k = 0; k < f.count; k++) {
        scheduleLinkTimer(w, w.now + k * cycle, l.a, li, LinkAct.FlapDown);
        scheduleLinkTimer(w, w.now + k * cycle + down, l.a, li, LinkAct.FlapUp);
      }
      return;
    }
    case 'nat-rebind': {
      const l = w.links[w.linkById.get(f.link)!]!;
      l.nat?.rebind();
      w.emit(l.nat?.inside ?? l.a, 'nat-rebind', { link: l.id, rule: '§4.1 nat-rebind' });
      return;
    }
    case 'scan': {
      const node = w.nodeIds.indexOf(f.target);
      w.emit(node, 'scan-start', { ratePps: f.ratePps, durationMs: f.durationMs });
      scheduleScanTick(w, w.now, node, i);
      return;
    }
  }
}

/** Link timer: end of a link-down, end of an impairment, or one step of a flap. */
export function linkTimer(w: World, li: number, b: number): void {
  const l = w.links[li]!;
  const act = linkTimerAct(b);
  const gen = linkTimerTag(b);
  if (act === LinkAct.Up) {
    if (gen !== l.gen) return;
    l.up = true;
    w.emit(l.a, 'link-up', { link: l.id });
  } else if (act === LinkAct.Restore) {
    // Only this impairment ends; the others still in force are re-applied over the base.
    l.impairs = l.impairs.filter((x) => x.id !== gen);
    l.applyImpairments();
    w.emit(l.a, 'link-restored', { link: l.id, stillImpaired: l.impairs.length > 0 });
  } else {
    l.up = act === LinkAct.FlapUp;
    l.gen++;
    w.emit(l.a, l.up ? 'link-up' : 'link-down', { link: l.id, flap: true });
  }
}

/** A restarted router comes back: empty tables, a new epoch, BFD starts again. */
export function nodeUp(w: World, r: RouterRt, bootGen: number): void {
  if (bootGen !== r.bootGen || r.up) return;
  r.up = true;
  r.tokens = r.ctlRate;
  r.tokensAt = w.now;
  w.emit(r.node, 'node-up', { epoch: r.epoch });
  scheduleBfdTick(w, w.now, r.node, r.bootGen);
}

/** One scanner probe towards a random wayport of the target router's WAN side. */
export function scanTick(w: World, node: number, i: number): void {
  const entry = w.faultLog[i]!;
  const f = entry.fault;
  if (f.type !== 'scan') return;
  if (w.now >= Math.round((entry.atMs + f.durationMs) * 1000)) return;
  const r = w.routers[node]!;
  if (r.up) {
    const p = w.pool.get();
    p.kind = Pk.Scan;
    p.oSrcAddr = w.scannerBase + i;
    p.oSrcPort = 1024 + w.scanRng.int(64511);
    p.oDstAddr = r.addr;
    p.oDstPort = WAYPORT_MIN + w.scanRng.int(WAYPORT_MAX - WAYPORT_MIN + 1);
    p.wire = BYTES.controlPacket;
    const nat = natInFront(w, r);
    if (nat !== null && nat.inbound(p.oDstPort, w.now) < 0) {
      // Only the NAT's public address is reachable: a probe to a port with no binding ends there.
      w.bump(r, C.NatDropped);
      w.drop(p, Loss.Nat, -1 - r.node);
    } else {
      // A scanner's source is never a peer's waypoint, so no flow matches.
      noFlow(w, r, p, null);
      w.pool.release(p);
    }
  }
  // Probe k goes out at start + k/rate exactly (rounded to the µs), so the rate does not drift.
  const startUs = Math.round(entry.atMs * 1000);
  const k = Math.round(((w.now - startUs) * f.ratePps) / 1_000_000) + 1;
  scheduleScanTick(w, Math.max(w.now + 1, startUs + Math.round((k * 1_000_000) / f.ratePps)), node, i);
}

/** The NAT a scanner meets first: set when every peer path of `r` is behind NAT (it has no public address). */
function natInFront(w: World, r: RouterRt): Nat | null {
  let nat: Nat | null = null;
  for (const pp of r.paths) {
    if (!pp.natInside) return null;
    nat ??= w.links[pp.link]!.nat;
  }
  return nat;
}

/** Wipes a fraction of a router's sessions (all when 1), chosen by the faults' random stream. */
function wipe(w: World, r: RouterRt, fraction: number): number {
  // Registry order: deterministic (the same run always reuses the same ids).
  const st = w.sessions;
  const mine: number[] = [];
  for (let s = 0, end = st.sessionEnd; s < end; s++) if (st.alive(s) && st.router(s) === r.node) mine.push(s);
  const n = Math.round(mine.length * Math.min(1, Math.max(0, fraction)));
  if (n < mine.length) {
    for (let k = 0; k < n; k++) {
      const j = k + w.faultRng.int(mine.length - k);
      const t = mine[k]!;
      mine[k] = mine[j]!;
      mine[j] = t;
    }
  }
  for (let k = 0; k < n; k++) removeSession(w, r, mine[k]!);
  r.counters[C.SessionsLost]! += n;
  w.fp.act(r.node, Act.Counter | C.SessionsLost);
  return n;
}
