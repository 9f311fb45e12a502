/**
 * The live event log renders only the rows in view of a long log (useRowWindow.ts), keeps
 * following the newest entry while scrolled to the bottom, and leaves the reader where they are
 * once they scroll up. happy-dom has no layout: the list's height and the rows' height are given
 * here (200 px, 20 px a row), as a browser would report them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { EventLog } from '../../../renderer/src/live/EventLog.tsx';
import { rowWindow, UNMEASURED_ROWS } from '../../../renderer/src/live/useRowWindow.ts';
import type { LogEntry } from '../../../renderer/src/store/types.ts';
import { renderWith } from './helpers.tsx';

const VIEW_PX = 200;
const ROW_PX = 20;

function entries(from: number, n: number): LogEntry[] {
  return Array.from({ length: n }, (_, i) => ({ seq: from + i, tUs: (from + i) * 1000, node: `spoke${(from + i) % 7}`, kind: 'session-opened', session: from + i, detail: { n: from + i } }));
}

/** The entries' sequence numbers the list renders, top to bottom. */
function renderedSeqs(list: HTMLElement): number[] {
  return within(list)
    .getAllByRole('button')
    .map((b) => Number(/n=(\d+)/.exec(b.textContent ?? '')?.[1]));
}

const saved: PropertyDescriptor[] = [];
beforeAll(() => {
  const proto = HTMLElement.prototype;
  for (const k of ['clientHeight', 'offsetHeight', 'scrollHeight'] as const) saved.push(Object.getOwnPropertyDescriptor(proto, k) ?? { configurable: true, value: undefined });
  Object.defineProperties(proto, {
    clientHeight: {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('event-list') ? VIEW_PX : 0;
      },
    },
    offsetHeight: {
      configurable: true,
      get(this: HTMLElement) {
        return this.tagName === 'LI' ? ROW_PX : 0;
      },
    },
    // The list inside the scroller: padding for the rows not rendered, plus the rendered rows.
    scrollHeight: {
      configurable: true,
      get(this: HTMLElement) {
        const ol = this.querySelector('ol');
        if (!ol) return 0;
        return (parseFloat(ol.style.paddingTop) || 0) + (parseFloat(ol.style.paddingBottom) || 0) + ol.children.length * ROW_PX;
      },
    },
  });
});
afterAll(() => {
  const proto = HTMLElement.prototype;
  ['clientHeight', 'offsetHeight', 'scrollHeight'].forEach((k, i) => Object.defineProperty(proto, k, saved[i]!));
});

function scrollTo(list: HTMLElement, top: number) {
  const scroller = list.parentElement!;
  scroller.scrollTop = top;
  fireEvent.scroll(scroller);
}

describe('the live event log, long', () => {
  it('renders only the rows in view, the newest at the bottom, and says how many there are', async () => {
    const r = renderWith(<EventLog />);
    act(() => r.store.setState({ liveLog: entries(1, 5000) }));
    const list = await screen.findByRole('list', { name: 'Event log' });
    const seqs = renderedSeqs(list);
    expect(seqs.length).toBeLessThanOrEqual(VIEW_PX / ROW_PX + 8);
    expect(seqs.at(-1)).toBe(5000);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    // Screen readers hear where a row sits in the whole log.
    const last = within(list).getAllByRole('listitem').at(-1)!;
    expect(last.getAttribute('aria-setsize')).toBe('5000');
    expect(last.getAttribute('aria-posinset')).toBe('5000');
    expect(screen.getByText(/5,000 entries/)).toBeTruthy();
  });

  it('shows the oldest entries when scrolled to the top, and stays there as new ones arrive', async () => {
    const r = renderWith(<EventLog />);
    act(() => r.store.setState({ liveLog: entries(1, 1000) }));
    const list = await screen.findByRole('list', { name: 'Event log' });
    act(() => scrollTo(list, 0));
    expect(renderedSeqs(list)[0]).toBe(1);
    act(() => r.store.setState({ liveLog: entries(1, 1100) }));
    expect(renderedSeqs(list)[0]).toBe(1);
    expect(renderedSeqs(list)).not.toContain(1100);
    // Half way down: the rows around there.
    act(() => scrollTo(list, 500 * ROW_PX));
    const middle = renderedSeqs(list);
    expect(middle).toContain(501);
    expect(middle).toContain(510);
    expect(middle).not.toContain(1);
  });

  it('follows the newest entry again once scrolled back to the bottom', async () => {
    const r = renderWith(<EventLog />);
    act(() => r.store.setState({ liveLog: entries(1, 1000) }));
    const list = await screen.findByRole('list', { name: 'Event log' });
    act(() => scrollTo(list, 0));
    act(() => scrollTo(list, 1000 * ROW_PX - VIEW_PX));
    act(() => r.store.setState({ liveLog: entries(1, 1050) }));
    expect(renderedSeqs(list).at(-1)).toBe(1050);
  });
});

describe('rowWindow', () => {
  it('covers the view and a few rows either side', () => {
    expect(rowWindow(1000, 200, 20, 100)).toEqual({ from: 92, to: 118 });
    expect(rowWindow(1000, 200, 20, 'end')).toEqual({ from: 982, to: 1000 });
    expect(rowWindow(5, 200, 20, 'end')).toEqual({ from: 0, to: 5 });
  });

  it('keeps a first row past the end in range (the list got shorter: another filter)', () => {
    expect(rowWindow(30, 200, 20, 500)).toEqual({ from: 12, to: 30 });
  });

  it('renders the newest rows when the list has no height to go by', () => {
    expect(rowWindow(1000, 0, 20, 'end')).toEqual({ from: 1000 - UNMEASURED_ROWS, to: 1000 });
  });
});
