/**
 * Screenshots of the views issue 10 changed, at 1600×1000 and 1280×720, against the real browser
 * host (not part of the suite): npx tsx test/e2e/classroom-shots.ts [outDir]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startE2E } from './harness.ts';

const OUT = process.argv[2] ?? '/tmp/srlab-classroom-shots';
mkdirSync(OUT, { recursive: true });
const T07 = JSON.parse(readFileSync('assets/scenarios/07-half-upgraded-network.srlab.json', 'utf8')) as { name: string };
const T10 = JSON.parse(readFileSync('assets/scenarios/10-nat-spoke-rebinding.srlab.json', 'utf8')) as { name: string };

async function shots(width: number, height: number): Promise<void> {
  const e = await startE2E({ viewport: { width, height } });
  const page = e.page;
  const shot = async (name: string, fullPage = false) => {
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, `${width}x${height}-${name}.png`), fullPage });
  };
  const clock = async () => (await page.getByRole('timer', { name: 'Virtual clock' }).textContent()) ?? '';
  const waitEnded = async () => {
    for (let i = 0; i < 240 && !/^Ended/.test(await clock()); i++) await page.waitForTimeout(250);
  };
  try {
    await page.getByRole('group', { name: /^Hub/ }).first().waitFor({ timeout: 30_000 });
    // A live run, locked design, inject form.
    await page.getByRole('button', { name: T10.name }).click();
    await page.getByLabel('Speed').selectOption('1');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForTimeout(4000);
    await page.getByRole('group', { name: /^Hub/ }).first().click();
    await page.getByRole('button', { name: /^Inject fault on/ }).click();
    await page
      .getByRole('form', { name: /^Inject a fault on/ })
      .getByLabel('Fault')
      .selectOption('scan');
    await shot('01-live-locked-inject');
    await page.getByRole('button', { name: 'Stop the run to edit' }).click();
    await waitEnded();
    // Template 07 to the end: the ended run, its Sessions tab, its results.
    await page.getByRole('button', { name: T07.name }).click();
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitEnded();
    await shot('02-ended-events');
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await shot('03-ended-sessions-tab');
    await page.getByRole('tab', { name: 'Charts' }).click();
    await shot('04-ended-charts');
    await page.getByRole('button', { name: 'Results' }).click();
    await page.getByRole('heading', { name: T07.name }).waitFor();
    await shot('05-run-page');
    await page.getByRole('heading', { name: 'Session timeline' }).scrollIntoViewIfNeeded();
    await shot('06-run-page-timeline');
    // Compare the two runs.
    await page.getByRole('button', { name: '← All runs' }).click();
    const boxes = page.getByRole('checkbox', { name: /^Compare / });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page
      .getByText('First divergence')
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 })
      .catch(() => {});
    await shot('07-compare');
    // Objectives: the panel after a run, and the editor.
    await page.getByRole('tab', { name: 'Lab' }).click();
    const lab = JSON.parse(readFileSync('assets/scenarios/01-spoke-and-hub-session-loss-packet-based.srlab.json', 'utf8')) as Record<string, unknown>;
    lab['objectives'] = [
      { id: 'fast', text: 'Every session is back within 2 s', hint: 'enable-metadata answers within a round trip', expect: { metric: 'sessions.outageMs.max', op: '<=', value: 2000 } },
      { id: 'no-loss', text: 'No packet is lost', hint: 'the hub forgets its sessions at 20 s', expect: { metric: 'packets.lost', op: '==', value: 0 } },
      { id: 'quiet', text: 'Three seconds after the loss no session is in outage', expect: { series: 'sessionsInOutage', window: { after: 'F1', delayMs: 3000 }, op: '==', value: 0 } },
      { id: 'mode', text: 'The hub runs packet-based', expect: { node: 'hub1', mode: 'packet-based' } },
    ];
    const file = join(e.dir, 'exercise.srlab.json');
    writeFileSync(file, JSON.stringify(lab));
    await page.getByLabel('Scenario file').setInputFiles(file);
    await page.getByRole('tablist', { name: 'Live run' }).getByRole('tab', { name: 'Objectives' }).click();
    await page.getByRole('tablist', { name: 'Inspector' }).getByRole('tab', { name: 'Objectives' }).click();
    await shot('08-objectives-before');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitEnded();
    await page.getByRole('button', { name: 'Hint' }).first().click();
    await shot('09-objectives-graded');
    // The problems chip.
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('button', { name: 'Client', exact: true }).click();
    await page.getByRole('button', { name: /problem/ }).click();
    await shot('10-problems');
  } finally {
    await e.close();
  }
}

await shots(1600, 1000);
await shots(1280, 720);
console.log(`screenshots in ${OUT}`);
