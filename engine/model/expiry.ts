/**
 * Session expiry (ssr-model.md §3): idle sessions expire after the protocol's timeout — TCP
 * 1 900 s (10 s before the first reply), UDP 180 s. Every router session sits in one global
 * least-recently-active list per timeout class (linked by session id, expiry-list.ts); activity
 * moves it to the tail, so each list is ordered by deadline and one timer per class, at its
 * head's deadline, expires sessions at exactly the right time without a timer per session.
 */
import { scheduleExpiry } from './events.ts';
import { NONE, type ExpiryLinks, type ExpiryList } from './expiry-list.ts';
import type { World } from './world.ts';

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

/** Sets the list's timer to its head's deadline (none when empty). */
export function armExpiry(w: World, l: ExpiryList): void {
  const head = l.head;
  if (head === NONE) {
    l.timerAt = -1;
    return;
  }
  l.timerAt = w.sessions.lastActivity(head) + l.timeoutUs;
  scheduleExpiry(w, l.timerAt, l.cls);
}

/** A new session starts its idle clock. */
export function trackSession(w: World, s: number): void {
  const cls = w.sessions.timeoutClass(s);
  w.sessions.setExpiryCls(s, cls);
  w.expiryLinks.reserve(s);
  append(w, w.expiry[cls]!, s);
}

/** A session saw a packet at `w.now` (its lastActivity is already updated). */
export function touchSession(w: World, s: number): void {
  const st = w.sessions;
  const cls = st.timeoutClass(s);
  const was = st.expiryCls(s);
  const from = w.expiry[was]!;
  if (from.tail === s && cls === was) return;
  unlink(w.expiryLinks, from, s);
  st.setExpiryCls(s, cls);
  append(w, w.expiry[cls]!, s);
}

/** A session leaves its router's tables (before its id is taken back). */
export function untrackSession(w: World, s: number): void {
  unlink(w.expiryLinks, w.expiry[w.sessions.expiryCls(s)]!, s);
}
