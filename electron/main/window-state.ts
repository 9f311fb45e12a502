/**
 * The window's size and position, remembered between launches in a small JSON file in the
 * user-data folder and clamped to the displays there are now (a monitor unplugged since must
 * not leave the window off screen). Parsing and clamping are pure.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIN_HEIGHT, MIN_WIDTH, type WindowPlacement } from './window-options.ts';

/** What is stored. */
export interface WindowState extends WindowPlacement {
  isMaximized: boolean;
}

/** A display's work area (screen.getAllDisplays()[i].workArea). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The size of a first launch. */
export const DEFAULT_STATE: WindowState = { width: 1440, height: 900, isMaximized: false };

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads a stored state; anything malformed gives the default. */
export function parseWindowState(text: string | null): WindowState {
  if (text === null) return DEFAULT_STATE;
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (!finite(v.width) || !finite(v.height)) return DEFAULT_STATE;
    const s: WindowState = { width: Math.round(v.width), height: Math.round(v.height), isMaximized: v.isMaximized === true };
    if (finite(v.x) && finite(v.y)) {
      s.x = Math.round(v.x);
      s.y = Math.round(v.y);
    }
    return s;
  } catch {
    return DEFAULT_STATE;
  }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Fits a state to the work areas: the size is at most the largest work area (and at least the
 * minimum); the position is kept only if the window's top strip (where the title bar is) is on
 * some display enough to grab it, else dropped (the window is centred).
 */
export function clampToDisplays(s: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return s;
  const largest = workAreas.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
  const width = Math.max(Math.min(s.width, largest.width), Math.min(MIN_WIDTH, largest.width));
  const height = Math.max(Math.min(s.height, largest.height), Math.min(MIN_HEIGHT, largest.height));
  const out: WindowState = { width, height, isMaximized: s.isMaximized };
  if (s.x === undefined || s.y === undefined) return out;
  const titleBar: Rect = { x: s.x, y: s.y, width, height: 40 };
  const host = workAreas.find((a) => overlap(titleBar, a) >= Math.min(200, width) * 20);
  if (!host) return out;
  // On a display: nudge it fully inside that display's work area.
  out.x = Math.min(Math.max(s.x, host.x), host.x + host.width - Math.min(width, host.width));
  out.y = Math.min(Math.max(s.y, host.y), host.y + host.height - Math.min(height, host.height));
  return out;
}

/** Reads the stored state (default when missing or unreadable). */
export function loadWindowState(file: string): WindowState {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return DEFAULT_STATE;
  }
}

/** Writes the state; a read-only profile is not an error worth a word. */
export function saveWindowState(file: string, s: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(s)}\n`);
  } catch {
    // ignored: the next launch opens at the default size
  }
}
