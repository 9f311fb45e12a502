import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TupleMap } from '../../../engine/core/tuple-map.ts';

type Op = { op: 'set'; hi: number; lo: number; v: number } | { op: 'delete'; hi: number; lo: number };

// Few distinct keys, so sets replace, deletes hit, and buckets chain.
const key = { hi: fc.integer({ min: 1, max: 6 }), lo: fc.integer({ min: -3, max: 40 }) };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('set' as const), ...key, v: fc.integer() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), ...key }) },
);

describe('TupleMap', () => {
  it('answers like a Map of the same keys under any sequence of sets and deletes, growing and compacting', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 600 }), (ops) => {
        const m = new TupleMap(16);
        const ref = new Map<string, number>();
        for (const o of ops) {
          const k = `${o.hi}/${o.lo}`;
          if (o.op === 'set') {
            m.set(o.hi, o.lo, o.v);
            // A Map keeps a replaced key where it was first set, as the TupleMap does.
            ref.set(k, o.v);
          } else expect(m.delete(o.hi, o.lo)).toBe(ref.delete(k));
          expect(m.size).toBe(ref.size);
        }
        for (let hi = 1; hi <= 6; hi++) for (let lo = -3; lo <= 40; lo++) expect(m.get(hi, lo)).toBe(ref.get(`${hi}/${lo}`));
        // Values come in the order their keys were first set (deleted ones left out).
        expect([...m.values()]).toEqual([...ref.values()]);
      }),
      { numRuns: 200 },
    );
  });

  it('finds with a hint exactly what it finds without, whatever the hint (right, stale, another key, out of range)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 400 }), fc.array(fc.integer({ min: -2, max: 80 }), { minLength: 1, maxLength: 8 }), (ops, hints) => {
        const m = new TupleMap(16);
        // Where each key was found last: what a flow's packets would carry, going stale as entries are deleted and compacted.
        const lastHit = new Map<string, number>();
        for (const o of ops) {
          if (o.op === 'set') m.set(o.hi, o.lo, o.v);
          else m.delete(o.hi, o.lo);
          const k = `${o.hi}/${o.lo}`;
          for (const hint of [...hints, lastHit.get(k) ?? -1]) {
            const want = m.get(o.hi, o.lo);
            expect(m.getHinted(o.hi, o.lo, hint)).toBe(want);
            if (want === undefined) expect(m.hit).toBe(-1);
            else {
              // `hit` is the entry found: it answers the same key at once next time.
              expect(m.getHinted(o.hi, o.lo, m.hit)).toBe(want);
              lastHit.set(k, m.hit);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('holds a hundred thousand sessions of a big lab, every one found again', () => {
    const m = new TupleMap();
    for (let s = 0; s < 100_000; s++) m.set(1 + (s % 1000), ((1024 + s) << 16) | 7, s);
    for (let s = 0; s < 100_000; s += 2) m.delete(1 + (s % 1000), ((1024 + s) << 16) | 7);
    expect(m.size).toBe(50_000);
    for (let s = 0; s < 100_000; s++) expect(m.get(1 + (s % 1000), ((1024 + s) << 16) | 7)).toBe(s % 2 === 1 ? s : undefined);
  });

  // How keys arrive at a router (as the engine makes them): addresses are small numbers, a
  // client's sessions take consecutive ports, a peer's hops consecutive wayport pairs.
  const wayports = (k: number) => ((16_385 + 2 * k) << 16) | (16_384 + 2 * k);
  const spreads: [string, (m: TupleMap) => void][] = [
    [
      'a hub WAN table: 1 000 spokes, 50 wayport pairs each',
      (m) => {
        for (let k = 0; k < 50; k++) for (let sp = 0; sp < 1000; sp++) m.set(3 + sp, wayports(k), 0);
      },
    ],
    [
      'a hub LAN table: 20 spokes × 500 sessions to 2 servers',
      (m) => {
        for (let s = 0; s < 500; s++) for (let c = 0; c < 20; c++) m.set(40 + c, ((20_000 + s) << 16) | (1 + (s & 1)), 0);
      },
    ],
    [
      'addresses that differ only in their high bits (10.c.0.5), ports in turn',
      (m) => {
        for (let c = 0; c < 40; c++) for (let s = 0; s < 1000; s++) m.set(((10 << 24) | (c << 16) | 5) >>> 0, ((40_000 + s) << 16) | 7, 0);
      },
    ],
    [
      'translated ports behind NAT, scattered at random',
      (m) => {
        let x = 12_345;
        for (let s = 0; s < 50_000; s++) {
          x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
          m.set(1 + (s % 7), ((1024 + (x % 60_000)) << 16) | (16_384 + ((x >>> 16) % 1000)), 0);
        }
      },
    ],
  ];
  it.each(spreads)('spreads %s over its buckets: a hit steps through fewer than 1.6 entries on average', (_name, fill) => {
    const m = new TupleMap();
    fill(m);
    const { mean, longest } = m.probeStats();
    expect(m.size).toBeGreaterThan(9_000);
    expect(mean).toBeLessThan(1.6);
    expect(longest).toBeLessThanOrEqual(10);
  });
});
