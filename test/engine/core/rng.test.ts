import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../engine/core/rng.ts';

const draws = (seed: number, name: string, n = 32) => {
  const s = new RandomStreams(seed).stream(name);
  return Array.from({ length: n }, () => s.nextU32());
};

describe('RandomStreams', () => {
  it('gives the same sequence for the same seed and name', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.string({ minLength: 1, maxLength: 20 }), (seed, name) => {
        expect(draws(seed, name)).toEqual(draws(seed, name));
      }),
      { numRuns: 50 },
    );
  });

  it('gives different sequences for different names under one seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 1, maxLength: 20 }), (seed, a, b) => {
        fc.pre(a !== b);
        expect(draws(seed, a)).not.toEqual(draws(seed, b));
      }),
      { numRuns: 50 },
    );
  });

  it('gives different sequences for different seeds under one name', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (s1, s2) => {
        fc.pre(s1 !== s2);
        expect(draws(s1, 'link:wan1')).not.toEqual(draws(s2, 'link:wan1'));
      }),
      { numRuns: 50 },
    );
  });

  it("keeps one stream's draws whatever another stream draws in between", () => {
    const streams = new RandomStreams(42);
    const a = streams.stream('link:wan1');
    const b = streams.stream('link:wan2');
    const interleaved: number[] = [];
    for (let i = 0; i < 50; i++) {
      interleaved.push(a.nextU32());
      for (let k = 0; k < i % 3; k++) b.nextU32();
    }
    expect(interleaved).toEqual(draws(42, 'link:wan1', 50));
  });

  it('restarts a stream asked for twice', () => {
    const streams = new RandomStreams(7);
    const first = streams.stream('scanners');
    first.next();
    expect(streams.stream('scanners').nextU32()).toBe(draws(7, 'scanners', 1)[0]);
  });

  it('keeps next() in [0, 1) and int(n) in [0, n), roughly uniform', () => {
    const s = new RandomStreams(1).stream('u');
    let sum = 0;
    let outOfRange = 0;
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const x = s.next();
      if (!(x >= 0 && x < 1)) outOfRange++;
      sum += x;
      const k = s.int(10);
      if (!(Number.isInteger(k) && k >= 0 && k < 10)) outOfRange++;
      else buckets[k]!++;
    }
    expect(outOfRange).toBe(0);
    expect(sum / 20_000).toBeGreaterThan(0.48);
    expect(sum / 20_000).toBeLessThan(0.52);
    for (const b of buckets) expect(b).toBeGreaterThan(1800);
  });

  it('never succeeds a chance of 0', () => {
    const s = new RandomStreams(3).stream('c');
    for (let i = 0; i < 1000; i++) expect(s.chance(0)).toBe(false);
  });
});
