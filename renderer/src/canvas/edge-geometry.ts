/**
 * Floating-edge geometry: a link is drawn centre to centre, clipped at each node's border, so
 * it never depends on which handle the user dragged from. Parallel links shift sideways.
 */

/** A point on the canvas. */
export interface Pt {
  x: number;
  y: number;
}

/** A node's box on the canvas. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the ray from the box's centre towards `toward` leaves the box. */
export function borderPoint(box: Box, toward: Pt, shift: Pt = { x: 0, y: 0 }): Pt {
  const cx = box.x + box.width / 2 + shift.x;
  const cy = box.y + box.height / 2 + shift.y;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : box.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: cx + dx * s, y: cy + dy * s };
}

/** The segment between two boxes, shifted `offset` px to the left of the a→b direction. */
export function linkSegment(a: Box, b: Box, offset: number): { from: Pt; to: Pt; normal: Pt } {
  const ca = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const cb = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  const len = Math.hypot(cb.x - ca.x, cb.y - ca.y) || 1;
  const normal = { x: -(cb.y - ca.y) / len, y: (cb.x - ca.x) / len };
  const shift = { x: normal.x * offset, y: normal.y * offset };
  const from = borderPoint(a, { x: cb.x + shift.x, y: cb.y + shift.y }, shift);
  const to = borderPoint(b, { x: ca.x + shift.x, y: ca.y + shift.y }, shift);
  return { from, to, normal };
}

/** The point `t` (0..1) of the way from `p` to `q`. */
export function lerp(p: Pt, q: Pt, t: number): Pt {
  return { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
}
