/** The arrays of blanks (see the constructors): shared, never written. */
const NO_F64 = new Float64Array(0);
const NO_I32 = new Int32Array(0);
const NO_U8 = new Uint8Array(0);

/**
 * A FIFO lane of events of one kind whose times never decrease (e.g. the periodic ticks of
 * sessions that share one period). Only the lane's head sits in the heap, so a lane of 10 000
 * entries costs the heap one entry. Entries keep the `seq` they were given, so global
 * `(time, seq)` order is exactly what a plain heap would give. A lane whose events all belong
 * to one node stores the node once.
 */
export class Lane {
  time: Float64Array;
  seq: Float64Array;
  node: Int32Array | null;
  a: Int32Array;
  b: Int32Array;
  head = 0;
  count = 0;
  tail = Number.NEGATIVE_INFINITY;

  constructor(
    readonly kind: number,
    /** The node of every event, or -1 when it varies per event. */
    readonly fixedNode: number,
    capacity: number,
  ) {
    if (capacity < 0) {
      // A blank whose every field a world copy overwrites: it allocates nothing.
      this.time = this.seq = NO_F64;
      this.node = null;
      this.a = this.b = NO_I32;
      return;
    }
    const cap = Math.max(4, capacity);
    this.time = new Float64Array(cap);
    this.seq = new Float64Array(cap);
    this.node = fixedNode < 0 ? new Int32Array(cap) : null;
    this.a = new Int32Array(cap);
    this.b = new Int32Array(cap);
  }

  put(time: number, seq: number, node: number, a: number, b: number): void {
    const cap = this.time.length;
    if (this.count === cap) this.grow();
    let i = this.head + this.count;
    if (i >= this.time.length) i -= this.time.length;
    this.time[i] = time;
    this.seq[i] = seq;
    if (this.node !== null) this.node[i] = node;
    this.a[i] = a;
    this.b[i] = b;
    this.count++;
    this.tail = time;
  }

  nodeAt(i: number): number {
    return this.node === null ? this.fixedNode : this.node[i]!;
  }

  private grow(): void {
    const cap = this.time.length;
    const next = Math.ceil(cap * 1.5);
    const order = <T extends Float64Array | Int32Array>(src: T, dst: T): T => {
      for (let k = 0; k < this.count; k++) {
        let j = this.head + k;
        if (j >= cap) j -= cap;
        dst[k] = src[j]!;
      }
      return dst;
    };
    this.time = order(this.time, new Float64Array(next));
    this.seq = order(this.seq, new Float64Array(next));
    if (this.node !== null) this.node = order(this.node, new Int32Array(next));
    this.a = order(this.a, new Int32Array(next));
    this.b = order(this.b, new Int32Array(next));
    this.head = 0;
  }
}

/** Heap payload kind that marks a lane head (never a model event kind). */
const LANE_KIND = 255;

/**
 * The pending-event set: a binary min-heap ordered by `(time, seq)`, kept as flat typed arrays
 * (struct of arrays), plus FIFO lanes whose heads sit in the heap. Each event carries a small
 * integer payload: `kind`, `node`, `a`, `b`. Cancellation is lazy: owners bump a generation
 * number and ignore stale events when they fire.
 */
export class EventQueue {
  private readonly lanes: Lane[] = [];
  private laneCount = 0;
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
  /** The root is an event {@link take} returned, still to settle or reschedule. */
  private held = false;

  /** The payload of the event last returned by {@link pop}. */
  readonly last = { time: 0, seq: 0, kind: 0, node: 0, a: 0, b: 0 };

  /** @param initialCapacity starting size; the arrays double as needed. -1 makes a blank whose every field a world copy overwrites (it allocates nothing). */
  constructor(initialCapacity = 1024) {
    if (initialCapacity < 0) {
      this.cap = 0;
      this.hTime = this.hSeq = NO_F64;
      this.hSlot = this.pNode = this.pA = this.pB = this.freeSlots = NO_I32;
      this.pKind = NO_U8;
      return;
    }
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

  /** Number of pending events (lanes included). */
  get size(): number {
    return this.n + this.laneCount;
  }

  /**
   * Creates a FIFO lane for events of `kind` and returns its id. `node`: the node of every
   * event in it, or -1 when it varies. `capacity`: the expected number of pending entries.
   */
  addLane(kind: number, node = -1, capacity = 64): number {
    this.lanes.push(new Lane(kind, node, capacity));
    return this.lanes.length - 1;
  }

  /**
   * Adds an event to lane `lane` when it is not earlier than the lane's last event, else to the
   * heap. Either way it runs in exact `(time, seq)` order.
   */
  pushLane(lane: number, time: number, seq: number, kind: number, node: number, a: number, b: number): void {
    const l = this.lanes[lane]!;
    if ((time < l.tail && l.count > 0) || kind !== l.kind || (l.fixedNode >= 0 && node !== l.fixedNode)) return this.push(time, seq, kind, node, a, b);
    l.put(time, seq, node, a, b);
    if (l.count === 1) this.push(time, seq, LANE_KIND, 0, lane, 0);
    else this.laneCount++;
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
    if (!this.take()) return false;
    this.settle();
    return true;
  }

  /**
   * Like {@link pop}, for a caller that handles the event before asking for the next one: an
   * event from the heap stays at the root until {@link settle} removes it, or {@link reschedule}
   * moves it to a later time. A link direction's next packet arrives soon after the one just
   * handled, so rescheduling its entry sifts it down a level or two, where a pop and a push would
   * sift the heap's last entry down all the way and the new one up most of the way. The order
   * of events is the same either way: every event pushed meanwhile comes after the root.
   */
  take(): boolean {
    if (this.held) this.settle();
    if (this.n === 0) return false;
    const slot = this.hSlot[0]!;
    const last = this.last;
    last.time = this.hTime[0]!;
    last.seq = this.hSeq[0]!;
    last.kind = this.pKind[slot]!;
    last.node = this.pNode[slot]!;
    last.a = this.pA[slot]!;
    last.b = this.pB[slot]!;
    if (last.kind !== LANE_KIND) {
      this.held = true;
      return true;
    }
    // A lane head: deliver it, and its next entry (if any) replaces the root in place.
    const l = this.lanes[last.a]!;
    const h = l.head;
    last.kind = l.kind;
    last.node = l.nodeAt(h);
    last.a = l.a[h]!;
    last.b = l.b[h]!;
    l.head = h + 1 === l.time.length ? 0 : h + 1;
    l.count--;
    if (l.count > 0) {
      this.laneCount--;
      this.siftDownFromRoot(l.time[l.head]!, l.seq[l.head]!, slot, this.n);
      return true;
    }
    l.tail = Number.NEGATIVE_INFINITY;
    this.held = true;
    return true;
  }

  /** Removes the event {@link take} left at the root, if any. */
  settle(): void {
    if (!this.held) return;
    this.held = false;
    this.freeSlots[this.freeTop++] = this.hSlot[0]!;
    const n = --this.n;
    if (n > 0) this.siftDownFromRoot(this.hTime[n]!, this.hSeq[n]!, this.hSlot[n]!, n);
  }

  /**
   * Schedules the event {@link take} left at the root again, with the same payload, at
   * `(time, seq)`: not earlier than now, and `seq` new (as for {@link push}).
   */
  reschedule(time: number, seq: number): void {
    if (!this.held) throw new Error('EventQueue.reschedule: no event taken');
    this.held = false;
    this.siftDownFromRoot(time, seq, this.hSlot[0]!, this.n);
  }

  /** Places entry (t, s, sl) at the root of a heap of size n and sifts it down. */
  private siftDownFromRoot(t: number, s: number, sl: number, n: number): void {
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    {
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
