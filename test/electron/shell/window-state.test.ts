import { describe, expect, it } from 'vitest';
import { clampToDisplays, DEFAULT_STATE, parseWindowState } from '../../../electron/main/window-state.ts';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const right = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('reads a stored state', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1000,"height":700,"isMaximized":true}')).toEqual({ x: 10, y: 20, width: 1000, height: 700, isMaximized: true });
  });

  it.each([null, '', 'not json', '{"width":"wide"}', '[]', '{"width":1e999,"height":5}'])('gives the default for %j', (text) => {
    expect(parseWindowState(text)).toEqual(DEFAULT_STATE);
  });
});

describe('clampToDisplays', () => {
  it('keeps a window that is on a display', () => {
    expect(clampToDisplays({ x: 100, y: 50, width: 1200, height: 800, isMaximized: false }, [laptop])).toEqual({ x: 100, y: 50, width: 1200, height: 800, isMaximized: false });
  });

  it('forgets the position of a window left on a monitor that is gone (centred instead)', () => {
    const s = clampToDisplays({ x: 2500, y: 100, width: 1600, height: 1000, isMaximized: false }, [laptop]);
    expect(s.x).toBeUndefined();
    expect(s.y).toBeUndefined();
  });

  it('keeps a window on the second monitor while it is there', () => {
    expect(clampToDisplays({ x: 2500, y: 100, width: 1600, height: 1000, isMaximized: false }, [laptop, right])).toMatchObject({ x: 2500, y: 100 });
  });

  it('shrinks a window larger than every display and pulls it inside', () => {
    const s = clampToDisplays({ x: -50, y: 10, width: 4000, height: 3000, isMaximized: false }, [laptop]);
    expect(s).toEqual({ x: 0, y: 0, width: 1920, height: 1050, isMaximized: false });
  });

  it('does not keep a window whose title bar is above the screen', () => {
    expect(clampToDisplays({ x: 100, y: -500, width: 1200, height: 800, isMaximized: false }, [laptop]).y).toBeUndefined();
  });
});
