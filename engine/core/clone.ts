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

/** Options of {@link FrozenGraph}. */
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
 * frozen copy is private: nothing can change it, so the index of who points to whom, recorded
 * while copying, stays true.
 */
export class FrozenGraph<T> {
  /** The frozen objects by index (0 is the root); a Map's or Set's entries are in `entries`. */
  private readonly nodes: object[] = [];
  private readonly tags: Tag[] = [];
  /** Reference patches: owner index, key, target index. */
  private readonly refOwner: Int32Array;
  /** An array index (≥ 0), or -1 - i for the property named `names[i]`. */
  private readonly refKey: Int32Array;
  private readonly refTarget: Int32Array;
  private readonly names: string[];
  /** Map and Set entries: owner, key (an index, or -1 with a primitive in `kv`), value likewise. */
  private readonly entries: { owner: number; k: number; kv: unknown; v: number; vv: unknown }[] = [];

  /**
   * `own`: take `root`'s objects themselves instead of copies (saves copying the whole graph);
   * the caller promises never to touch them again.
   */
  constructor(
    root: T,
    private readonly opts: CloneOptions = {},
    own = false,
  ) {
    const { nodes, tags, entries } = this;
    const { shared, cloners, blanks } = opts;
    const ids = new Map<object, number>();
    // The patches go into typed arrays grown by doubling (a world has about three a node).
    let owners = new Int32Array(1024);
    let keys = new Int32Array(1024);
    let targets = new Int32Array(1024);
    let refs = 0;
    const names: string[] = [];
    const nameIds = new Map<string, number>();
    const nameId = (k: string): number => {
      let n = nameIds.get(k);
      if (n === undefined) {
        n = names.push(k) - 1;
        nameIds.set(k, n);
      }
      return -1 - n;
    };
    // Maps and Sets are frozen empty; their originals are read for their entries.
    const collections = new Map<number, Map<unknown, unknown> | Set<unknown>>();
    const work: number[] = [];
    const id = (v: object): number => {
      let i = ids.get(v);
      if (i !== undefined) return i;
      i = nodes.length;
      ids.set(v, i);
      if (shared !== undefined && shared.has(v)) {
        nodes.push(v);
        tags.push(Tag.Keep);
        return i;
      }
      if (ArrayBuffer.isView(v)) {
        nodes.push(own ? v : ((v as unknown as { slice(): object }).slice() as object));
        tags.push(Tag.Typed);
        return i;
      }
      if (v instanceof Map || v instanceof Set) {
        nodes.push(v instanceof Map ? new Map() : new Set());
        tags.push(v instanceof Map ? Tag.Map : Tag.Set);
        collections.set(i, v);
        work.push(i);
        return i;
      }
      const proto = Object.getPrototypeOf(v) as object | null;
      const custom = proto !== null ? cloners?.get(proto) : undefined;
      if (custom !== undefined) {
        nodes.push(custom(v));
        tags.push(Tag.Custom);
        return i;
      }
      const array = Array.isArray(v);
      nodes.push(own ? v : array ? v.slice() : shallow(v as Rec, blanks));
      tags.push(array ? Tag.Array : Tag.Object);
      work.push(i);
      return i;
    };
    const ref = (owner: number, key: number, x: object): object => {
      const t = id(x);
      if (refs === owners.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        owners = grow(owners);
        keys = grow(keys);
        targets = grow(targets);
      }
      owners[refs] = owner;
      keys[refs] = key;
      targets[refs++] = t;
      return nodes[t]!;
    };
    id(root as object);
    while (work.length > 0) {
      const i = work.pop()!;
      const c = nodes[i]!;
      switch (tags[i]) {
        case Tag.Array: {
          const a = c as unknown[];
          for (let j = 0; j < a.length; j++) {
            const x = a[j];
            if (typeof x === 'object' && x !== null) a[j] = ref(i, j, x);
          }
          break;
        }
        case Tag.Object: {
          const o = c as Rec;
          for (const k in o) {
            const x = o[k];
            if (typeof x === 'object' && x !== null) o[k] = ref(i, nameId(k), x);
          }
          break;
        }
        default: {
          // A Map or a Set: its entries, in order.
          const from = collections.get(i)!;
          const isMap = from instanceof Map;
          for (const [k, x] of isMap ? from : (from as Set<unknown>).entries()) {
            const ko = typeof k === 'object' && k !== null;
            const xo = isMap && typeof x === 'object' && x !== null;
            entries.push({ owner: i, k: ko ? id(k) : -1, kv: ko ? undefined : k, v: xo ? id(x) : -1, vv: xo ? undefined : x });
          }
        }
      }
    }
    this.refOwner = owners.slice(0, refs);
    this.refKey = keys.slice(0, refs);
    this.refTarget = targets.slice(0, refs);
    this.names = names;
  }

  /** A fresh copy of the frozen graph. */
  thaw(): T {
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
    const { refOwner, refKey, refTarget, names } = this;
    for (let r = 0; r < refOwner.length; r++) {
      const k = refKey[r]!;
      if (k >= 0) (out[refOwner[r]!] as unknown[])[k] = out[refTarget[r]!];
      else (out[refOwner[r]!] as Rec)[names[-1 - k]!] = out[refTarget[r]!];
    }
    for (const e of this.entries) {
      const k = e.k >= 0 ? out[e.k] : e.kv;
      const owner = out[e.owner];
      if (owner instanceof Map) owner.set(k, e.v >= 0 ? out[e.v] : e.vv);
      else (owner as Set<unknown>).add(k);
    }
    return out[0] as T;
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
