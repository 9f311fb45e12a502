/**
 * The baseline for the engine's event rate: a bare flat-array binary heap (time + seq keys in
 * Float64Arrays, a payload index) running the classic "hold" loop — pop the earliest event,
 * push one a random increment later — at a given pending size.
 */
export function holdLoop(pending: number, ops: number, seed = 1): { opsPerSec: number; wallMs: number } {
  const t = new Float64Array(pending + 1);
  const s = new Float64Array(pending + 1);
  const p = new Int32Array(pending + 1);
  let n = 0;
  let seq = 0;
  let x = seed >>> 0 || 1;
  const rnd = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const push = (time: number, payload: number) => {
    let i = n++;
    const sq = seq++;
    while (i > 0) {
      const q = (i - 1) >> 1;
      if (t[q]! < time || (t[q] === time && s[q]! < sq)) break;
      t[i] = t[q]!;
      s[i] = s[q]!;
      p[i] = p[q]!;
      i = q;
    }
    t[i] = time;
    s[i] = sq;
    p[i] = payload;
  };
  let popped = 0;
  const pop = (): number => {
    const top = t[0]!;
    popped = p[0]!;
    const last = --n;
    const lt = t[last]!;
    const ls = s[last]!;
    const lp = p[last]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && (t[c + 1]! < t[c]! || (t[c + 1] === t[c] && s[c + 1]! < s[c]!))) c++;
      if (lt < t[c]! || (lt === t[c] && ls < s[c]!)) break;
      t[i] = t[c]!;
      s[i] = s[c]!;
      p[i] = p[c]!;
      i = c;
    }
    t[i] = lt;
    s[i] = ls;
    p[i] = lp;
    return top;
  };
  for (let i = 0; i < pending; i++) push(Math.floor(rnd() * 1_000_000), i);
  let sink = 0;
  const t0 = performance.now();
  for (let k = 0; k < ops; k++) {
    const now = pop();
    sink += popped;
    push(now + 1 + Math.floor(rnd() * 1_000_000), popped);
  }
  const wallMs = performance.now() - t0;
  if (sink === -1) console.log('');
  return { opsPerSec: (ops / wallMs) * 1000, wallMs };
}
