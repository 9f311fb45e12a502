/**
 * Screenshots for issue 11 against the real browser host (not part of the suite): the What if
 * view after an N-1 analysis of a 100-spoke lab made with "From pattern…", and a 1 000-spoke
 * lab running live. npx tsx test/e2e/whatif-shots.ts [outDir]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startE2E } from './harness.ts';

const OUT = process.argv[2] ?? '/tmp/srlab-whatif-shots';
mkdirSync(OUT, { recursive: true });

/** Makes a lab with the "From pattern…" dialog. */
async function fromPattern(page: Page, spokes: number, sessionsPerClient: number): Promise<void> {
  await page.getByRole('button', { name: 'From pattern…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New lab from a pattern' });
  await dialog.getByLabel('Spokes', { exact: true }).fill(String(spokes));
  await dialog.getByLabel('Sessions per client').fill(String(sessionsPerClient));
  await dialog.getByLabel('NAT on every k-th spoke (0: none)').fill('10');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page
    .getByRole('group', { name: /^Spoke/ })
    .first()
    .waitFor();
}

const e = await startE2E({ viewport: { width: 1600, height: 1000 } });
const page = e.page;
try {
  // What if: every spoke of a 100-spoke lab failing in turn.
  await fromPattern(page, 100, 10);
  await page.getByRole('tab', { name: 'What if' }).click();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await page.getByRole('button', { name: 'Run analysis' }).waitFor({ timeout: 600_000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(OUT, 'whatif-100-spokes.png') });
  console.log(`${OUT}/whatif-100-spokes.png`);

  // A 1 000-spoke lab running live on the canvas.
  await page.getByRole('tab', { name: 'Lab', exact: true }).click();
  await fromPattern(page, 1000, 2);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForTimeout(8000);
  await page.screenshot({ path: join(OUT, 'live-1000-spokes.png') });
  console.log(`${OUT}/live-1000-spokes.png`);
} finally {
  await e.close();
}
