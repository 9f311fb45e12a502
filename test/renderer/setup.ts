/**
 * Set up before every renderer test file (the project's `setupFiles`). The files share one
 * module graph per worker (`isolate: false`), so what each file needs after every test is
 * registered here, once per file, not by a helper module that is imported (and run) only once.
 *
 * happy-dom has no layout: React Flow measures nodes through ResizeObserver and offsetWidth,
 * and reads the zoom from a DOMMatrix. These stand-ins (the ones React Flow's testing guide
 * suggests) let nodes be "measured" so they are visible to role queries.
 */
import { afterEach, expect } from 'vitest';
import { cleanup } from '@testing-library/react';
import { takeUnexpectedCalls } from './live/helpers.tsx';

class TestResizeObserver {
  constructor(private readonly cb: (entries: { target: Element }[], o: unknown) => void) {}
  observe(target: Element): void {
    this.cb([{ target }], this);
  }
  unobserve(): void {}
  disconnect(): void {}
}

class TestDOMMatrixReadOnly {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([\d.]+)\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

const g = globalThis as Record<string, unknown>;
g['ResizeObserver'] = TestResizeObserver;
g['DOMMatrixReadOnly'] = TestDOMMatrixReadOnly;
Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: {
    configurable: true,
    get(this: HTMLElement) {
      return parseFloat(this.style.height) || 60;
    },
  },
  offsetWidth: {
    configurable: true,
    get(this: HTMLElement) {
      return parseFloat(this.style.width) || 160;
    },
  },
});
(SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;

// Without vitest globals, testing-library cannot register its own cleanup. A call nobody told a
// fake host to expect is a test that does not know what the UI does: it fails after it ends.
afterEach(() => {
  cleanup();
  expect(
    takeUnexpectedCalls().map((c) => c.method),
    'calls the fake host was not told to expect',
  ).toEqual([]);
});
