/**
 * Windowing for a long list of rows of one height (the live event log): only the rows in view,
 * and a few either side, are rendered; padding on the list inside the scroller stands in for the
 * rest, so the scrollbar is that of the whole list. The list follows its newest row while it is scrolled to
 * the bottom and stays where the reader left it otherwise.
 *
 * Not a library (@tanstack/react-virtual was the candidate): rows have one fixed height, so the
 * window is arithmetic, and a list without layout (jsdom, a panel not laid out yet) must still
 * show its newest rows, which a virtualizer measuring its scroller would render none of.
 */
import { useCallback, useLayoutEffect, useRef, useState, type UIEvent } from 'react';

/** Rows rendered beyond each edge of the view. */
const OVERSCAN = 8;
/** Rows rendered when the list has no height to go by (not laid out): the newest ones. */
export const UNMEASURED_ROWS = 300;
/** A row's height until one is measured (px). */
const DEFAULT_ROW_PX = 21;
/** How close to the bottom (px) still counts as following the newest row. */
const FOLLOW_SLACK_PX = 24;

/** Which rows to render: `[from, to)` of `total`. */
export interface RowWindow {
  from: number;
  to: number;
}

/**
 * The rows to render for a list of `total` rows of `rowPx` each, `viewPx` high, whose first
 * visible row is `first` — or, when `first` is 'end', scrolled to its newest row.
 */
export function rowWindow(total: number, viewPx: number, rowPx: number, first: number | 'end'): RowWindow {
  if (viewPx <= 0 || rowPx <= 0) return { from: Math.max(0, total - UNMEASURED_ROWS), to: total };
  const perView = Math.ceil(viewPx / rowPx);
  if (first === 'end') return { from: Math.max(0, total - perView - OVERSCAN), to: total };
  const from = Math.max(0, Math.min(first, total - perView) - OVERSCAN);
  return { from, to: Math.min(total, Math.max(first, 0) + perView + OVERSCAN) };
}

/**
 * Windowing state for a scroller holding `total` rows; `changeKey` changes whenever the rows do
 * (a new entry, another filter), to follow the newest row. Spread `scrollerProps` on the
 * scroller and put `rowsStyle` on the list inside it (its padding stands in for the rows not
 * rendered); `itemRef` on a rendered row lets the row height be measured once.
 */
export function useRowWindow<E extends HTMLElement>(total: number, changeKey: unknown) {
  const list = useRef<E | null>(null);
  const [viewPx, setViewPx] = useState(0);
  const [rowPx, setRowPx] = useState(DEFAULT_ROW_PX);
  const [first, setFirst] = useState<number | 'end'>('end');
  const win = rowWindow(total, viewPx, rowPx, first);

  // The scroller's height, kept up to date (a ref callback: the list may mount after the hook).
  const setList = useCallback((el: E | null) => {
    list.current = el;
    if (!el) return;
    setViewPx(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setViewPx(el.clientHeight));
    ro.observe(el);
    return () => {
      ro.disconnect();
      list.current = null;
    };
  }, []);
  // Follow the newest row: scroll to the bottom whenever the rows change while following.
  useLayoutEffect(() => {
    const el = list.current;
    if (el && first === 'end' && viewPx > 0) el.scrollTop = total * rowPx;
  }, [changeKey, first, viewPx, total, rowPx]);

  const measured = useRef(false);
  const itemRef = useCallback((el: HTMLElement | null) => {
    if (!el || measured.current) return;
    const h = el.offsetHeight;
    if (h > 0) {
      measured.current = true;
      setRowPx(h);
    }
  }, []);

  const onScroll = useCallback(
    (e: UIEvent<E>) => {
      const el = e.currentTarget;
      const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_SLACK_PX;
      setFirst(atEnd ? 'end' : Math.floor(el.scrollTop / rowPx));
    },
    [rowPx],
  );

  const rowsStyle = viewPx > 0 ? { paddingTop: win.from * rowPx, paddingBottom: (total - win.to) * rowPx } : undefined;
  return { win, itemRef, rowsStyle, scrollerProps: { ref: setList, onScroll } };
}
