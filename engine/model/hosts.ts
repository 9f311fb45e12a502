/**
 * Clients and servers (ssr-model.md §5): the four traffic patterns, bursts, and TCP's
 * retransmission, application timeout and reconnection.
 */
import { Act, App, Ev, FWD, Loss, Pk, REV } from './constants.ts';
import { scheduleAppTick, scheduleAppTimeout, scheduleRetransmit, scheduleServerTick } from './events.ts';
import { AppSession } from './app-session.ts';
import { Pattern, type TrafficRuntime } from './traffic.ts';
import type { Packet } from './packet.ts';
import type { World } from './world.ts';

const ACK_BYTES = 40;
const MAX_RTO_US = 60_000_000;

/** Schedules the start of every session of every traffic definition, staggered over one period. */
export function scheduleTraffic(w: World): void {
  for (const t of w.traffic) {
    const spread = Math.min(t.pattern === Pattern.RequestResponse ? t.intervalUs : t.periodUs, 1_000_000);
    const offsets = new Float64Array(t.def.sessions);
    for (let k = 0; k < offsets.length; k++) offsets[k] = t.rng.int(spread);
    // In time order they fit one lane instead of crowding the heap at t = 0.
    offsets.sort();
    const lane = w.queue.addLane(Ev.AppStart, t.client, offsets.length);
    for (const offset of offsets) if (t.startUs + offset < t.stopUs) w.atLane(lane, t.startUs + offset, Ev.AppStart, t.client, t.index, offset);
  }
}

/** Opens a new application session now (first start, or reconnect after a give-up). */
export function startSession(w: World, t: TrafficRuntime, phaseUs: number, predecessor: AppSession | null): AppSession {
  const app = new AppSession(w.apps.length, t, t.port(), w.now, phaseUs);
  w.apps.push(app);
  w.metrics.active++;
  w.emit(t.client, predecessor ? 'app-reconnected' : 'app-session-started', { port: app.cPort, pattern: t.def.pattern }, app.id);
  clientTick(w, app);
  return app;
}

function send(w: World, app: AppSession, dir: number, appKind: App, bytes: number): void {
  const t = app.traffic;
  const p = w.pool.get();
  p.kind = Pk.Data;
  p.dir = dir;
  p.proto = t.proto;
  p.cAddr = t.client + 1;
  p.cPort = app.cPort;
  p.sAddr = t.server + 1;
  p.sPort = t.serverPort;
  p.svc = t.svc;
  p.bytes = bytes;
  p.wire = bytes;
  p.app = app;
  p.appKind = appKind;
  p.sendTime = w.now;
  if (dir === FWD) {
    p.lanHint = app.fwdLanHint;
    p.wanHint = app.fwdWanHint;
  } else {
    p.lanHint = app.revLanHint;
    p.wanHint = app.revWanHint;
  }
  w.metrics.appSent(app);
  if (dir === FWD) w.transmit(t.clientLink, t.client, p);
  else w.transmit(app.serverLink, t.server, p);
}

/** The client's timer: sends per its pattern, respecting bursts and the stop time. */
export function clientTick(w: World, app: AppSession): void {
  if (!app.active) return;
  const t = app.traffic;
  if (w.now >= t.stopUs) return stopSession(w, app);
  const next = t.nextActive(w.now, app.phaseUs);
  if (next > w.now) {
    scheduleAppTick(w, Math.min(next, t.stopUs), t.client, app.id, app.gen);
    return;
  }
  switch (t.pattern) {
    case Pattern.RequestResponse:
      // Over TCP the next request waits behind an unanswered one (in-order stream).
      if (!(t.tcp && app.outstanding)) sendRequest(w, app);
      w.atLane(t.clientLane, w.now + t.intervalUs, Ev.AppTick, t.client, app.id, app.gen);
      return;
    case Pattern.StreamDown:
      // The client only opens the session; the server streams (client ticks stop here).
      if (!app.serverStarted) {
        send(w, app, FWD, App.Request, t.def.requestBytes);
        if (t.tcp) expect(w, app, w.now);
      }
      return;
    default:
      send(w, app, FWD, App.Data, t.def.packetBytes);
      if (t.tcp && app.expectSince < 0) expect(w, app, w.now);
      w.atLane(t.clientLane, w.now + t.periodUs, Ev.AppTick, t.client, app.id, app.gen);
  }
}

function sendRequest(w: World, app: AppSession): void {
  const t = app.traffic;
  send(w, app, FWD, App.Request, t.def.requestBytes);
  if (!t.tcp) return;
  app.outstanding = true;
  app.reqId++;
  app.rtoUs = 1_000_000;
  expect(w, app, w.now);
  scheduleRetransmit(w, w.now + app.rtoUs, t.client, app.id, app.reqId);
}

/** The client now waits for an answer sent at or after `since`; arms the application timeout. */
function expect(w: World, app: AppSession, since: number): void {
  app.expectSince = since;
  if (!app.timeoutArmed) {
    app.timeoutArmed = true;
    scheduleAppTimeout(w, since + app.traffic.appTimeoutUs, app.traffic.client, app.id, app.gen);
  }
}

/** TCP retransmission of an unanswered request (1 s, doubling up to 60 s). */
export function retransmit(w: World, app: AppSession, reqId: number): void {
  if (!app.active || !app.outstanding || reqId !== app.reqId) return;
  const t = app.traffic;
  send(w, app, FWD, App.Request, t.def.requestBytes);
  app.rtoUs = Math.min(app.rtoUs * 2, MAX_RTO_US);
  scheduleRetransmit(w, w.now + app.rtoUs, t.client, app.id, reqId);
}

/** The application timeout: nothing came back for `appTimeoutMs` ⇒ give up and reconnect. */
export function appTimeout(w: World, app: AppSession, gen: number): void {
  if (gen !== app.gen) return;
  app.timeoutArmed = false;
  if (!app.active || app.expectSince < 0) return;
  const t = app.traffic;
  const next = t.nextActive(app.expectSince, app.phaseUs);
  const deadline = next + t.appTimeoutUs;
  if (w.now >= deadline) return giveUp(w, app);
  app.timeoutArmed = true;
  scheduleAppTimeout(w, deadline, t.client, app.id, app.gen);
}

function giveUp(w: World, app: AppSession): void {
  const t = app.traffic;
  app.gaveUp = true;
  app.failed = true;
  app.active = false;
  app.gen++;
  app.endedAt = w.now;
  w.metrics.endOutage(app, w.now, true);
  w.metrics.active--;
  w.emit(t.client, 'app-gave-up', { afterMs: (w.now - app.expectSince) / 1000, rule: '§5 application timeout' }, app.id);
  if (w.now < t.stopUs) app.successor = startSession(w, t, app.phaseUs, app);
}

function stopSession(w: World, app: AppSession): void {
  app.active = false;
  app.gen++;
  app.endedAt = w.now;
  w.metrics.active--;
}

/** A data packet reaches a host. */
export function hostReceive(w: World, p: Packet, li: number): void {
  const app = p.app;
  if (p.kind !== Pk.Data || app === null) return w.pool.release(p);
  if (p.mis) {
    // Delivery is end to end: in another session (or at another host) the packet is lost.
    const l = w.links[li]!;
    w.fp.act(app.id, Act.Deliver | 1);
    return w.drop(p, Loss.Misdelivered, -1 - (w.routers[l.a] ? l.b : l.a));
  }
  w.fp.act(app.id, Act.Deliver);
  w.metrics.appDelivered(p, w.now);
  if (p.dir === FWD) serverReceive(w, app, p, li);
  else clientReceive(w, app);
  w.pool.release(p);
}

function clientReceive(w: World, app: AppSession): void {
  if (!app.active) return;
  const t = app.traffic;
  switch (t.pattern) {
    case Pattern.RequestResponse:
      if (app.outstanding) {
        app.outstanding = false;
        app.reqId++;
      }
      app.expectSince = -1;
      return;
    case Pattern.StreamUp:
      app.expectSince = -1;
      return;
    case Pattern.StreamDown:
      app.serverStarted = true;
      if (t.tcp) {
        if (++app.ackCount >= 2) {
          app.ackCount = 0;
          send(w, app, FWD, App.Ack, ACK_BYTES);
        }
        expect(w, app, w.now);
      }
      return;
    default:
      app.expectSince = -1;
  }
}

function serverReceive(w: World, app: AppSession, p: Packet, li: number): void {
  app.serverLink = li;
  if (!app.active) return;
  const t = app.traffic;
  switch (t.pattern) {
    case Pattern.RequestResponse: {
      if (p.appKind !== App.Request) return;
      const n = t.def.responsePackets;
      const each = Math.max(1, Math.floor(t.def.responseBytes / n));
      for (let i = 0; i < n; i++) send(w, app, REV, App.Response, each);
      return;
    }
    case Pattern.StreamUp:
      if (t.tcp && ++app.ackCount >= 2) {
        app.ackCount = 0;
        send(w, app, REV, App.Ack, ACK_BYTES);
      }
      return;
    default:
      if (!app.serverStarted || t.pattern === Pattern.Bidirectional) {
        if (!app.serverTicking) {
          app.serverTicking = true;
          app.serverStarted = true;
          serverTick(w, app, app.gen);
        }
      }
  }
}

/** The server's sending timer (stream-down and bidirectional). */
export function serverTick(w: World, app: AppSession, gen: number): void {
  if (gen !== app.gen || !app.active) {
    app.serverTicking = false;
    return;
  }
  const t = app.traffic;
  if (w.now >= t.stopUs) return;
  const next = t.nextActive(w.now, app.phaseUs);
  if (next > w.now) {
    if (next < t.stopUs) scheduleServerTick(w, next, t.server, app.id, gen);
    return;
  }
  send(w, app, REV, App.Data, t.def.packetBytes);
  w.atLane(t.serverLane, w.now + t.periodUs, Ev.ServerTick, t.server, app.id, gen);
}
