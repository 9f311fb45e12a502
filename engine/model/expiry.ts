/**
 * Session expiry (ssr-model.md §3): idle sessions expire after the protocol's timeout — TCP
 * 1 900 s (10 s before the first reply), UDP 180 s. Every router session sits in one global
 * least-recently-active list per timeout class (linked by session id, expiry-list.ts); activity
 * moves it to the tail, so each list is ordered by deadline and one timer per class, at its
 * head's deadline, expires sessions at exactly the right time without a timer per session.
 */
import { scheduleExpiry } from './events.ts';
import { Cls, NONE, type ExpiryLinks, type ExpiryList } from './expiry-list.ts';
import type { RouterSession } from './network.ts';
import type { World } from './world.ts';

/** The class a session belongs to now. */
export function classOf(s: RouterSession): Cls {
  return s.proto !== 6 ? Cls.Udp : s.seenReverse ? Cls.Tcp : Cls.TcpInitial;
}

function unlink(k: ExpiryLinks, l: ExpiryList, id: number): void {
  const prev = k.prev;
  const next = k.next;
  const p = prev[id]!;
  const n = next[id]!;
  if (p !== NONE) next[p] = n;
  else l.head = n;
  if (n !== NONE) prev[n] = p;
  else l.tail = p;
  prev[id] = NONE;
  next[id] = NONE;
}

function append(w: World, l: ExpiryList, id: number): void {
  const k = w.expiryLinks;
  k.prev[id] = l.tail;
  k.next[id] = NONE;
  if (l.tail !== NONE) k.next[l.tail] = id;
  else l.head = id;
  l.tail = id;
  if (l.timerAt < 0) armExpiry(w, l);
}

/** The session at the head of a list (the next to expire), or null when it is empty. */
export function headOf(w: World, l: ExpiryList): RouterSession | null {
  return l.head === NONE ? null : w.rsessions[l.head]!;
}

/** Sets the list's timer to its head's deadline (none when empty). */
export function armExpiry(w: World, l: ExpiryList): void {
  const head = headOf(w, l);
  if (head === null) {
    l.timerAt = -1;
    return;
  }
  l.timerAt = head.lastActivity + l.timeoutUs;
  scheduleExpiry(w, l.timerAt, l.cls);
}

/** A new session (registered: it has its id) starts its idle clock. */
export function trackSession(w: World, s: RouterSession): void {
  s.expiryCls = classOf(s);
  w.expiryLinks.reserve(s.id);
  append(w, w.expiry[s.expiryCls]!, s.id);
}

/** A session saw a packet at `w.now` (its lastActivity is already updated). */
export function touchSession(w: World, s: RouterSession): void {
  const cls = classOf(s);
  const from = w.expiry[s.expiryCls]!;
  const id = s.id;
  if (from.tail === id && cls === s.expiryCls) return;
  unlink(w.expiryLinks, from, id);
  s.expiryCls = cls;
  append(w, w.expiry[cls]!, id);
}

/** A session leaves its router's tables (before its id is freed). */
export function untrackSession(w: World, s: RouterSession): void {
  unlink(w.expiryLinks, w.expiry[s.expiryCls]!, s.id);
}
