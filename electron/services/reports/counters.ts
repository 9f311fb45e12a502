/**
 * Router counters laid out like the router's `show stats`: each branch of the counter tree as a
 * heading, the leaves under it with their values right-aligned. Non-zero counters come first; the
 * zeros are listed too, compactly, so a reader can see a counter was watched and stayed at 0.
 */
import { html, type Html } from './html.ts';
import { int } from './format.ts';
import { detailedRouters, totalCounters } from '../../../engine/index.ts';

interface Branch {
  branch: string;
  leaves: [string, number][];
}

function split(path: string): [string, string] {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? ['', path] : [path.slice(0, cut), path.slice(cut + 1)];
}

/** Non-zero counters grouped by branch, in the model's order. */
function branches(values: Record<string, number>): Branch[] {
  const out: Branch[] = [];
  for (const [path, v] of Object.entries(values)) {
    if (v === 0) continue;
    const [branch, leaf] = split(path);
    let b = out.find((x) => x.branch === branch);
    if (!b) out.push((b = { branch, leaves: [] }));
    b.leaves.push([leaf, v]);
  }
  return out;
}

function routerBlock(router: string, values: Record<string, number>): Html {
  const groups = branches(values);
  const zeros = Object.entries(values)
    .filter(([, v]) => v === 0)
    .map(([p]) => split(p)[1]);
  const rows = groups.map(
    (g) => html`<tr class="branch"><td colspan="2">${g.branch}</td></tr>${g.leaves.map(([leaf, v]) => html`<tr><td class="leaf">${leaf}</td><td class="n">${int(v)}</td></tr>`)}`,
  );
  const empty = groups.length === 0 ? html`<tr><td colspan="2" class="note">all counters zero</td></tr>` : '';
  return html`<div class="router-counters"><h3>${router}</h3><table><thead><tr><th>counter</th><th class="n">value</th></tr></thead><tbody>${rows}${empty}</tbody></table>${
    zeros.length ? html`<p class="zeros">zero (${zeros.length}): ${zeros.join(' · ')}</p>` : ''
  }</div>`;
}

/**
 * The routers' counters (`RunSummary.counters`), one block per router: every router of a small
 * lab; a big one's total over all routers, then the dozen routers where the most kinds of things
 * happened (engine/metrics/counter-digest.ts), and a line on where the rest are.
 */
export function countersHtml(counters: Record<string, Record<string, number>>): Html {
  const all = Object.keys(counters);
  const shown = detailedRouters(counters);
  if (shown.length === all.length) return html`<div class="counters">${all.map((r) => routerBlock(r, counters[r]!))}</div>`;
  return html`<p class="note">${all.length} routers: their counters summed, then the ${shown.length} where the most kinds of counters moved. Every router's counters are in the run's Counters CSV export (and in <code>srlab run --json</code>).</p><div class="counters">${routerBlock(`all ${all.length} routers, summed`, totalCounters(counters))}${shown.map((r) => routerBlock(r, counters[r]!))}</div>`;
}
