/**
 * Typed scheduling of every event kind (ssr-model.md §1): each event carries a node and two
 * integers; these helpers say what they mean, so no caller packs or unpacks them by hand.
 */
import { Ev } from './constants.ts';

/** Where events go (the World): time µs, kind, node, two integers. */
export interface Scheduler {
  at(time: number, kind: Ev, node: number, a: number, b: number): void;
}

/** The "node" of events that belong to the lab rather than one node (samples, expiry). */
export const LAB_NODE = 0xffff;

/** What a link timer does. */
export const enum LinkAct {
  /** The end of a link-down with a duration. */
  Up = 0,
  /** The end of one link-impair. */
  Restore = 1,
  FlapDown = 2,
  FlapUp = 3,
}

/** A link timer: `tag` is the link's generation (Up) or the impairment's id (Restore); flaps need none. */
export function scheduleLinkTimer(s: Scheduler, time: number, node: number, link: number, act: LinkAct, tag = 0): void {
  s.at(time, Ev.LinkTimer, node, link, tag * 4 + act);
}

/** The action of a link timer event's `b`. */
export function linkTimerAct(b: number): LinkAct {
  return (b & 3) as LinkAct;
}

/** The generation or impairment id of a link timer event's `b`. */
export function linkTimerTag(b: number): number {
  return b >> 2;
}

/** The link of a direction index (`link * 2 + (0 a→b, 1 b→a)`, a packet-arrival event's `a`). */
export function linkOfDir(dir: number): number {
  return dir >> 1;
}

/** A restarted router comes back, if its boot generation is still `bootGen`. */
export function scheduleNodeUp(s: Scheduler, time: number, router: number, bootGen: number): void {
  s.at(time, Ev.NodeUp, router, router, bootGen);
}

/** A router's BFD tick for boot generation `bootGen`. */
export function scheduleBfdTick(s: Scheduler, time: number, router: number, bootGen: number): void {
  s.at(time, Ev.BfdTick, router, 0, bootGen);
}

/** The next probe of the scan that is fault number `fault` of the fault log. */
export function scheduleScanTick(s: Scheduler, time: number, target: number, fault: number): void {
  s.at(time, Ev.ScanTick, target, fault, 0);
}

/** The time-series sample (and fingerprint checkpoint on whole seconds). */
export function scheduleSample(s: Scheduler, time: number): void {
  s.at(time, Ev.Sample, LAB_NODE, 0, 0);
}

/** The expiry timer of timeout class `cls`. */
export function scheduleExpiry(s: Scheduler, time: number, cls: number): void {
  s.at(time, Ev.SessionExpiry, LAB_NODE, cls, 0);
}

/** A TCP retransmission of request `reqId` of application session `app`. */
export function scheduleRetransmit(s: Scheduler, time: number, client: number, app: number, reqId: number): void {
  s.at(time, Ev.Retransmit, client, app, reqId);
}

/** The application timeout check of session `app` in generation `gen`. */
export function scheduleAppTimeout(s: Scheduler, time: number, client: number, app: number, gen: number): void {
  s.at(time, Ev.AppTimeout, client, app, gen);
}

/** A client's send tick of session `app` in generation `gen` (outside its lane). */
export function scheduleAppTick(s: Scheduler, time: number, client: number, app: number, gen: number): void {
  s.at(time, Ev.AppTick, client, app, gen);
}

/** A server's send tick of session `app` in generation `gen` (outside its lane). */
export function scheduleServerTick(s: Scheduler, time: number, server: number, app: number, gen: number): void {
  s.at(time, Ev.ServerTick, server, app, gen);
}
