/** Gives components the store. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LabState, LabStore } from './index.ts';

const StoreContext = createContext<LabStore | null>(null);

/** Provides a store to the tree. */
export function StoreProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself (for actions outside render: `useLabStore().getState()`). */
export function useLabStore(): LabStore {
  const s = useContext(StoreContext);
  if (!s) throw new Error('useLabStore outside StoreProvider');
  return s;
}

/** Selects from the store; return primitives or wrap with `useShallow`. */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useLabStore(), selector);
}
