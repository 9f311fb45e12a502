/**
 * Keeps React Flow's idea of where a node's handles are right on a big lab. A far tile's handles
 * are not laid out (canvas-detail.css), so React Flow measures them as empty boxes there, and it
 * measures a node again only when its size changes — which a tile drawn in full does not. So
 * when a big lab's node is drawn in full with handles last measured on a tile, they are measured
 * again (all such nodes of one render together: React Flow updates its store once per call, and
 * a call per node made zooming in on a big lab take seconds).
 */
import { useEffect } from 'react';
import { useStoreApi, useUpdateNodeInternals } from '@xyflow/react';
import { useIsBigLab, useIsFar } from './useCanvasDetail.ts';

type Update = (ids: string[]) => void;
const pending = new Map<Update, Set<string>>();

function measureSoon(update: Update, id: string): void {
  let ids = pending.get(update);
  if (!ids) {
    const batch = new Set<string>();
    pending.set(update, batch);
    ids = batch;
    queueMicrotask(() => {
      pending.delete(update);
      update([...batch]);
    });
  }
  ids.add(id);
}

/** Measures node `id`'s handles again when a big lab's canvas draws it in full after a tile. */
export function useHandlesMeasured(id: string): void {
  const isBig = useIsBigLab();
  const isFar = useIsFar();
  const flow = useStoreApi();
  const updateNodeInternals = useUpdateNodeInternals();
  useEffect(() => {
    if (!isBig || isFar) return;
    // Handles measured while hidden have no size; measured in full they do.
    const bounds = flow.getState().nodeLookup.get(id)?.internals.handleBounds;
    if (bounds?.source?.some((h) => h.width === 0)) measureSoon(updateNodeInternals, id);
  }, [isBig, isFar, id, flow, updateNodeInternals]);
}
