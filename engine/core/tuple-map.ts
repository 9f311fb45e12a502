/**
 * A hash map keyed by a pair of 32-bit integers (a packed tuple), with open addressing and
 * linear probing. Both key halves sit side by side in one typed array so a probe touches one
 * cache line. Faster than a Map with 48-bit number keys on the hot path (every packet a router
 * receives is one lookup), and it never hashes a double. The high half must not be 0 or -1
 * (0 marks an empty slot, -1 a deleted one); addresses here start at 1.
 */
export class TupleMap<V> {
  private keys: Int32Array;
  private vals: (V | undefined)[];
  private mask: number;
  private used = 0;
  /** Number of entries. */
  size = 0;

  /** @param capacity initial slots (rounded up to a power of two). */
  constructor(capacity = 16) {
    let cap = 16;
    while (cap < capacity) cap *= 2;
    this.keys = new Int32Array(cap * 2);
    this.vals = new Array<V | undefined>(cap);
    this.mask = cap - 1;
  }

  private static hash(hi: number, lo: number): number {
    let h = Math.imul(hi, 0x9e3779b1) ^ lo;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    return h ^ (h >>> 13);
  }

  /** The value for (hi, lo), or undefined. */
  get(hi: number, lo: number): V | undefined {
    const mask = this.mask;
    const keys = this.keys;
    let i = TupleMap.hash(hi, lo) & mask;
    for (;;) {
      const h = keys[2 * i]!;
      if (h === 0) return undefined;
      if (h === hi && keys[2 * i + 1] === lo) return this.vals[i];
      i = (i + 1) & mask;
    }
  }

  /** Sets (hi, lo) to `v`, replacing any value. */
  set(hi: number, lo: number, v: V): void {
    if ((this.used + 1) * 5 > (this.mask + 1) * 4) this.rehash(); // load ≤ 0.8
    const mask = this.mask;
    const keys = this.keys;
    let i = TupleMap.hash(hi, lo) & mask;
    let tomb = -1;
    for (;;) {
      const h = keys[2 * i]!;
      if (h === 0) break;
      if (h === -1) {
        if (tomb < 0) tomb = i;
      } else if (h === hi && keys[2 * i + 1] === lo) {
        this.vals[i] = v;
        return;
      }
      i = (i + 1) & mask;
    }
    if (tomb >= 0) i = tomb;
    else this.used++;
    keys[2 * i] = hi;
    keys[2 * i + 1] = lo;
    this.vals[i] = v;
    this.size++;
  }

  /** Removes (hi, lo); returns whether it was there. */
  delete(hi: number, lo: number): boolean {
    const mask = this.mask;
    const keys = this.keys;
    let i = TupleMap.hash(hi, lo) & mask;
    for (;;) {
      const h = keys[2 * i]!;
      if (h === 0) return false;
      if (h === hi && keys[2 * i + 1] === lo) {
        keys[2 * i] = -1;
        this.vals[i] = undefined;
        this.size--;
        return true;
      }
      i = (i + 1) & mask;
    }
  }

  /** Every value (slot order). */
  *values(): IterableIterator<V> {
    for (let i = 0; i <= this.mask; i++) if (this.keys[2 * i]! > 0 || this.keys[2 * i]! < -1) yield this.vals[i]!;
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const cap = this.size * 5 >= (this.mask + 1) * 3 ? (this.mask + 1) * 2 : this.mask + 1;
    this.keys = new Int32Array(cap * 2);
    this.vals = new Array<V | undefined>(cap);
    this.mask = cap - 1;
    this.used = 0;
    this.size = 0;
    for (let i = 0; i < oldVals.length; i++) {
      const h = oldKeys[2 * i]!;
      if (h !== 0 && h !== -1) this.set(h, oldKeys[2 * i + 1]!, oldVals[i]!);
    }
  }
}
