/**
 * Session expiry (ssr-model.md §3): idle sessions expire after the protocol's timeout — TCP
 * 1 900 s (10 s before the first reply), UDP 180 s. Every router session sits in one global
 * least-recently-active list per timeout class; activity moves it to the tail, so each list is
 * ordered by deadline and one timer per class, at its head's deadline, expires sessions at
 * exactly the right time without a timer per session.
 */
import { scheduleExpiry } from './events.ts';
import { Cls, type ExpiryList } from './expiry-list.ts';
import type { RouterSession } from './network.ts';
import type { World } from './world.ts';

/** The class a session belongs to now. */
export function classOf(s: RouterSession): Cls {
  return s.proto !== 6 ? Cls.Udp : s.seenReverse ? Cls.Tcp : Cls.TcpInitial;
}

function unlink(l: ExpiryList, s: RouterSession): void {
  if (s.prev !== null) s.prev.next = s.next;
  else l.head = s.next;
  if (s.next !== null) s.next.prev = s.prev;
  else l.tail = s.prev;
  s.prev = null;
  s.next = null;
}

function append(w: World, l: ExpiryList, s: RouterSession): void {
  s.prev = l.tail;
  s.next = null;
  if (l.tail !== null) l.tail.next = s;
  else l.head = s;
  l.tail = s;
  if (l.timerAt < 0) armExpiry(w, l);
}

/** Sets the list's timer to its head's deadline (none when empty). */
export function armExpiry(w: World, l: ExpiryList): void {
  if (l.head === null) {
    l.timerAt = -1;
    return;
  }
  l.timerAt = l.head.lastActivity + l.timeoutUs;
  scheduleExpiry(w, l.timerAt, l.cls);
}

/** A new session starts its idle clock. */
export function trackSession(w: World, s: RouterSession): void {
  s.expiryCls = classOf(s);
  append(w, w.expiry[s.expiryCls]!, s);
}

/** A session saw a packet at `w.now` (its lastActivity is already updated). */
export function touchSession(w: World, s: RouterSession): void {
  const cls = classOf(s);
  const from = w.expiry[s.expiryCls]!;
  if (from.tail === s && cls === s.expiryCls) return;
  unlink(from, s);
  s.expiryCls = cls;
  append(w, w.expiry[cls]!, s);
}

/** A session leaves its router's tables. */
export function untrackSession(w: World, s: RouterSession): void {
  unlink(w.expiry[s.expiryCls]!, s);
}
