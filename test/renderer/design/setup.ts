/**
 * happy-dom has no layout: React Flow measures nodes through ResizeObserver and offsetWidth,
 * and reads the zoom from a DOMMatrix. These stand-ins (the ones React Flow's testing guide
 * suggests) let nodes be "measured" so they are visible to role queries. Import first.
 */
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

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

afterEach(() => cleanup());
