import { describe, expect, it } from 'vitest';
import { DETAIL_ROUTERS, detailedRouters, totalCounters } from '../../../engine/index.ts';

/** `n` quiet spokes: the same three kinds of counters each. */
function quietSpokes(n: number): Record<string, Record<string, number>> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`spoke${i + 1}`, { added: 2, removed: 2, created: 2, lost: 0 }]));
}

describe('counter digest of a big lab', () => {
  it('sums every router’s counters path by path', () => {
    expect(totalCounters({ a: { x: 1, y: 0 }, b: { x: 2, z: 5 } })).toEqual({ x: 3, y: 0, z: 5 });
  });

  it('details every router of a small lab, in its order', () => {
    expect(detailedRouters(quietSpokes(DETAIL_ROUTERS))).toEqual(Object.keys(quietSpokes(DETAIL_ROUTERS)));
  });

  it('details the routers where the most kinds of things happened, then the busiest, in the lab’s order', () => {
    const c = quietSpokes(500);
    c['spoke400'] = { added: 4, removed: 4, created: 4, lost: 2 };
    const lab = { hub1: { added: 500, removed: 500, created: 500, lost: 0 }, ...c };
    const shown = detailedRouters(lab);
    expect(shown).toHaveLength(DETAIL_ROUTERS);
    // spoke400 lost sessions (a fourth kind of counter); hub1 is the busiest of the rest.
    expect(shown).toEqual(['hub1', 'spoke1', 'spoke2', 'spoke3', 'spoke4', 'spoke5', 'spoke6', 'spoke7', 'spoke8', 'spoke9', 'spoke10', 'spoke400']);
  });
});
