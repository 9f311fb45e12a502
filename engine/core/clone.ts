/**
 * Copies of a run's object graph, for world snapshots (time travel, fork at the fault).
 * Every object reachable is copied once (cycles and shared references stay shared within the
 * copy), class instances keep their prototypes, typed arrays are copied, functions and the
 * objects in `shared` (immutable inputs such as the scenario) are kept as they are.
 *
 * A snapshot is restored many times (every run of an N-1 sweep forks from one; every seek
 * restores one), so {@link FrozenGraph} records once, as flat arrays, which object points to
 * which; a restore then copies each object shallowly and patches its references by index,
 * with no lookups. Copies keep fast properties: an object is copied by spreading it, or into a
 * blank instance its class provides (see {@link CloneOptions.blanks}), so a restored run runs
 * on objects of the same shape as the original's.
 */

/** How to copy instances of one class instead of the generic walk (e.g. a pool to drop). */
export type Cloner = (original: object) => object;

/** Options of {@link deepClone} and {@link FrozenGraph}. */
export interface CloneOptions {
  /** Objects to keep by reference (never mutated by a run). */
  shared?: ReadonlySet<object>;
  /** Per-prototype replacements. */
  cloners?: ReadonlyMap<object, Cloner>;
  /**
   * Per-prototype makers of a blank instance (made by the class's constructor, so it has the
   * class's own hidden class); the copy is the blank with every own field assigned. Classes
   * without one are copied by spreading, which keeps fast properties but not the class's shape.
   */
  blanks?: ReadonlyMap<object, (original: object) => object>;
}

const enum Tag {
  /** Kept by reference (shared, or the output of a cloner made when frozen). */
  Keep = 0,
  Typed = 1,
  Array = 2,
  Object = 3,
  Map = 4,
  Set = 5,
  Custom = 6,
}

type Rec = Record<PropertyKey, unknown>;

/**
 * A frozen copy of an object graph that can be restored (thawed) as often as needed. The
 * frozen copy is private: nothing can change it, so the index of who points to whom, built on
 * the first thaw, stays true.
 */
export class FrozenGraph<T> {
  private readonly nodes: object[] = [];
  private readonly tags: number[] = [];
  /** Reference patches: owner index, key (property name or array index), target index. */
  private refOwner: Int32Array = new Int32Array(0);
  private refKey: (string | number)[] = [];
  private refTarget: Int32Array = new Int32Array(0);
  /** Map and Set entries: owner, key (index or -1 with a primitive in `entryKeyValue`), value. */
  private entries: { owner: number; k: number; kv: unknown; v: number; vv: unknown }[] = [];
  private indexed = false;
  private readonly copy: T;

  /**
   * `own`: take `root` itself instead of a copy (saves a copy of the whole graph); the caller
   * promises never to touch it again.
   */
  constructor(
    root: T,
    private readonly opts: CloneOptions = {},
    own = false,
  ) {
    this.copy = own ? root : deepClone(root, opts);
  }

  /** A fresh copy of the frozen graph. */
  thaw(): T {
    if (!this.indexed) this.index();
    const { nodes, tags, opts } = this;
    const n = nodes.length;
    const out = new Array<unknown>(n);
    const blanks = opts.blanks;
    for (let i = 0; i < n; i++) {
      const v = nodes[i]!;
      switch (tags[i]) {
        case Tag.Keep:
          out[i] = v;
          break;
        case Tag.Typed:
          out[i] = (v as unknown as { slice(): unknown }).slice();
          break;
        case Tag.Array:
          out[i] = (v as unknown[]).slice();
          break;
        case Tag.Object:
          out[i] = shallow(v as Rec, blanks);
          break;
        case Tag.Map:
          out[i] = new Map();
          break;
        case Tag.Set:
          out[i] = new Set();
          break;
        case Tag.Custom:
          out[i] = opts.cloners!.get(Object.getPrototypeOf(v) as object)!(v);
          break;
      }
    }
    const { refOwner, refKey, refTarget } = this;
    for (let r = 0; r < refOwner.length; r++) (out[refOwner[r]!] as Rec)[refKey[r]!] = out[refTarget[r]!];
    for (const e of this.entries) {
      const k = e.k >= 0 ? out[e.k] : e.kv;
      const owner = out[e.owner];
      if (owner instanceof Map) owner.set(k, e.v >= 0 ? out[e.v] : e.vv);
      else (owner as Set<unknown>).add(k);
    }
    return out[0] as T;
  }

  /** Numbers every object of the frozen copy and records its references. */
  private index(): void {
    const { nodes, tags } = this;
    const shared = this.opts.shared;
    const cloners = this.opts.cloners;
    const ids = new Map<object, number>();
    const owners: number[] = [];
    const keys: (string | number)[] = [];
    const targets: number[] = [];
    const id = (v: object): number => {
      let i = ids.get(v);
      if (i !== undefined) return i;
      i = nodes.length;
      ids.set(v, i);
      nodes.push(v);
      let tag: Tag;
      if (shared !== undefined && shared.has(v)) tag = Tag.Keep;
      else if (ArrayBuffer.isView(v)) tag = Tag.Typed;
      else if (v instanceof Map) tag = Tag.Map;
      else if (v instanceof Set) tag = Tag.Set;
      else if (Array.isArray(v)) tag = Tag.Array;
      else {
        const proto = Object.getPrototypeOf(v) as object | null;
        tag = proto !== null && cloners?.has(proto) ? Tag.Custom : Tag.Object;
      }
      tags.push(tag);
      return i;
    };
    id(this.copy as object);
    for (let i = 0; i < nodes.length; i++) {
      const v = nodes[i]!;
      switch (tags[i]) {
        case Tag.Array: {
          const a = v as unknown[];
          for (let j = 0; j < a.length; j++) {
            const x = a[j];
            if (typeof x === 'object' && x !== null) {
              owners.push(i);
              keys.push(j);
              targets.push(id(x));
            }
          }
          break;
        }
        case Tag.Object:
          for (const k in v) {
            const x = (v as Rec)[k];
            if (typeof x === 'object' && x !== null) {
              owners.push(i);
              keys.push(k);
              targets.push(id(x));
            }
          }
          break;
        case Tag.Map:
          for (const [k, x] of v as Map<unknown, unknown>) {
            const ko = typeof k === 'object' && k !== null;
            const xo = typeof x === 'object' && x !== null;
            this.entries.push({ owner: i, k: ko ? id(k) : -1, kv: ko ? undefined : k, v: xo ? id(x) : -1, vv: xo ? undefined : x });
          }
          break;
        case Tag.Set:
          for (const k of v as Set<unknown>) {
            const ko = typeof k === 'object' && k !== null;
            this.entries.push({ owner: i, k: ko ? id(k) : -1, kv: ko ? undefined : k, v: -1, vv: undefined });
          }
          break;
      }
    }
    this.refOwner = Int32Array.from(owners);
    this.refKey = keys;
    this.refTarget = Int32Array.from(targets);
    this.indexed = true;
  }
}

/** A shallow copy of a class instance or plain object that keeps fast properties. */
function shallow(v: Rec, blanks: ReadonlyMap<object, (original: object) => object> | undefined): Rec {
  const proto = Object.getPrototypeOf(v) as object | null;
  const blank = proto !== null ? blanks?.get(proto) : undefined;
  if (blank !== undefined) {
    const o = blank(v) as Rec;
    for (const k in v) o[k] = v[k];
    return o;
  }
  // Spread, then the prototype. (`Object.assign` onto `Object.create(proto)` turns objects of
  // more than a dozen fields into dictionaries, and a restored run ran on them at half speed.)
  const spread = { ...v };
  return (proto === Object.prototype ? spread : Object.setPrototypeOf(spread, proto)) as Rec;
}

/** Copies `root` and everything it reaches. */
export function deepClone<T>(root: T, opts: CloneOptions = {}): T {
  const memo = new Map<object, unknown>();
  const shared = opts.shared;
  const cloners = opts.cloners;
  const blanks = opts.blanks;
  // An explicit stack: a linked list of 100 000 sessions would overflow the call stack.
  const work: [from: object, to: Rec | unknown[]][] = [];

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
    const o = shallow(v as Rec, blanks);
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
      const o = to as Rec;
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
