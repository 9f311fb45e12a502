import type { LinkRt, PeerPath, RouterRt } from './network.ts';

/**
 * What routing reads of a run: its topology. (Not the World itself: the world owns its Routing,
 * and this keeps the two modules from importing each other.)
 */
export interface Topology {
  readonly nodeIds: readonly string[];
  /** Link indices at each node. */
  readonly nodeLinks: readonly (readonly number[])[];
  readonly links: readonly LinkRt[];
  /** The router at each node index, null for hosts. */
  readonly routers: readonly (RouterRt | null)[];
}

/**
 * Next-hop choice (ssr-model.md §2): shortest one-way latency over peer paths the router's BFD
 * sees up, towards any router linked to the destination host; ties break by link id.
 * Distances beyond the first hop use configured latencies (a router knows its topology, not
 * its peers' BFD state), and only neighbours closer to the destination qualify (loop-free
 * alternates): a router never fails over onto a path that leads back through itself.
 */
export class Routing {
  private readonly dist = new Map<number, Float64Array>();

  constructor(private readonly w: Topology) {}

  /** Static distance (µs) from every router node to the routers linked to host `host`. */
  distancesTo(host: number): Float64Array {
    let d = this.dist.get(host);
    if (d) return d;
    const w = this.w;
    d = new Float64Array(w.nodeIds.length).fill(Number.POSITIVE_INFINITY);
    const heap: [number, number][] = [];
    for (const li of w.nodeLinks[host]!) {
      const r = w.links[li]!.peerOf(host);
      if (w.routers[r]) {
        d[r] = 0;
        heap.push([0, r]);
      }
    }
    // Dijkstra with a simple binary heap over [dist, node]
    const push = (x: [number, number]) => {
      heap.push(x);
      let i = heap.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (heap[p]![0] <= x[0]) break;
        heap[i] = heap[p]!;
        i = p;
      }
      heap[i] = x;
    };
    const pop = (): [number, number] => {
      const top = heap[0]!;
      const last = heap.pop()!;
      if (heap.length > 0) {
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= heap.length) break;
          if (c + 1 < heap.length && heap[c + 1]![0] < heap[c]![0]) c++;
          if (heap[c]![0] >= last[0]) break;
          heap[i] = heap[c]!;
          i = c;
        }
        heap[i] = last;
      }
      return top;
    };
    heap.sort((x, y) => x[0] - y[0]);
    while (heap.length > 0) {
      const [du, u] = pop();
      if (du > d[u]!) continue;
      for (const pp of w.routers[u]!.paths) {
        const nd = du + pp.latUs;
        if (nd < d[pp.peer]!) {
          d[pp.peer] = nd;
          push([nd, pp.peer]);
        }
      }
    }
    this.dist.set(host, d);
    return d;
  }

  /**
   * The peer path `r` should use towards host `host`, or null when no router linked to the
   * host is reachable. `newHop`: the hop is being opened here, so NAT paths this router is
   * outside of are excluded (outbound-only peering). Paths BFD sees down are avoided while
   * another path exists; with none up, the best down path is kept.
   */
  nextHop(r: RouterRt, host: number, newHop: boolean): PeerPath | null {
    const d = this.distancesTo(host);
    let best: PeerPath | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    let fallback: PeerPath | null = null;
    let fallbackCost = Number.POSITIVE_INFINITY;
    const mine = d[r.node]!;
    for (const pp of r.paths) {
      if (newHop && pp.natOutside && pp.peerBfdPort < 0) continue;
      const rest = d[pp.peer]!;
      if (rest === Number.POSITIVE_INFINITY) continue;
      // Loop-free next hops only: a neighbour no closer to the destination than this router
      // would route the packet back through it (zero-latency ties aside).
      if (rest > mine || (rest === mine && pp.latUs > 0)) continue;
      const cost = pp.latUs + rest;
      if (pp.up) {
        if (cost < bestCost || (cost === bestCost && best !== null && pp.linkRank < best.linkRank)) {
          best = pp;
          bestCost = cost;
        }
      } else if (cost < fallbackCost || (cost === fallbackCost && fallback !== null && pp.linkRank < fallback.linkRank)) {
        fallback = pp;
        fallbackCost = cost;
      }
    }
    return best ?? fallback;
  }

  /** Like {@link nextHop} but only over paths BFD sees up (failover candidates). */
  upHop(r: RouterRt, host: number, newHop: boolean): PeerPath | null {
    const pp = this.nextHop(r, host, newHop);
    return pp !== null && pp.up ? pp : null;
  }
}
