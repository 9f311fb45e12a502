import { mix32 } from './rng.ts';

/**
 * The run fingerprint: a 64-bit hash (two 32-bit lanes) folded over `(time, node, event kind)`
 * of every processed event. Same scenario + seed + fault log ⇒ same fingerprint.
 */
export class Fingerprint {
  private h1 = 0x243f6a88;
  private h2 = 0x85a308d3;
  /** Number of events folded in. */
  count = 0;

  /** Folds one processed event. `timeUs` is an integer < 2^53, `node` and `kind` small integers. */
  add(timeUs: number, node: number, kind: number): void {
    // ToInt32 of a non-negative integer below 2^53 is its low 32 bits (as `% 2^32 | 0`, without the fmod).
    const lo = timeUs | 0;
    const hi = Math.floor(timeUs / 4294967296) | 0;
    const k = ((node & 0xffffff) << 8) | (kind & 0xff);
    this.h1 = round(this.h1, lo ^ Math.imul(k, 0x5bd1e995));
    this.h2 = round(this.h2, k ^ hi ^ Math.imul(lo, 0x27d4eb2f));
    this.count++;
  }

  /**
   * Folds one observable action inside the current event (a packet sent, lost or delivered, a
   * counter moved): two runs whose events match but whose actions differ get different
   * fingerprints. `x` and `y` are 32-bit integers.
   */
  act(x: number, y: number): void {
    // Cheaper than an event's fold (it runs several times per packet) but order-sensitive in
    // both lanes: a multiply-xorshift step each, the second fed by the first.
    let a = Math.imul(this.h1 ^ x, 0x9e3779b1);
    a ^= a >>> 15;
    let b = Math.imul(this.h2 ^ y ^ a, 0x85ebca6b);
    b ^= b >>> 13;
    this.h1 = a;
    this.h2 = b;
    if (this.log !== null) this.log.push(x, y);
  }

  /** When set, every action folded is also appended here as a pair (for divergence reports). */
  log: number[] | null = null;

  /** Whether two fingerprints have folded exactly the same so far. */
  same(o: Fingerprint): boolean {
    return this.h1 === o.h1 && this.h2 === o.h2 && this.count === o.count;
  }

  /** The fingerprint so far as 16 hex digits. */
  hex(): string {
    const a = mix32(this.h1 ^ this.count ^ (this.h2 >>> 7));
    const b = mix32(this.h2 ^ Math.imul(this.count, 0x9e3779b1) ^ a);
    return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
  }
}

function round(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let x = h ^ k;
  x = (x << 13) | (x >>> 19);
  return (Math.imul(x, 5) + 0xe6546b64) | 0;
}
