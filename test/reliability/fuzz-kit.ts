/**
 * Shared by the reliability tests: a seeded random source (every failure can be replayed from
 * its seed and index) and the sizes, small in `npm test`, large with `npm run fuzz` or
 * SRLAB_FUZZ=large.
 */

/** Whether the large run was asked for. */
export const LARGE = process.env['SRLAB_FUZZ'] === 'large' || process.env['npm_lifecycle_event'] === 'fuzz';

/** `small` in npm test, `large` in the fuzz run. */
export function size(small: number, large: number): number {
  return LARGE ? large : small;
}

/** mulberry32: a small, fast, seeded generator. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** In [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.int(256);
    return b;
  }
}

/** Figures the tests add up, printed once at the end of the run (for the report). */
export const figures: Record<string, number> = {};

/** Adds `n` to a figure. */
export function count(name: string, n = 1): void {
  figures[name] = (figures[name] ?? 0) + n;
}
