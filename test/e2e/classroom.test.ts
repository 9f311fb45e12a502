/**
 * The lab as a classroom (issue 10), in real Chromium against the browser host: every fault
 * kind injected with its form's defaults, the design locked while the run is live, a second tab
 * joining with the whole run, New after a run leaving nothing of it, and a lab with objectives
 * graded in the Objectives panel (passing and failing).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getFaultLog, listRuns, openDatabase } from '../../electron/services/db/index.ts';
import { HAS_CHROMIUM, labPerTest, REQUIRE_E2E, type E2E } from './harness.ts';

// Each test opens a lab of its own (fresh database, host and browser context): any order, alone or together.
let e: Omit<E2E, 'browser'>;
let page: Page;

const NAT_TEMPLATE = JSON.parse(readFileSync('assets/scenarios/10-nat-spoke-rebinding.srlab.json', 'utf8')) as { name: string };
const ROUTER_FAULTS = ['session-loss', 'node-restart', 'scan'];
const LINK_FAULTS = ['link-down', 'link-up', 'link-impair', 'link-flap', 'nat-rebind'];

function runs(status?: string) {
  const db = openDatabase(e.dbPath, { readonly: true });
  try {
    return listRuns(db, status ? { status: status as 'completed' } : {});
  } finally {
    db.close();
  }
}

async function clock(): Promise<string> {
  return (await page.getByRole('timer', { name: 'Virtual clock' }).textContent()) ?? '';
}

async function inject(target: 'hub' | 'wan', type: string): Promise<void> {
  if (target === 'hub') await page.getByRole('group', { name: /^Hub/ }).first().click();
  else await page.getByLabel(/^Link wan1:/).click();
  await page.getByRole('button', { name: /^Inject fault on/ }).click();
  const form = page.getByRole('form', { name: /^Inject a fault on/ });
  await form.getByLabel('Fault').selectOption(type);
  await form.getByRole('button', { name: 'Inject' }).click();
  await page
    .getByText(new RegExp(`^Injected ${type} on `))
    .first()
    .waitFor({ state: 'visible' });
}

describe.skipIf(!HAS_CHROMIUM && !REQUIRE_E2E)('the lab as a classroom', () => {
  labPerTest((lab) => {
    e = lab;
    page = lab.page;
  });

  it('injects every fault kind with its defaults while the design stays locked', async () => {
    await page.getByRole('button', { name: NAT_TEMPLATE.name }).click();
    await page.getByLabel('Speed').selectOption('0.1');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(clock).toMatch(/^Running/);
    expect(await page.getByRole('button', { name: 'New', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Stop the run to edit' }).waitFor({ state: 'visible' });
    for (const type of ROUTER_FAULTS) await inject('hub', type);
    for (const type of LINK_FAULTS) await inject('wan', type);
    await page.getByRole('button', { name: 'Stop the run to edit' }).click();
    await expect.poll(() => runs('stopped').length).toBe(1);
    const db = openDatabase(e.dbPath, { readonly: true });
    try {
      const log = getFaultLog(db, runs('stopped')[0]!.id);
      expect(
        log
          .filter((f) => f.source === 'live')
          .map((f) => f.fault.type)
          .sort(),
      ).toEqual([...ROUTER_FAULTS, ...LINK_FAULTS].sort());
    } finally {
      db.close();
    }
    expect(await page.getByRole('button', { name: 'New', exact: true }).isDisabled()).toBe(false);
  });

  it('gives a second tab the whole run and says it was started elsewhere', async () => {
    await page.getByRole('button', { name: NAT_TEMPLATE.name }).click();
    await page.getByLabel('Speed').selectOption('1');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(clock).toMatch(/^Running/);
    const second = await e.context.newPage();
    try {
      await second.goto(e.lab.host.url);
      await second.getByRole('status', { name: 'Run started elsewhere' }).waitFor({ state: 'visible' });
      // The log so far is there, not only what happens from now on.
      await expect.poll(() => second.getByRole('list', { name: 'Event log' }).getByRole('button').count()).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => runs('stopped').length).toBe(1);
  });

  it('leaves nothing of the run after New', async () => {
    await page.getByRole('button', { name: NAT_TEMPLATE.name }).click();
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => runs('completed').length, { timeout: 60_000 }).toBe(1);
    await expect.poll(() => page.locator('.live-badges').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);
    await page.getByRole('button', { name: NAT_TEMPLATE.name }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(0);
    expect(await page.locator('.live-badges').count()).toBe(0);
    expect(await page.locator('canvas.packet-layer').getAttribute('data-dots')).toBe('0');
    await page.getByRole('tab', { name: 'Events' }).click();
    await page.getByText(/No events yet/).waitFor({ state: 'visible' });
    expect(await clock()).toMatch(/^Ready/);
  });

  it('grades a lab’s objectives in the Objectives panel, passing and failing', async () => {
    const lab = JSON.parse(readFileSync('assets/scenarios/01-spoke-and-hub-session-loss-packet-based.srlab.json', 'utf8')) as Record<string, unknown>;
    lab['objectives'] = [
      { id: 'some', text: 'The lab opens sessions', expect: { metric: 'sessions.total', op: '>', value: 0 } },
      { id: 'none-lost', text: 'No packet is lost', hint: 'the hub forgets its sessions at 20 s', expect: { metric: 'packets.lost', op: '==', value: 0 } },
    ];
    const file = join(e.dir, 'exercise.srlab.json');
    writeFileSync(file, JSON.stringify(lab));
    await page.getByLabel('Scenario file').setInputFiles(file);
    await page.getByRole('tablist', { name: 'Live run' }).getByRole('tab', { name: 'Objectives' }).click();
    await page.getByLabel('Speed').selectOption('max');
    const before = runs('completed').length;
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => runs('completed').length, { timeout: 60_000 }).toBeGreaterThan(before);
    await page.getByText(/Final: the run has ended/).waitFor({ state: 'visible' });
    const list = page.getByRole('list', { name: 'Objectives' });
    await list.getByRole('listitem', { name: 'The lab opens sessions: holds' }).waitFor();
    await list.getByRole('listitem', { name: 'No packet is lost: does not hold' }).waitFor();
    await page.getByRole('button', { name: 'Hint' }).click();
    await page.getByText('Hint: the hub forgets its sessions at 20 s').waitFor({ state: 'visible' });
  });
});
