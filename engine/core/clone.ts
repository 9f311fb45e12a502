/**
 * A deep copy of a run's object graph, for world snapshots (time travel, fork at the fault).
 * Every object reachable is copied once (cycles and shared references stay shared within the
 * copy), class instances keep their prototypes, typed arrays are copied, functions and the
 * objects in `shared` (immutable inputs such as the scenario) are kept as they are.
 */

/** How to copy instances of one class instead of the generic walk (e.g. a pool to drop). */
export type Cloner = (original: object) => object;

/** Options of {@link deepClone}. */
export interface CloneOptions {
  /** Objects to keep by reference (never mutated by a run). */
  shared?: ReadonlySet<object>;
  /** Per-prototype replacements. */
  cloners?: ReadonlyMap<object, Cloner>;
}

/** Copies `root` and everything it reaches. */
export function deepClone<T>(root: T, opts: CloneOptions = {}): T {
  const memo = new Map<object, unknown>();
  const shared = opts.shared;
  const cloners = opts.cloners;
  // An explicit stack: a linked list of 100 000 sessions would overflow the call stack.
  const work: [from: object, to: Record<PropertyKey, unknown> | unknown[]][] = [];

  const copyOf = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (shared !== undefined && shared.has(v)) return v;
    const seen = memo.get(v);
    if (seen !== undefined) return seen;
    if (ArrayBuffer.isView(v)) {
      const c = (v as unknown as { slice(): unknown }).slice();
      memo.set(v, c);
      return c;
    }
    if (v instanceof Map) {
      const m = new Map();
      memo.set(v, m);
      for (const [k, x] of v) m.set(copyOf(k), copyOf(x));
      return m;
    }
    if (v instanceof Set) {
      const s = new Set();
      memo.set(v, s);
      for (const x of v) s.add(copyOf(x));
      return s;
    }
    const proto = Object.getPrototypeOf(v) as object | null;
    const custom = proto !== null ? cloners?.get(proto) : undefined;
    if (custom !== undefined) {
      const c = custom(v);
      memo.set(v, c);
      return c;
    }
    if (Array.isArray(v)) {
      // Primitives are copied in bulk; object elements are replaced by their copies below.
      const a = v.slice();
      memo.set(v, a);
      work.push([v, a]);
      return a;
    }
    const o = Object.assign(Object.create(proto) as object, v) as Record<PropertyKey, unknown>;
    memo.set(v, o);
    work.push([v, o]);
    return o;
  };

  const out = copyOf(root) as T;
  while (work.length > 0) {
    const [from, to] = work.pop()!;
    if (Array.isArray(from)) {
      const a = to as unknown[];
      for (let i = 0; i < a.length; i++) {
        const x = a[i];
        if (typeof x === 'object' && x !== null) a[i] = copyOf(x);
      }
    } else {
      const o = to as Record<string, unknown>;
      for (const k in o) {
        const x = o[k];
        if (typeof x === 'object' && x !== null) o[k] = copyOf(x);
      }
    }
  }
  return out;
}

/** Every object reachable from `root` (to share an immutable input across copies). */
export function reachable(root: unknown, into: Set<object> = new Set()): Set<object> {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || into.has(v)) continue;
    into.add(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push(x);
  }
  return into;
}
