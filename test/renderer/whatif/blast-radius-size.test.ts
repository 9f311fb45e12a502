import { describe, expect, it } from 'vitest';
import { mapWidth } from '../../../renderer/src/whatif/BlastRadiusMap.tsx';

// Drawings (lab units, padding included) of generated labs with 2 hubs: 4, 12 and 30 spokes.
const FOUR = { w: 770, h: 874 };
const TWELVE = { w: 1270, h: 1088 };
const THIRTY = { w: 1770, h: 1516 };

describe('the blast-radius map’s size on screen', () => {
  it('shows a small lab whole in the frame of a 1600 × 1000 window, scaled to fit its height', () => {
    const { width, whole } = mapWidth(TWELVE.w, TWELVE.h, { w: 1320, h: 620 });
    expect(whole).toBe(true);
    // All of it fits: as tall as the frame, narrower than it.
    expect((width * TWELVE.h) / TWELVE.w).toBeCloseTo(620, 5);
    expect(width).toBeLessThan(1320);
  });

  it('never enlarges a tiny lab past its natural size', () => {
    expect(mapWidth(FOUR.w, FOUR.h, { w: 3000, h: 2000 })).toEqual({ width: FOUR.w, whole: true });
  });

  it('keeps a legible scale and scrolls when the whole map would shrink labels under 10 px', () => {
    // 12 spokes in a 1280 × 720 window, 30 spokes in a 1600 × 1000 one.
    expect(mapWidth(TWELVE.w, TWELVE.h, { w: 1000, h: 446 })).toEqual({ width: 900, whole: false });
    const big = mapWidth(THIRTY.w, THIRTY.h, { w: 1320, h: 620 });
    expect(big.whole).toBe(false);
    expect(big.width / THIRTY.w).toBeGreaterThanOrEqual(0.5);
  });

  it('scrolls at a legible scale until the frame is measured', () => {
    expect(mapWidth(TWELVE.w, TWELVE.h, null)).toEqual({ width: 900, whole: false });
  });
});
