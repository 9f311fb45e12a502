/**
 * A hash map from a pair of 32-bit integers (a packed tuple) to a 32-bit integer (an id), laid
 * out like V8's own Map: entries in insertion order (both key halves side by side in one typed
 * array, values in another, which the garbage collector never walks) and a table of buckets
 * that point into them, chained. Routers look their sessions up
 * in about the order they were created (every session ticks at its own period, in the order
 * they started), so lookups walk the entries and the buckets nearly in order and stay in the
 * cache (see {@link TupleMap.hash}), where a table that scatters keys by hash misses it on
 * nearly every packet of a large lab. Faster than a Map with 48-bit number keys, and it never
 * hashes a double. The high half must not be 0 (it marks a deleted entry); addresses here start
 * at 1.
 */
/** The arrays of a blank (see the constructor): shared, never written. */
const NONE = new Int32Array(0);

export class TupleMap {
  /** Bucket → its first entry, -1 when empty. */
  private buckets: Int32Array;
  /** Entry i's key halves at 2i and 2i + 1; a high half of 0 marks a deleted entry. */
  private keys: Int32Array;
  /** Entry → the next entry of its bucket, -1 at the end. */
  private chain: Int32Array;
  /** Entry i's value (an id: the maps hold session and side ids, never objects the collector would walk). */
  private vals: Int32Array;
  private mask: number;
  /** Entries written so far, deleted ones included (the next entry's index). */
  private used = 0;
  /** Number of entries. */
  size = 0;

  /** @param capacity initial entries; -1 makes a blank whose every field a world copy overwrites (it allocates nothing). */
  constructor(capacity = 16) {
    if (capacity < 0) {
      this.buckets = this.keys = this.chain = this.vals = NONE;
      this.mask = 0;
      return;
    }
    const cap = Math.max(16, capacity);
    this.buckets = TupleMap.bucketsFor(cap);
    this.mask = this.buckets.length - 1;
    this.keys = new Int32Array(cap * 2);
    this.chain = new Int32Array(cap);
    this.vals = new Int32Array(cap);
  }

  /** Buckets for `cap` entries: a power of two, at most one entry a bucket when full (a chain step is a cache miss). */
  private static bucketsFor(cap: number): Int32Array {
    let n = 16;
    while (n < cap) n *= 2;
    return new Int32Array(n).fill(-1);
  }

  /**
   * The bucket of (hi, lo). Keys of one router arrive in runs: a client's sessions take
   * consecutive ports, a peer's hops consecutive wayport pairs (the port, or the pair's first
   * port, is the high half of `lo`). Sixteen keys of a run share one block of sixteen buckets
   * (one cache line), each its own bucket, so looking sessions up in the order they tick reads
   * the table nearly in order. The blocks are scattered by a full hash of the rest of the key.
   * Ports are rotated by one bit first so that a run stepping by two (wayport pairs) fills a
   * block as a run stepping by one does; the low half's last bits shift the place in the block.
   */
  private static hash(hi: number, lo: number): number {
    const port = lo >>> 16;
    const rot = (port >>> 1) | ((port & 1) << 15);
    let h = Math.imul(hi, 0x9e3779b1) ^ Math.imul(((lo & 0xffff) >>> 5) | ((rot >>> 4) << 11), 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 13;
    return (h << 4) | ((rot + 7 * (lo & 31)) & 15);
  }

  /** The value for (hi, lo), or undefined. */
  get(hi: number, lo: number): number | undefined {
    return this.getHinted(hi, lo, -1);
  }

  /** The entry of the last {@link getHinted} hit (-1 after a miss). */
  hit = -1;

  /**
   * Like {@link get}, trying entry `hint` first: where this key was found the last time, which a
   * flow's packets carry so that most lookups skip the hash and the chain. Checked against the
   * key, so it never changes what a lookup finds. Sets {@link hit}.
   */
  getHinted(hi: number, lo: number, hint: number): number | undefined {
    const keys = this.keys;
    if (hint >= 0 && hint < this.used && keys[2 * hint] === hi && keys[2 * hint + 1] === lo) {
      this.hit = hint;
      return this.vals[hint];
    }
    const chain = this.chain;
    for (let i = this.buckets[TupleMap.hash(hi, lo) & this.mask]!; i >= 0; i = chain[i]!) {
      if (keys[2 * i] === hi && keys[2 * i + 1] === lo) {
        this.hit = i;
        return this.vals[i];
      }
    }
    this.hit = -1;
    return undefined;
  }

  /** Sets (hi, lo) to `v`, replacing any value. */
  set(hi: number, lo: number, v: number): void {
    const keys = this.keys;
    for (let i = this.buckets[TupleMap.hash(hi, lo) & this.mask]!; i >= 0; i = this.chain[i]!) {
      if (keys[2 * i] === hi && keys[2 * i + 1] === lo) {
        this.vals[i] = v;
        return;
      }
    }
    if (this.used === this.chain.length) this.rebuild();
    this.append(hi, lo, v);
  }

  /** Removes (hi, lo); returns whether it was there. */
  delete(hi: number, lo: number): boolean {
    const keys = this.keys;
    const chain = this.chain;
    const b = TupleMap.hash(hi, lo) & this.mask;
    let prev = -1;
    for (let i = this.buckets[b]!; i >= 0; prev = i, i = chain[i]!) {
      if (keys[2 * i] === hi && keys[2 * i + 1] === lo) {
        if (prev < 0) this.buckets[b] = chain[i]!;
        else chain[prev] = chain[i]!;
        keys[2 * i] = 0;
        this.vals[i] = 0;
        this.size--;
        return true;
      }
    }
    return false;
  }

  /** How well the keys spread: the mean number of entries a hit steps through, and the longest chain. */
  probeStats(): { mean: number; longest: number } {
    let steps = 0;
    let longest = 0;
    for (let b = 0; b < this.buckets.length; b++) {
      let len = 0;
      for (let i = this.buckets[b]!; i >= 0; i = this.chain[i]!) steps += ++len;
      longest = Math.max(longest, len);
    }
    return { mean: this.size > 0 ? steps / this.size : 0, longest };
  }

  /** Every value, in the order the keys were first set. */
  *values(): IterableIterator<number> {
    for (let i = 0; i < this.used; i++) if (this.keys[2 * i] !== 0) yield this.vals[i]!;
  }

  /** Appends a new entry (there is room). */
  private append(hi: number, lo: number, v: number): void {
    const i = this.used++;
    const b = TupleMap.hash(hi, lo) & this.mask;
    this.keys[2 * i] = hi;
    this.keys[2 * i + 1] = lo;
    this.vals[i] = v;
    this.chain[i] = this.buckets[b]!;
    this.buckets[b] = i;
    this.size++;
  }

  /** The entries are full: compacts them (in order), with half as much room again when they are mostly live. */
  private rebuild(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const oldUsed = this.used;
    // Grows by half (a hub's tables hold a hundred thousand entries: doubling would leave up to half empty).
    const cap = this.size * 2 > this.chain.length ? Math.ceil(this.chain.length * 1.5) : this.chain.length;
    this.buckets = TupleMap.bucketsFor(cap);
    this.mask = this.buckets.length - 1;
    this.keys = new Int32Array(cap * 2);
    this.chain = new Int32Array(cap);
    this.vals = new Int32Array(cap);
    this.used = 0;
    this.size = 0;
    for (let i = 0; i < oldUsed; i++) {
      const hi = oldKeys[2 * i]!;
      if (hi !== 0) this.append(hi, oldKeys[2 * i + 1]!, oldVals[i]!);
    }
  }
}
