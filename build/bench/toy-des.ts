/**
 * A quick hand-written toy discrete-event simulation of the engine benchmark's traffic (issue
 * 11's yardstick): 10k bidirectional sessions × 10 pps (5 each way) over 20 spokes and 2 hubs,
 * client – spoke – hub – server, a flat binary heap of events and Map flow tables on every
 * router. No metadata, health checks, BFD, loss, metrics or fingerprint: it is what a few dozen
 * lines cost, the floor the engine is compared with.
 */

/** Wall time and events of one toy run. */
export interface ToyRun {
  wallMs: number;
  events: number;
  delivered: number;
}

const enum K {
  ClientTick = 0,
  ServerTick = 1,
  Arrive = 2,
}

/** Runs the toy for `durationMs` of virtual time. */
export function toyDes(sessions: number, spokes: number, pps: number, durationMs: number): ToyRun {
  const t0 = performance.now();
  // Flat heap: parallel arrays ordered by (time, seq).
  let cap = 1 << 16;
  let time = new Float64Array(cap);
  let seq = new Float64Array(cap);
  let kind = new Int32Array(cap);
  let a = new Int32Array(cap);
  let b = new Int32Array(cap);
  let n = 0;
  let nextSeq = 0;
  const less = (i: number, j: number) => time[i]! < time[j]! || (time[i] === time[j] && seq[i]! < seq[j]!);
  const swap = (i: number, j: number) => {
    [time[i], time[j]] = [time[j]!, time[i]!];
    [seq[i], seq[j]] = [seq[j]!, seq[i]!];
    [kind[i], kind[j]] = [kind[j]!, kind[i]!];
    [a[i], a[j]] = [a[j]!, a[i]!];
    [b[i], b[j]] = [b[j]!, b[i]!];
  };
  const push = (t: number, k: number, x: number, y: number) => {
    if (n === cap) {
      cap *= 2;
      const grow = <T extends Float64Array | Int32Array>(o: T, m: T): T => (m.set(o), m);
      time = grow(time, new Float64Array(cap));
      seq = grow(seq, new Float64Array(cap));
      kind = grow(kind, new Int32Array(cap));
      a = grow(a, new Int32Array(cap));
      b = grow(b, new Int32Array(cap));
    }
    let i = n++;
    time[i] = t;
    seq[i] = nextSeq++;
    kind[i] = k;
    a[i] = x;
    b[i] = y;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(i, p)) break;
      swap(i, p);
      i = p;
    }
  };
  const pop = () => {
    swap(0, --n);
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const c = l + 1 < n && less(l + 1, l) ? l + 1 : l;
      if (!less(c, i)) break;
      swap(c, i);
      i = c;
    }
  };
  // Routers 0..spokes-1 are spokes, then two hubs; hop h of a path: 0 client→spoke, 1 spoke→hub, 2 hub→server (forward).
  const flows: Map<number, number>[] = Array.from({ length: spokes + 2 }, () => new Map());
  const periodUs = 1_000_000 / (pps / 2);
  const lat = [500, 15_000, 200];
  const endUs = durationMs * 1000;
  for (let s = 0; s < sessions; s++) {
    push((s * 7919) % periodUs, K.ClientTick, s, 0);
    push(((s * 104729) % periodUs) + 50_000, K.ServerTick, s, 0);
  }
  let events = 0;
  let delivered = 0;
  while (n > 0 && time[0]! <= endUs) {
    const t = time[0]!;
    const k = kind[0]!;
    const s = a[0]!;
    const hop = b[0]!;
    pop();
    events++;
    if (k === K.ClientTick) {
      push(t + lat[0]!, K.Arrive, s, 0); // forward, arriving at the spoke
      push(t + periodUs, K.ClientTick, s, 0);
    } else if (k === K.ServerTick) {
      push(t + lat[2]!, K.Arrive, s, 16 + 0); // reverse, arriving at the hub
      push(t + periodUs, K.ServerTick, s, 0);
    } else {
      const reverse = hop >= 16;
      const h = hop & 15;
      const spoke = s % spokes;
      const hub = spokes + (s & 1);
      if (!reverse && h === 0) {
        const f = flows[spoke]!;
        if (!f.has(s)) f.set(s, hub);
        push(t + lat[1]!, K.Arrive, s, 1);
      } else if (!reverse && h === 1) {
        const f = flows[hub]!;
        if (!f.has(s)) f.set(s, spoke);
        push(t + lat[2]!, K.Arrive, s, 2);
      } else if (reverse && h === 0) {
        flows[hub]!.get(s);
        push(t + lat[1]!, K.Arrive, s, 16 + 1);
      } else if (reverse && h === 1) {
        flows[spoke]!.get(s);
        push(t + lat[0]!, K.Arrive, s, 16 + 2);
      } else delivered++;
    }
  }
  return { wallMs: performance.now() - t0, events, delivered };
}
