/**
 * Time travel (issue 10) in real Chromium against the browser host: a stored run scrubbed back
 * to before its fault shows the sessions the hub had then (and none after the fault), and Step
 * back then Step returns to the same state — the canvas badges, the event in words, the
 * sessions table and the clock.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { HAS_CHROMIUM, labPerTest, REQUIRE_E2E } from './harness.ts';

let page: Page;

const travel = () => page.getByRole('main', { name: 'Time travel' });
const moment = () => travel().getByRole('timer', { name: 'Moment shown' });
const panels = () => page.getByRole('region', { name: 'Panels at this moment' });

/** Runs the built-in lab (template 01: hub1 loses its sessions at 20 s) to its end, then opens time travel on the stored run. */
async function travelInStoredRun(): Promise<void> {
  await page.getByLabel('Speed').selectOption('max');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page
    .getByRole('timer', { name: 'Virtual clock' })
    .filter({ hasText: /^Ended/ })
    .waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Results' }).click();
  await page.getByRole('main', { name: /^Run / }).getByRole('button', { name: 'Time travel' }).click();
  await travel().getByRole('slider', { name: 'Run time' }).waitFor({ timeout: 60_000 });
  await settled();
}

/** Waits until no seek is on its way. */
async function settled(): Promise<void> {
  await travel().getByRole('status').filter({ hasText: /…/ }).waitFor({ state: 'detached', timeout: 60_000 });
}

/** Everything the moment shows that a step changes. */
async function state(): Promise<Record<string, string>> {
  const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();
  return {
    moment: await text(moment()),
    event: await text(travel().getByRole('region', { name: 'Event' })),
    sessions: await text(panels().getByRole('table')),
    hub: await text(page.getByRole('region', { name: 'The lab at this moment' }).getByRole('group', { name: /^Hub/ }).first()),
  };
}

describe.skipIf(!HAS_CHROMIUM && !REQUIRE_E2E)('time travel', () => {
  labPerTest((lab) => {
    page = lab.page;
  });

  it('scrubbing a stored run back to before its fault shows the sessions it had then', async () => {
    await travelInStoredRun();
    // At the end: the hub lost its sessions at 20 s and the sessions came back.
    await travel().getByRole('slider', { name: 'Run time' }).fill('15000');
    await moment()
      .filter({ hasText: /^00:15\.000/ })
      .waitFor();
    await settled();
    await panels().getByLabel('Router').selectOption('hub1');
    await panels()
      .getByText(/^hub1 then: 14 sessions, 28 flows/)
      .waitFor();
    expect(await panels().getByRole('table').getByRole('row').count()).toBe(1 + 28);
    await expect.poll(() => page.getByRole('region', { name: 'The lab at this moment' }).getByRole('group', { name: /^Hub/ }).first().textContent()).toMatch(/14 sess/);
    // The fault marker: just after the fault, the hub has none.
    await travel()
      .getByRole('button', { name: /^Fault 1 at 00:20\.000/ })
      .click();
    await moment()
      .filter({ hasText: /^00:20\.000/ })
      .waitFor();
    await settled();
    await panels()
      .getByText(/^hub1 then: 0 sessions/)
      .waitFor();
    expect(await travel().getByRole('region', { name: 'Event' }).textContent()).toMatch(/session-loss/);
    await expect.poll(() => page.getByRole('region', { name: 'The lab at this moment' }).getByRole('group', { name: /^Hub/ }).first().textContent()).toMatch(/0 sess/);
  });

  it('Step back then Step returns to the same state', async () => {
    await travelInStoredRun();
    await travel().getByRole('slider', { name: 'Run time' }).fill('21000');
    await moment()
      .filter({ hasText: /^00:21\.000/ })
      .waitFor();
    await settled();
    const before = await state();
    await travel().getByRole('button', { name: 'Step back' }).click();
    await expect.poll(async () => (await state()).moment).not.toBe(before.moment);
    await settled();
    await travel().getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(async () => (await state()).moment).toBe(before.moment);
    await settled();
    expect(await state()).toEqual(before);
  });
});
