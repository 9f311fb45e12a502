/**
 * A router's or link's live state, read by id, for the thousands of elements on a big canvas.
 * Reading it with `useLab` made every node, badge and link a store subscriber: each snapshot
 * then ran some 20 000 selectors (the 1 000-spoke lab), most of the JS time a snapshot cost,
 * to find the handful of elements whose state had changed. Here one store subscription per
 * store compares the live picture's entries by identity (a snapshot replaces only the entries
 * it carries; see sim-slice.ts) and wakes only the elements whose entry changed.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { LinkState, RouterBadge } from '../../../engine/index.ts';
import { useLabStore } from '../store/context.tsx';
import type { LabStore } from '../store/index.ts';
import type { LabState } from '../store/types.ts';

type Part = 'routers' | 'links';
type Listeners = Map<string, Set<() => void>>;

/** Who listens to which entry of the live picture, for one store. */
class LiveEntries {
  private readonly listeners: Record<Part, Listeners> = { routers: new Map(), links: new Map() };
  private isSubscribed = false;

  constructor(private readonly store: LabStore) {}

  subscribe(part: Part, id: string, listener: () => void): () => void {
    if (!this.isSubscribed) {
      this.isSubscribed = true;
      this.store.subscribe((s, prev) => this.changed(s, prev));
    }
    const byId = this.listeners[part];
    let set = byId.get(id);
    if (!set) byId.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && byId.get(id) === set) byId.delete(id);
    };
  }

  private changed(s: LabState, prev: LabState): void {
    if (s.live === prev.live) return;
    this.wake(this.listeners.routers, prev.live?.routers, s.live?.routers);
    this.wake(this.listeners.links, prev.live?.links, s.live?.links);
  }

  private wake(byId: Listeners, before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): void {
    if (before === after || byId.size === 0) return;
    // Listeners are collected first: a listener may unsubscribe (its element unmounts) meanwhile.
    const woken: (() => void)[] = [];
    for (const [id, set] of byId) if (before?.[id] !== after?.[id]) for (const l of set) woken.push(l);
    for (const l of woken) l();
  }
}

const perStore = new WeakMap<LabStore, LiveEntries>();

function entriesOf(store: LabStore): LiveEntries {
  let e = perStore.get(store);
  if (!e) perStore.set(store, (e = new LiveEntries(store)));
  return e;
}

function useLiveEntry<E, T>(part: Part, id: string, select: (entry: E | undefined) => T): T {
  const store = useLabStore();
  const entries = entriesOf(store);
  const subscribe = useCallback((listener: () => void) => entries.subscribe(part, id, listener), [entries, part, id]);
  const read = () => select(store.getState().live?.[part][id] as E | undefined);
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * Selects from router `id`'s live badge (undefined with no run, or before the router reports).
 * Return a primitive: the element re-renders when the value changes.
 */
export function useLiveRouter<T>(id: string, select: (badge: RouterBadge | undefined) => T): T {
  return useLiveEntry('routers', id, select);
}

/** Selects from link `id`'s live state; return a primitive. */
export function useLiveLink<T>(id: string, select: (state: LinkState | undefined) => T): T {
  return useLiveEntry('links', id, select);
}
