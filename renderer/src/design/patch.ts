/**
 * Patches over the scenario document, the currency of undo/redo. The document is plain JSON and
 * treated as immutable: every edit yields a new document that shares every unchanged subtree
 * with the old one, so a patch can hold old subtrees by reference (cheap) and a diff can skip
 * shared subtrees by identity (fast even while a drag fires 60 edits a second).
 */

/** A step into the document: an object key or an array index. */
export type PathSeg = string | number;
/** Where in the document, e.g. `['links', 1, 'latencyMs']`. */
export type DocPath = readonly PathSeg[];

/** Set the value at `path` (or remove the key when `remove`). */
export interface Patch {
  path: DocPath;
  value?: unknown;
  remove?: true;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Returns `next` with every subtree deep-equal to its counterpart in `prev` replaced by the
 * `prev` reference. Array elements are matched by `id` when they have one (so deleting a node
 * keeps the others' identity), otherwise by index.
 */
export function share<T>(prev: unknown, next: T): T {
  if (prev === next) return next;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const byId = new Map<unknown, unknown>();
    for (const p of prev) if (isObj(p) && 'id' in p) byId.set(p['id'], p);
    let same = prev.length === next.length;
    const out = next.map((n: unknown, i) => {
      const match = isObj(n) && 'id' in n && byId.has(n['id']) ? byId.get(n['id']) : prev[i];
      const s = share(match, n);
      if (s !== prev[i]) same = false;
      return s;
    });
    return (same ? prev : out) as T;
  }
  if (isObj(prev) && isObj(next)) {
    const pk = Object.keys(prev);
    // Keys set to undefined are dropped: the document is JSON.
    const nk = Object.keys(next).filter((k) => next[k] !== undefined);
    // Key order is kept as the new value has it (a file saved must look like the file loaded).
    let same = pk.length === nk.length && pk.every((k, i) => nk[i] === k);
    const out: Obj = {};
    for (const k of nk) {
      const s = share(prev[k], next[k]);
      if (s !== prev[k]) same = false;
      out[k] = s;
    }
    return (same ? prev : out) as T;
  }
  return next;
}

/** Patches that turn `a` into `b` (both immutable; shared subtrees are skipped by identity). */
export function diff(a: unknown, b: unknown, path: PathSeg[] = [], out: Patch[] = []): Patch[] {
  if (a === b) return out;
  if (isObj(a) && isObj(b)) {
    const ak = Object.keys(a);
    const bk = Object.keys(b);
    // Key by key only when that reproduces b's key order (kept keys, then added ones);
    // otherwise replace the object whole, so a file saved looks like the file loaded.
    const expected = [...ak.filter((k) => k in b), ...bk.filter((k) => !(k in a))];
    if (expected.every((k, i) => bk[i] === k)) {
      for (const k of ak) if (!(k in b)) out.push({ path: [...path, k], remove: true });
      for (const k of bk) diff(a[k], b[k], [...path, k], out);
      return out;
    }
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) diff(a[i], b[i], [...path, i], out);
    return out;
  }
  if (path.length === 0) throw new Error('diff: the document root must stay an object');
  out.push(b === undefined ? { path, remove: true } : { path, value: b });
  return out;
}

/** Applies patches immutably, copying only along each patched path. */
export function applyPatches<T>(doc: T, patches: readonly Patch[]): T {
  let out: unknown = doc;
  for (const p of patches) out = setIn(out, p.path, p.value, p.remove === true);
  return out as T;
}

/** An immutable set (or key removal) at `path`. */
export function setIn(root: unknown, path: DocPath, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [PathSeg, ...PathSeg[]];
  if (Array.isArray(root) && typeof head === 'number') {
    const copy = root.slice();
    if (rest.length === 0 && remove) copy.splice(head, 1);
    else copy[head] = setIn(root[head], rest, value, remove);
    return copy;
  }
  const obj: Obj = isObj(root) ? { ...root } : {};
  const key = String(head);
  if (rest.length === 0 && remove) delete obj[key];
  else obj[key] = setIn(obj[key], rest, value, remove);
  return obj;
}

/** Reads the value at `path` (undefined when any step is missing). */
export function getIn(root: unknown, path: DocPath): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isObj(cur)) cur = cur[String(seg)];
    else return undefined;
  }
  return cur;
}
