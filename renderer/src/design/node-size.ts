/** The size the canvas draws each kind at (design.css sets the same), for layout and drops. */
import { isRouterKind, type NodeKind } from '../../../engine/index.ts';

/** Width and height of a node of `kind`, in canvas pixels. */
export function nodeSize(kind: string): { width: number; height: number } {
  return isRouterKind(kind as NodeKind) ? { width: 190, height: 78 } : { width: 160, height: 52 };
}
