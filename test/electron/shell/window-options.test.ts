import { describe, expect, it } from 'vitest';
import { mainWindowOptions, reportWindowOptions, SECURE_WEB_PREFERENCES } from '../../../electron/main/window-options.ts';

const base = { preload: '/app/dist/electron/preload.cjs', placement: { width: 1200, height: 800 } };

describe('mainWindowOptions', () => {
  it('sets every security setting of the checklist', () => {
    const w = mainWindowOptions({ ...base, isDev: false }).webPreferences;
    expect(w).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      experimentalFeatures: false,
      devTools: false,
    });
  });

  it('turns nothing on that weakens the page', () => {
    const w = mainWindowOptions({ ...base, isDev: false }).webPreferences ?? {};
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session', 'javascript'] as const) expect(w[key]).toBeUndefined();
  });

  it('loads the preload it is given and nothing else', () => {
    expect(mainWindowOptions({ ...base, isDev: false }).webPreferences?.preload).toBe(base.preload);
  });

  it('allows the developer tools only in development', () => {
    expect(mainWindowOptions({ ...base, isDev: true }).webPreferences?.devTools).toBe(true);
    expect(mainWindowOptions({ ...base, isDev: true }).webPreferences).toMatchObject(SECURE_WEB_PREFERENCES);
  });

  it('opens hidden (shown on ready-to-show) and centred when no position is remembered', () => {
    const o = mainWindowOptions({ ...base, isDev: false });
    expect(o.show).toBe(false);
    expect(o.center).toBe(true);
    expect(o.x).toBeUndefined();
  });

  it('opens where it was when a position is remembered', () => {
    const o = mainWindowOptions({ ...base, placement: { x: 10, y: 20, width: 1000, height: 700 }, isDev: false });
    expect(o).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
    expect(o.center).toBeUndefined();
  });
});

describe('reportWindowOptions', () => {
  it('prints with no preload, JavaScript disabled and the same security settings', () => {
    const o = reportWindowOptions();
    expect(o.show).toBe(false);
    expect(o.webPreferences?.preload).toBeUndefined();
    expect(o.webPreferences?.javascript).toBe(false);
    expect(o.webPreferences).toMatchObject(SECURE_WEB_PREFERENCES);
  });
});
