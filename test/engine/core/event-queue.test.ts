import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../engine/core/event-queue.ts';

interface Ev {
  time: number;
  seq: number;
  kind: number;
  node: number;
  a: number;
  b: number;
}

const byTimeSeq = (x: Ev, y: Ev) => x.time - y.time || x.seq - y.seq;

/** Pops one event into a plain object (the queue reuses `last`). */
function popOne(q: EventQueue): Ev | null {
  if (!q.pop()) return null;
  const { time, seq, kind, node, a, b } = q.last;
  return { time, seq, kind, node, a, b };
}

/** One operation of a random interleaving. */
type Op = { op: 'push'; time: number; payload: number } | { op: 'lane'; lane: number; time: number; payload: number } | { op: 'pop' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('push' as const), time: fc.integer({ min: 0, max: 50 }), payload: fc.integer({ min: 0, max: 1_000_000 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('lane' as const), lane: fc.integer({ min: 0, max: 2 }), time: fc.integer({ min: 0, max: 50 }), payload: fc.integer({ min: 0, max: 1_000_000 }) }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('pop' as const) }) },
);

/** Applies the operations to a queue and to a sorted reference; returns both pop sequences. */
function replay(ops: readonly Op[], initialCapacity: number): { got: Ev[]; want: Ev[]; sizes: [number, number][] } {
  const q = new EventQueue(initialCapacity);
  // Lanes hold one kind (lane 1 also one node); a push that does not fit falls back to the heap.
  const laneKinds = [7, 8, 9];
  const laneNodes = [-1, 3, -1];
  const lanes = laneKinds.map((k, i) => q.addLane(k, laneNodes[i]));
  const pending: Ev[] = [];
  const got: Ev[] = [];
  const want: Ev[] = [];
  const sizes: [number, number][] = [];
  let seq = 0;
  const drainOne = () => {
    pending.sort(byTimeSeq);
    const w = pending.shift();
    const peekT = q.peekTime();
    const peekS = q.peekSeq();
    const g = popOne(q);
    if (w) {
      expect(peekT).toBe(w.time);
      expect(peekS).toBe(w.seq);
      want.push(w);
    } else expect(peekT).toBe(Number.POSITIVE_INFINITY);
    if (g) got.push(g);
  };
  for (const o of ops) {
    if (o.op === 'pop') drainOne();
    else {
      const ev: Ev = { time: o.time, seq: seq++, kind: o.payload % 255, node: o.payload % 1000, a: o.payload, b: -o.payload | 0 };
      if (o.op === 'lane' && o.payload % 5 !== 0) {
        // Mostly events that fit their lane; every fifth keeps a random kind/node (fallback).
        ev.kind = laneKinds[o.lane]!;
        if (laneNodes[o.lane]! >= 0) ev.node = laneNodes[o.lane]!;
      }
      if (o.op === 'push') q.push(ev.time, ev.seq, ev.kind, ev.node, ev.a, ev.b);
      else q.pushLane(lanes[o.lane]!, ev.time, ev.seq, ev.kind, ev.node, ev.a, ev.b);
      pending.push(ev);
    }
    sizes.push([q.size, pending.length]);
  }
  while (pending.length > 0 || q.size > 0) {
    drainOne();
    if (got.length > ops.length + 5) break;
  }
  return { got, want, sizes };
}

describe('EventQueue', () => {
  it('pops events in (time, seq) order, matching a sorted reference', () => {
    const q = new EventQueue(16);
    const ref: Ev[] = [];
    for (let i = 0; i < 1000; i++) {
      const ev = { time: (i * 7919) % 97, seq: i, kind: i % 200, node: i % 13, a: i, b: 2 * i };
      q.push(ev.time, ev.seq, ev.kind, ev.node, ev.a, ev.b);
      ref.push(ev);
    }
    ref.sort(byTimeSeq);
    const out: Ev[] = [];
    for (let e = popOne(q); e !== null; e = popOne(q)) out.push(e);
    expect(out).toEqual(ref);
  });

  it('breaks ties at equal times by sequence number', () => {
    const q = new EventQueue();
    for (const seq of [5, 1, 9, 3]) q.push(100, seq, 1, 0, seq, 0);
    const seqs = [1, 2, 3, 4].map(() => popOne(q)!.seq);
    expect(seqs).toEqual([1, 3, 5, 9]);
  });

  it('peeks without side effects', () => {
    const q = new EventQueue();
    q.push(10, 0, 1, 2, 3, 4);
    q.push(5, 1, 1, 2, 3, 4);
    for (let i = 0; i < 3; i++) {
      expect(q.peekTime()).toBe(5);
      expect(q.peekSeq()).toBe(1);
      expect(q.size).toBe(2);
    }
  });

  it('reports an empty queue as +Infinity and refuses to pop', () => {
    const q = new EventQueue();
    expect(q.peekTime()).toBe(Number.POSITIVE_INFINITY);
    expect(q.pop()).toBe(false);
    expect(q.size).toBe(0);
  });

  it('keeps order across lanes, lane fall-backs and the heap', () => {
    const q = new EventQueue();
    const lane = q.addLane(1);
    q.pushLane(lane, 10, 0, 1, 0, 0, 0);
    q.pushLane(lane, 20, 1, 1, 0, 1, 0);
    q.push(15, 2, 2, 0, 2, 0);
    q.pushLane(lane, 12, 3, 1, 0, 3, 0); // earlier than the lane's tail: goes to the heap
    q.pushLane(lane, 20, 4, 1, 0, 4, 0);
    expect(q.size).toBe(5);
    const order = [0, 1, 2, 3, 4].map(() => popOne(q)!.a);
    expect(order).toEqual([0, 3, 2, 1, 4]);
  });

  it('never runs events out of (time, seq) order under random push/lane/pop interleavings', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 400 }), fc.constantFrom(16, 64, 1024), (ops, cap) => {
        const { got, want, sizes } = replay(ops, cap);
        expect(got).toEqual(want);
        for (const [size, ref] of sizes) expect(size).toBe(ref);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps order when lanes grow long (periodic ticks pushed in time order)', () => {
    // Lane times only move forward here, so nearly everything stays in the lanes and they grow
    // past their initial 64 slots.
    const tickArb = fc.record({ lane: fc.integer({ min: 0, max: 2 }), dt: fc.integer({ min: 0, max: 3 }), pop: fc.boolean() });
    fc.assert(
      fc.property(fc.array(tickArb, { minLength: 200, maxLength: 600 }), (ticks) => {
        const tails = [0, 0, 0];
        const ops: Op[] = [];
        for (const t of ticks) {
          tails[t.lane]! += t.dt;
          ops.push({ op: 'lane', lane: t.lane, time: tails[t.lane]!, payload: ops.length });
          if (t.pop && ops.length % 5 === 0) ops.push({ op: 'pop' });
        }
        const { got, want } = replay(ops, 16);
        expect(got).toEqual(want);
      }),
      { numRuns: 25 },
    );
  });

  it('take, then reschedule or settle: the same order as pop and push, with events pushed while one is held', () => {
    // A DES loop as the engine runs it: take the next event, schedule new ones at or after its
    // time (in the heap or a lane), and either move the taken event later (a link direction's
    // next packet) or let it go.
    const stepArb = fc.record({
      pushes: fc.array(fc.record({ dt: fc.integer({ min: 0, max: 30 }), lane: fc.integer({ min: -1, max: 1 }), payload: fc.integer({ min: 0, max: 1000 }) }), { maxLength: 3 }),
      again: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 300 }), fc.constantFrom(16, 1024), (steps, cap) => {
        const q = new EventQueue(cap);
        const lanes = [q.addLane(7), q.addLane(8)];
        const ref: Ev[] = [];
        let seq = 0;
        const add = (time: number, lane: number, kind: number, a: number) => {
          const ev: Ev = { time, seq: seq++, kind, node: a % 7, a, b: 0 };
          if (lane >= 0) q.pushLane(lanes[lane]!, ev.time, ev.seq, ev.kind, ev.node, ev.a, ev.b);
          else q.push(ev.time, ev.seq, ev.kind, ev.node, ev.a, ev.b);
          ref.push(ev);
        };
        for (let i = 0; i < 8; i++) add(i * 3, i % 3 === 0 ? 0 : -1, i % 3 === 0 ? 7 : 1, i);
        for (const step of steps) {
          if (!q.take()) break;
          ref.sort(byTimeSeq);
          const want = ref.shift()!;
          const got = { ...q.last };
          expect(got).toEqual(want);
          for (const p of step.pushes) add(got.time + p.dt, p.lane, p.lane >= 0 ? 7 + p.lane : 2, p.payload);
          // Only an event that is still at the root can be rescheduled: a lane's head is replaced by the lane's next entry at once.
          if (step.again !== null && (got.kind === 1 || got.kind === 2)) {
            const ev: Ev = { ...got, time: got.time + step.again, seq: seq++ };
            q.reschedule(ev.time, ev.seq);
            ref.push(ev);
          } else q.settle();
          expect(q.size).toBe(ref.length);
          expect(q.peekTime()).toBe(ref.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...ref.map((e) => e.time)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses to reschedule when no event is held', () => {
    const q = new EventQueue();
    expect(() => q.reschedule(5, 0)).toThrow(/no event taken/);
    q.push(1, 0, 1, 0, 0, 0);
    q.take();
    q.settle();
    expect(() => q.reschedule(5, 1)).toThrow(/no event taken/);
    expect(q.size).toBe(0);
  });
});
