/**
 * The design is locked while a run is live: the run keeps the lab it started with, so an edit
 * made meanwhile would silently describe a different network from the one on screen. Every
 * way in (the store's one mutation path, undo/redo, New/Open/templates) asks here first.
 */
import type { LabState } from '../store/types.ts';
import { isRunLive } from '../store/sim-slice.ts';

/** What a refused edit says. */
export const LOCKED_TEXT = 'The design is locked while a run is live: stop the run to edit it.';

/** Whether the design is locked now. */
export function isDesignLocked(s: Pick<LabState, 'live'>): boolean {
  return isRunLive(s.live);
}

/**
 * True (and says why, once: a notice with the same words is not repeated) when the design is
 * locked; false when edits may go ahead.
 */
export function refuseWhileLive(s: Pick<LabState, 'live' | 'notices' | 'notify'>): boolean {
  if (!isDesignLocked(s)) return false;
  if (!s.notices.some((n) => n.text === LOCKED_TEXT)) s.notify('info', LOCKED_TEXT);
  return true;
}
