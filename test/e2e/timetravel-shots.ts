/**
 * Screenshots of time travel at 1600×1000 and 1280×720 against the real browser host (not part
 * of the suite): npx tsx test/e2e/timetravel-shots.ts [outDir]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startE2E } from './harness.ts';

const OUT = process.argv[2] ?? '/tmp/srlab-timetravel-shots';
mkdirSync(OUT, { recursive: true });

async function shots(width: number, height: number): Promise<void> {
  const e = await startE2E({ viewport: { width, height } });
  const page = e.page;
  const shot = async (name: string) => {
    await page.waitForTimeout(700);
    await page.screenshot({ path: join(OUT, `${width}x${height}-tt-${name}.png`) });
  };
  const clock = async () => (await page.getByRole('timer', { name: 'Virtual clock' }).textContent()) ?? '';
  const travel = page.getByRole('main', { name: 'Time travel' });
  const moment = async () => (await travel.getByRole('timer', { name: 'Moment shown' }).textContent()) ?? '';
  const settle = async () => {
    await page.waitForTimeout(150);
    await travel
      .getByRole('status')
      .filter({ hasText: /…/ })
      .waitFor({ state: 'detached', timeout: 60_000 })
      .catch(() => {});
  };
  try {
    // A paused live run.
    await page.getByLabel('Speed').selectOption('10');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    for (let i = 0; i < 200 && !/00:2[2-9]/.test(await clock()); i++) await page.waitForTimeout(100);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('toolbar', { name: 'Run controls' }).getByRole('button', { name: 'Time travel' }).click();
    await travel.getByRole('slider', { name: 'Run time' }).waitFor();
    await settle();
    await shot('01-live-paused');
    await travel.getByRole('button', { name: 'Step back' }).click();
    await settle();
    await travel.getByRole('button', { name: 'Step back' }).click();
    await settle();
    await shot('02-live-step-back');
    await travel.getByRole('button', { name: '← Back to the lab' }).click();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    for (let i = 0; i < 100 && !/^Ended/.test(await clock()); i++) await page.waitForTimeout(100);
    // The stored run: its page's Time travel button.
    await page.getByRole('button', { name: 'Results' }).click();
    await page.getByRole('main', { name: /^Run / }).getByRole('button', { name: 'Time travel' }).click();
    await travel.getByRole('slider', { name: 'Run time' }).waitFor();
    await settle();
    await shot('03-stored-end');
    await travel.getByRole('button', { name: /^Fault 1 at/ }).click();
    await settle();
    await shot('04-stored-at-fault');
    await travel.getByRole('slider', { name: 'Run time' }).fill('15000');
    await settle();
    await shot('05-stored-before-fault-sessions');
    await travel.getByRole('tab', { name: 'Events' }).click();
    await shot('06-stored-events');
    await travel.getByRole('tab', { name: 'Charts' }).click();
    await shot('07-stored-charts');
    await travel.getByRole('tab', { name: 'Counters' }).click();
    await shot('08-stored-counters');
    await travel.getByRole('checkbox', { name: 'Data packets' }).uncheck();
    await travel.getByRole('checkbox', { name: 'Applications' }).uncheck();
    await travel.getByRole('checkbox', { name: 'Chart samples' }).uncheck();
    await travel.getByRole('checkbox', { name: 'Router timers' }).uncheck();
    await travel.getByRole('button', { name: 'Step', exact: true }).click();
    await settle();
    await travel.getByRole('tab', { name: 'Sessions' }).click();
    await shot('09-stored-step-control-only');
    console.log(width, height, await moment());
  } finally {
    await e.close();
  }
}

await shots(1600, 1000);
await shots(1280, 720);
console.log(`screenshots in ${OUT}`);
