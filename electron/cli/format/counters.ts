/**
 * Router counters laid out like the router's `show stats`: the counter tree's branch as a
 * heading, the leaf names under it and their values right-aligned in one column for all routers.
 * Zero counters are left out, as they would only bury the few that moved.
 */

import { detailedRouters, totalCounters } from '../../../engine/index.ts';

/**
 * Lines for the routers' non-zero counters (`counters` is `RunSummary.counters`): every router
 * of a small lab; a big one's total over all routers, then the dozen routers where the most kinds
 * of things happened (engine/metrics/counter-digest.ts).
 */
export function renderCounters(counters: Record<string, Record<string, number>>, indent = 2): string[] {
  const pad = ' '.repeat(indent);
  const all = Object.keys(counters);
  const shown = detailedRouters(counters);
  const isDigest = shown.length < all.length;
  const routers = [
    ...(isDigest ? [{ router: `all ${all.length} routers, summed`, groups: groupNonZero(totalCounters(counters)) }] : []),
    ...shown.map((router) => ({ router, groups: groupNonZero(counters[router]!) })),
  ];
  let nameWidth = 0;
  let valueWidth = 0;
  for (const { groups } of routers) {
    for (const rows of groups.values()) {
      for (const [leaf, value] of rows) {
        nameWidth = Math.max(nameWidth, leaf.length);
        valueWidth = Math.max(valueWidth, String(value).length);
      }
    }
  }
  const lines: string[] = [];
  for (const { router, groups } of routers) {
    lines.push(`${pad}${router}`);
    if (groups.size === 0) lines.push(`${pad}  (all counters zero)`);
    for (const [branch, rows] of groups) {
      lines.push(`${pad}  ${branch}`);
      for (const [leaf, value] of rows) lines.push(`${pad}    ${leaf.padEnd(nameWidth)}  ${String(value).padStart(valueWidth)}`);
    }
  }
  if (isDigest) lines.push(`${pad}(${all.length - shown.length} more routers not shown: those above are where the most kinds of counters moved; --json lists them all)`);
  return lines;
}

/** Non-zero counters grouped by branch (path up to the last "/"), keeping the model's order. */
function groupNonZero(values: Record<string, number>): Map<string, [string, number][]> {
  const groups = new Map<string, [string, number][]>();
  for (const [path, value] of Object.entries(values)) {
    if (value === 0) continue;
    const cut = path.lastIndexOf('/');
    const branch = cut < 0 ? '' : path.slice(0, cut);
    const rows = groups.get(branch) ?? [];
    rows.push([path.slice(cut + 1), value]);
    groups.set(branch, rows);
  }
  return groups;
}
