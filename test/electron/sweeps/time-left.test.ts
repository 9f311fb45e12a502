import { describe, expect, it } from 'vitest';
import { timeLeft } from '../../../electron/services/sweeps/run-sweep.ts';

describe('the time a sweep has left', () => {
  it('says nothing before the first run is in', () => {
    expect(timeLeft([], 101, 900, 2)).toBeNull();
  });

  it('goes by the steady pace once every thread has paid its cold start', () => {
    // Two threads: each first run takes 1.3 s (engine load, JIT, the forked prefix), then a run
    // comes in every 20 ms.
    const doneAt = [1300, 1340, 1360, 1380, 1400];
    // 96 runs left at 20 ms each: about 1.9 s, where elapsed ÷ done would say 19.4 s.
    expect(timeLeft(doneAt, 101, 1400, 2)).toBeCloseTo(1920, 6);
  });

  it('takes every thread to deliver its first run about when the first one came in, until they have', () => {
    // Not 130 s: the second thread's first run is about to come in too.
    expect(timeLeft([1300], 101, 1300, 2)).toBeCloseTo(65_000, 6);
    expect(timeLeft([1300, 1340], 101, 1340, 2)).toBeCloseTo(66_330, 6);
  });

  it('follows the pace of the latest runs while the JIT warms up', () => {
    // Two threads; after the cold first runs, runs come in 100 ms apart, then 20 ms apart.
    const doneAt = [1300, 1340, 1440, 1540, 1640, 1740, 1760, 1780, 1800, 1820, 1840, 1860, 1880];
    // The latest 8 runs (4 a thread) came in between 1640 and 1880 ms, 30 ms apart: 88 runs left.
    expect(timeLeft(doneAt, 101, 1880, 2)).toBeCloseTo(30 * 88, 6);
  });

  it('counts one at a time when the executor does not say how many run at once', () => {
    expect(timeLeft([1000, 1100, 1200], 10, 1200, Number.NaN)).toBeCloseTo(700, 6);
  });

  it('has nothing left when every run is in', () => {
    expect(timeLeft([100, 200, 300], 3, 300, 2)).toBe(0);
  });
});
