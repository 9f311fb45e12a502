/**
 * The head of an N-1 ranking in words: which elements hurt most. Elements whose failures cause the
 * same harm share a rank, so a lab of identical spokes names them together instead of crowning
 * whichever sorts first.
 */
import type { WhatIfRank } from './types.ts';

/** The same harm: as many sessions lost and hit, and the same worst outage. */
function sameHarm(a: Omit<WhatIfRank, 'rank'>, b: Omit<WhatIfRank, 'rank'>): boolean {
  return a.sessionsLost === b.sessionsLost && a.sessionsAffected === b.sessionsAffected && a.worstOutageMs === b.worstOutageMs;
}

/**
 * Ranks elements already sorted worst first, "1224" style: an element's rank is one more than the
 * number of elements that hurt strictly more, so elements with the same harm share it.
 */
export function rankSorted<T extends Omit<WhatIfRank, 'rank'>>(sorted: readonly T[]): (T & { rank: number })[] {
  const out: (T & { rank: number })[] = [];
  sorted.forEach((r, i) => {
    const prev = out[i - 1];
    out.push({ ...r, rank: prev && sameHarm(prev, r) ? prev.rank : i + 1 });
  });
  return out;
}

/** What heads a ranking. */
export interface WorstHead {
  /** The elements that share the first rank, in ranking order. */
  tied: WhatIfRank[];
  /** No element's failure harmed a session beyond the baseline. */
  harmless: boolean;
  /** The tied elements named, at most three, then how many more: "spoke spoke1, spoke spoke2 and 98 more". */
  names: string;
}

/** The head of a ranking, or null when nothing was failed. */
export function worstHead(ranking: readonly WhatIfRank[], shown = 3): WorstHead | null {
  const first = ranking[0];
  if (!first) return null;
  const tied = ranking.filter((r) => r.rank === first.rank);
  const named = tied.slice(0, shown).map((r) => `${r.kind} ${r.element}`);
  const more = tied.length - named.length;
  const names = more > 0 ? `${named.join(', ')} and ${more} more` : named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)!}` : named[0]!;
  return { tied, harmless: first.sessionsLost === 0 && first.sessionsAffected === 0 && first.worstOutageMs === 0, names };
}
