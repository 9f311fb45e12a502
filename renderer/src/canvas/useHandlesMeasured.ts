/**
 * Keeps React Flow's idea of where a node's handles are right on a big lab. A far tile's handles
 * are not laid out (canvas-detail.css), so React Flow measures them wrong there, and it measures
 * a node again only when its size changes — which a tile drawn in full does not. So once a big
 * lab's node is drawn in full (zoomed in, or mounted while zoomed in), its handles are measured
 * again; drawing a new link from it starts at the handle under the pointer.
 */
import { useEffect } from 'react';
import { useUpdateNodeInternals } from '@xyflow/react';
import { useIsBigLab, useIsFar } from './useCanvasDetail.ts';

/** Measures node `id`'s handles again whenever a big lab's canvas draws it in full. */
export function useHandlesMeasured(id: string): void {
  const isBig = useIsBigLab();
  const isFar = useIsFar();
  const updateNodeInternals = useUpdateNodeInternals();
  useEffect(() => {
    if (isBig && !isFar) updateNodeInternals(id);
  }, [isBig, isFar, id, updateNodeInternals]);
}
