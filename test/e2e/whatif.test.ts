/**
 * The What if view (issue 11) in real Chromium against the browser host: an N-1 analysis of a
 * lab made with "From pattern…" runs with its progress, ranks the elements with the identical
 * spokes tied, opens the stored run of an element clicked on the blast-radius map, and exports
 * the N-1 report with the same ranking.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM, labPerTest, REQUIRE_E2E } from './harness.ts';

let page: Page;
let dir: string;

describe.skipIf(!HAS_CHROMIUM && !REQUIRE_E2E)('what if', () => {
  labPerTest((lab) => {
    page = lab.page;
    dir = lab.dir;
  });

  it('ranks every router of a generated lab, opens the run of a failure from the map and exports the N-1 report', async () => {
    await page.getByRole('button', { name: 'From pattern…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New lab from a pattern' });
    await dialog.getByLabel('Spokes', { exact: true }).fill('4');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page
      .getByRole('group', { name: /^Spoke/ })
      .first()
      .waitFor();

    await page.getByRole('tab', { name: 'What if' }).click();
    await page.getByLabel('Fail').selectOption('router');
    await page.getByRole('button', { name: 'Run analysis' }).click();
    // The baseline plus 4 spokes and 2 hubs.
    await page.getByText(/^7\/7 runs · done in/).waitFor({ timeout: 120_000 });
    expect(await page.getByRole('progressbar', { name: 'Analysis progress' }).getAttribute('value')).toBe('7');

    const table = page.getByRole('table', { name: 'What hurts most when it fails' });
    // Rank and element of every row, as shown.
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent ?? '')));
    expect(rows.map(([, el]) => el).sort()).toEqual(['hub hub1', 'hub hub2', 'spoke spoke1', 'spoke spoke2', 'spoke spoke3', 'spoke spoke4']);
    // The four generated spokes are alike: their failures do the same harm and share a rank.
    expect(new Set(rows.filter(([, el]) => el!.startsWith('spoke')).map(([rank]) => rank)).size).toBe(1);
    expect(await page.locator('.whatif-actions').textContent()).toMatch(/Worst(, \d+ alike)?: /);

    // The map: every failed router is a button; hub1's opens the stored run where it fails.
    const map = page.getByRole('img', { name: 'Blast-radius map' });
    expect(await map.getByRole('button').count()).toBe(6);
    await map.getByRole('button', { name: /^hub1: rank \d/ }).click();
    const run = page.getByRole('main', { name: /^Run / });
    await run.getByText('hub hub1 fails').waitFor();
    expect(await run.locator('.page-head .badge').textContent()).toBe('completed');

    // The N-1 report has the same ranking as the view.
    await page.getByRole('tab', { name: 'What if' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export N-1 report' }).click()]);
    const file = join(dir, 'n1.html');
    await download.saveAs(file);
    const doc = readFileSync(file, 'utf8');
    expect(doc).toContain('Blast radius');
    const reported = [...doc.matchAll(/<tr><td class="n">(\d+)<\/td><td>(\w+) <b>([^<]+)<\/b>/g)].map((m) => [m[1], `${m[2]} ${m[3]}`]);
    expect(reported).toEqual(rows);
  });
});
