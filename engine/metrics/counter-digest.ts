/**
 * A big lab's counters, digested for a page or a terminal: a thousand routers' `show stats`
 * would bury the few that matter. Summaries show the total over every router and detail a dozen
 * of them, those where the most kinds of things happened (the most distinct non-zero counters:
 * a spoke that lost sessions or met a scanner stands out from its quiet neighbours).
 */

/** Most routers a summary details one by one; past it, their total comes first. */
export const DETAIL_ROUTERS = 12;

/** Every router's counters summed, path by path (paths in the order first met). */
export function totalCounters(counters: Readonly<Record<string, Readonly<Record<string, number>>>>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const values of Object.values(counters)) for (const [path, v] of Object.entries(values)) total[path] = (total[path] ?? 0) + v;
  return total;
}

/**
 * The routers a summary details: every one up to {@link DETAIL_ROUTERS}, else that many, those
 * with the most distinct non-zero counters (then the largest sum), listed in the lab's order.
 */
export function detailedRouters(counters: Readonly<Record<string, Readonly<Record<string, number>>>>, max = DETAIL_ROUTERS): string[] {
  const routers = Object.keys(counters);
  if (routers.length <= max) return routers;
  const score = routers.map((r, i) => {
    let kinds = 0;
    let sum = 0;
    for (const v of Object.values(counters[r]!)) {
      if (v !== 0) kinds++;
      sum += v;
    }
    return { i, kinds, sum };
  });
  score.sort((a, b) => b.kinds - a.kinds || b.sum - a.sum || a.i - b.i);
  return score
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map((s) => routers[s.i]!);
}
