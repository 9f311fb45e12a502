/**
 * Seeded random numbers, split into named streams.
 *
 * Every stream is an independent sfc32 generator whose state is derived from the run seed and
 * the stream's name, so adding a link (a new stream) never changes the draws another link sees.
 */

/** Hashes a string to 32 bits (FNV-1a followed by a murmur3 finaliser). */
export function hashString32(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One deterministic random stream (sfc32: small, fast, passes PractRand to 2^40+). */
export class RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Creates the stream for `name` under run seed `seed`. */
  constructor(seed: number, name: string) {
    this.a = hashString32(name, seed);
    this.b = hashString32(name, seed ^ 0x9e3779b9);
    this.c = hashString32(name, seed ^ 0x7f4a7c15);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** The next unsigned 32-bit integer. */
  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability `p` (0..1). */
  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }
}

/** Hands out named streams for one run; the same name always gives the same stream state. */
export class RandomStreams {
  /** @param seed the run seed (unsigned 32-bit). */
  constructor(private readonly seed: number) {}

  /** A fresh stream for `name` (callers keep the instance; asking twice restarts it). */
  stream(name: string): RandomStream {
    return new RandomStream(this.seed >>> 0, name);
  }
}
