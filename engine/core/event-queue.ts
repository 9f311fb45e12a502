/**
 * The pending-event set: a binary min-heap ordered by `(time, seq)`, kept as flat typed arrays
 * (struct of arrays). Each entry carries a small integer payload: `kind`, `node`, `a`, `b`.
 * Cancellation is lazy: owners bump a generation number and ignore stale events when they fire.
 */
export class EventQueue {
  private cap: number;
  private n = 0;
  // heap order arrays
  private hTime: Float64Array;
  private hSeq: Float64Array;
  private hSlot: Int32Array;
  // payload by slot
  private pKind: Uint8Array;
  private pNode: Int32Array;
  private pA: Int32Array;
  private pB: Int32Array;
  private freeSlots: Int32Array;
  private freeTop = 0;
  private nextSlot = 0;

  /** The payload of the event last returned by {@link pop}. */
  readonly last = { time: 0, seq: 0, kind: 0, node: 0, a: 0, b: 0 };

  /** @param initialCapacity starting size; the arrays double as needed. */
  constructor(initialCapacity = 1024) {
    this.cap = Math.max(16, initialCapacity);
    this.hTime = new Float64Array(this.cap);
    this.hSeq = new Float64Array(this.cap);
    this.hSlot = new Int32Array(this.cap);
    this.pKind = new Uint8Array(this.cap);
    this.pNode = new Int32Array(this.cap);
    this.pA = new Int32Array(this.cap);
    this.pB = new Int32Array(this.cap);
    this.freeSlots = new Int32Array(this.cap);
  }

  /** Number of pending events. */
  get size(): number {
    return this.n;
  }

  /** Time of the earliest event, or +Infinity when empty. No side effects. */
  peekTime(): number {
    return this.n > 0 ? this.hTime[0]! : Number.POSITIVE_INFINITY;
  }

  /** Sequence number of the earliest event, or +Infinity when empty. No side effects. */
  peekSeq(): number {
    return this.n > 0 ? this.hSeq[0]! : Number.POSITIVE_INFINITY;
  }

  /** Adds an event. The caller supplies `seq` (strictly increasing across scheduling calls). */
  push(time: number, seq: number, kind: number, node: number, a: number, b: number): void {
    if (this.n === this.cap) this.grow();
    const slot = this.freeTop > 0 ? this.freeSlots[--this.freeTop]! : this.nextSlot++;
    this.pKind[slot] = kind;
    this.pNode[slot] = node;
    this.pA[slot] = a;
    this.pB[slot] = b;
    // sift up, moving the hole
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = hTime[p]!;
      if (pt < time || (pt === time && hSeq[p]! < seq)) break;
      hTime[i] = pt;
      hSeq[i] = hSeq[p]!;
      hSlot[i] = hSlot[p]!;
      i = p;
    }
    hTime[i] = time;
    hSeq[i] = seq;
    hSlot[i] = slot;
  }

  /** Removes the earliest event into {@link last}. Returns false when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    const slot = hSlot[0]!;
    const last = this.last;
    last.time = hTime[0]!;
    last.seq = hSeq[0]!;
    last.kind = this.pKind[slot]!;
    last.node = this.pNode[slot]!;
    last.a = this.pA[slot]!;
    last.b = this.pB[slot]!;
    this.freeSlots[this.freeTop++] = slot;
    const n = --this.n;
    if (n > 0) {
      const t = hTime[n]!;
      const s = hSeq[n]!;
      const sl = hSlot[n]!;
      let i = 0;
      const half = n >> 1;
      while (i < half) {
        let c = 2 * i + 1;
        let ct = hTime[c]!;
        let cs = hSeq[c]!;
        const r = c + 1;
        if (r < n) {
          const rt = hTime[r]!;
          if (rt < ct || (rt === ct && hSeq[r]! < cs)) {
            c = r;
            ct = rt;
            cs = hSeq[r]!;
          }
        }
        if (t < ct || (t === ct && s < cs)) break;
        hTime[i] = ct;
        hSeq[i] = cs;
        hSlot[i] = hSlot[c]!;
        i = c;
      }
      hTime[i] = t;
      hSeq[i] = s;
      hSlot[i] = sl;
    }
    return true;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.hTime = f64(this.hTime);
    this.hSeq = f64(this.hSeq);
    this.hSlot = i32(this.hSlot);
    const k = new Uint8Array(cap);
    k.set(this.pKind);
    this.pKind = k;
    this.pNode = i32(this.pNode);
    this.pA = i32(this.pA);
    this.pB = i32(this.pB);
    this.freeSlots = i32(this.freeSlots);
    this.cap = cap;
  }
}
