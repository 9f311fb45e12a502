/**
 * The expiry lists themselves (see expiry.ts for how sessions move through them): the world
 * owns one per timeout class, and this module needs nothing of the world. The lists are linked
 * through two integer arrays indexed by router-session id, not through the sessions: moving a
 * session to the tail (every packet it forwards) then touches two small arrays that stay in
 * the cache, not its two neighbours' objects scattered over the heap.
 */

/** Timeout classes. */
export const enum Cls {
  TcpInitial = 0,
  Tcp = 1,
  Udp = 2,
}

/** No session (an end of a list). */
export const NONE = -1;

/** One class's list and timer: its ends are router-session ids. */
export class ExpiryList {
  head = NONE;
  tail = NONE;
  /** Time of the pending timer, -1 when none. */
  timerAt = -1;

  constructor(
    readonly cls: Cls,
    readonly timeoutUs: number,
  ) {}
}

/** The neighbours of every router session in its class's list, by session id (NONE at the ends). */
export class ExpiryLinks {
  prev: Int32Array = new Int32Array(1024).fill(NONE);
  next: Int32Array = new Int32Array(1024).fill(NONE);

  /** Makes room for session id `id`. */
  reserve(id: number): void {
    if (id < this.prev.length) return;
    // By half again (ids are dense: a lab of 100 000 sessions has 200 000 of them).
    let cap = Math.ceil(this.prev.length * 1.5);
    while (cap <= id) cap = Math.ceil(cap * 1.5);
    const grow = (a: Int32Array) => {
      const b = new Int32Array(cap).fill(NONE);
      b.set(a);
      return b;
    };
    this.prev = grow(this.prev);
    this.next = grow(this.next);
  }
}
