/**
 * The expiry lists themselves (see expiry.ts for how sessions move through them): the world
 * owns one per timeout class, and this module needs nothing of the world.
 */
import type { RouterSession } from './network.ts';

/** Timeout classes. */
export const enum Cls {
  TcpInitial = 0,
  Tcp = 1,
  Udp = 2,
}

/** One class's list and timer. */
export class ExpiryList {
  head: RouterSession | null = null;
  tail: RouterSession | null = null;
  /** Time of the pending timer, -1 when none. */
  timerAt = -1;

  constructor(
    readonly cls: Cls,
    readonly timeoutUs: number,
  ) {}
}
