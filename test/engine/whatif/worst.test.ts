/**
 * Ties at the head of an N-1 ranking: elements whose failures do the same harm share a rank, and
 * the headline names them together instead of crowning whichever id sorts first.
 */
import { describe, expect, it } from 'vitest';
import { rankSorted, worstHead, type WhatIfRank } from '../../../engine/index.ts';

type Unranked = Omit<WhatIfRank, 'rank'>;
const el = (element: string, sessionsLost: number, sessionsAffected: number, worstOutageMs: number): Unranked => ({
  kind: element.startsWith('hub') ? 'hub' : 'spoke',
  element,
  sessionsLost,
  sessionsAffected,
  worstOutageMs,
  runIds: [],
});

describe('N-1 ranking ties', () => {
  it('gives elements with the same harm the same rank, and the next one its place after them (1 2 2 4)', () => {
    const ranked = rankSorted([el('hub1', 5, 20, 9000), el('spoke1', 0, 10, 15000), el('spoke2', 0, 10, 15000), el('spoke3', 0, 10, 14000)]);
    expect(ranked.map((r) => `${r.rank} ${r.element}`)).toEqual(['1 hub1', '2 spoke1', '2 spoke2', '4 spoke3']);
  });

  it('ties only on equal harm in all three measures (lost, hit, worst outage)', () => {
    expect(rankSorted([el('a', 1, 2, 3), el('b', 1, 2, 3.5)]).map((r) => r.rank)).toEqual([1, 2]);
    expect(rankSorted([el('a', 1, 3, 3), el('b', 1, 2, 3)]).map((r) => r.rank)).toEqual([1, 2]);
    expect(rankSorted([el('a', 2, 2, 3), el('b', 1, 2, 3)]).map((r) => r.rank)).toEqual([1, 2]);
  });

  it('names one worst element alone, a few tied ones all, and many by the first three and a count', () => {
    expect(worstHead(rankSorted([el('hub1', 5, 20, 9000), el('hub2', 0, 20, 3000)]))).toMatchObject({ names: 'hub hub1', harmless: false });
    expect(worstHead(rankSorted([el('spoke1', 0, 2, 15000), el('spoke2', 0, 2, 15000), el('hub1', 0, 1, 10)]))!.names).toBe('spoke spoke1 and spoke spoke2');
    const many = rankSorted(Array.from({ length: 100 }, (_, i) => el(`spoke${i + 1}`, 0, 10, 15015.7)));
    const head = worstHead(many)!;
    expect(head.tied).toHaveLength(100);
    expect(head.names).toBe('spoke spoke1, spoke spoke2, spoke spoke3 and 97 more');
  });

  it('says when no failure harmed anything, and has no head when nothing was failed', () => {
    expect(worstHead(rankSorted([el('spoke1', 0, 0, 0), el('spoke2', 0, 0, 0)]))!.harmless).toBe(true);
    expect(worstHead([])).toBeNull();
  });
});
