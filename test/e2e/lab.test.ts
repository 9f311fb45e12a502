/**
 * The lab as a person uses it, in real Chromium against the browser host: build a spoke-hub lab
 * from an empty canvas, set inactivity-based detection, run it and break the hub's sessions,
 * watch the health checks bring them back, save and reopen the file, refuse a malformed one,
 * run packet-based, compare the two runs and export the report. Controls are found by role and
 * name.
 *
 * Every test opens a lab of its own (fresh database, host and browser context) and starts from
 * a file or the built-in lab, so each passes or fails alone, in any order; waits are on what
 * the page or the database shows, never on time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getRun, listRuns, openDatabase } from '../../electron/services/db/index.ts';
import type { ScenarioInput } from '../../engine/index.ts';
import { HAS_CHROMIUM, labPerTest, REQUIRE_E2E, type E2E } from './harness.ts';

if (!HAS_CHROMIUM && !REQUIRE_E2E) console.warn('end-to-end tests SKIPPED: no Chromium at /usr/bin/chromium (apt-get install chromium)');

type Lab = Omit<E2E, 'browser'>;

let e: Lab;
let page: Page;

const TEMPLATE = JSON.parse(readFileSync('assets/scenarios/02-spoke-and-hub-session-loss-inactivity-based.srlab.json', 'utf8')) as ScenarioInput;

/** Client – spoke – hub – server, linked, nothing else: what dragging four nodes and three links makes. */
function bareLab(): ScenarioInput {
  return {
    format: TEMPLATE.format,
    formatVersion: TEMPLATE.formatVersion,
    name: 'E2E lab',
    durationMs: 60_000,
    nodes: TEMPLATE.nodes.map(({ id, kind, position }) => ({ id, kind, ...(position ? { position } : {}) })),
    links: TEMPLATE.links!.map((l) => ({ ...l })),
  };
}

/** The bare lab for `durationMs` with inactivity-based detection (2 s) and four UDP bidirectional sessions. */
function inactivityLab(durationMs = 30_000): ScenarioInput {
  return {
    ...bareLab(),
    durationMs,
    authority: { sessionRecoveryDetection: { mode: 'inactivity-based', inactivityTimeoutSec: 2 } },
    traffic: [{ id: 'traffic1', from: 'client1', to: 'server1', protocol: 'udp', pattern: 'bidirectional', sessions: 4 }],
  };
}

/** Opens `doc` as a person would: a file picked with the Open file input. */
async function openFile(doc: ScenarioInput, name = 'lab.srlab.json'): Promise<void> {
  const file = join(e.dir, name);
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  await page.getByLabel('Scenario file').setInputFiles(file);
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(doc.nodes.length);
}

const node = (kind: string) => page.getByRole('group', { name: new RegExp(`^${kind}\\b`) });

/** Clicks empty canvas (top middle: the legend, controls and minimap sit in the corners). */
async function clickEmptyCanvas(): Promise<void> {
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await pane.click({ position: { x: box.width / 2, y: 8 } });
}

function completedRuns(): number {
  const db = openDatabase(e.dbPath, { readonly: true });
  try {
    return listRuns(db, { status: 'completed' }).length;
  } finally {
    db.close();
  }
}

/** Presses Run and waits until the run is stored as completed. */
async function runToEnd(): Promise<void> {
  const before = completedRuns();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => completedRuns()).toBeGreaterThan(before);
}

/** The left edge of each node kind on screen, in the order asked. */
async function lefts(kinds: readonly string[]): Promise<number[]> {
  return Promise.all(kinds.map(async (k) => (await node(k).boundingBox())?.x ?? Number.NaN));
}

/**
 * Waits until the nodes stand still on screen: Layout re-fits the view with a short animation
 * (after a timer that a loaded machine delays), and a drag made while the handles move drops
 * its connection where the target no longer is. Still means the same boxes over five polls.
 */
async function settled(kinds: readonly string[]): Promise<void> {
  const seen: string[] = [];
  await expect
    .poll(async () => {
      seen.push(JSON.stringify(await Promise.all(kinds.map((k) => node(k).boundingBox()))));
      return seen.length >= 5 && seen.slice(-5).every((b) => b === seen.at(-1));
    })
    .toBe(true);
}

describe.skipIf(!HAS_CHROMIUM && !REQUIRE_E2E)('the lab in a browser', () => {
  labPerTest((lab) => {
    e = lab;
    page = lab.page;
  });

  it('refuses the page without the token', async () => {
    const base = e.lab.host.url.split('/?')[0]!;
    expect((await fetch(`${base}/`)).status).toBe(403);
  });

  it('opens on the built-in Spoke-and-Hub lab', async () => {
    await expect.poll(() => page.getByRole('group').filter({ hasText: /./ }).count()).toBeGreaterThanOrEqual(4);
    expect(await node('Spoke').count()).toBe(1);
  });

  it('builds a spoke-hub lab from an empty canvas by dragging', async () => {
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);
    const pane = page.locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    const kinds = ['Client', 'Spoke', 'Hub', 'Server'] as const;
    const spots = [0.12, 0.37, 0.62, 0.87];
    for (const [i, kind] of kinds.entries()) {
      await page.getByRole('button', { name: kind, exact: true }).dragTo(pane, { targetPosition: { x: box.width * spots[i]!, y: box.height * 0.45 } });
      await node(kind).waitFor();
    }
    // Drops made after the view re-fits can land on each other, as they would for a person:
    // Layout arranges them (clients, spokes, hubs, servers left to right). Wait until it has.
    await page.getByRole('button', { name: 'Layout', exact: true }).click();
    await expect
      .poll(async () => {
        const x = await lefts(kinds);
        return x.every((v, i) => i === 0 || v > x[i - 1]! + 40);
      })
      .toBe(true);
    await settled(kinds);
    const pairs = [
      ['Client', 'Spoke'],
      ['Spoke', 'Hub'],
      ['Hub', 'Server'],
    ] as const;
    for (const [i, [a, b]] of pairs.entries()) {
      // Handles show on hover; force skips Playwright's visibility wait, the drag is real.
      await node(a).hover();
      await node(a).locator('.react-flow__handle').first().dragTo(node(b), { force: true });
      await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(i + 1);
    }
  });

  it('adds traffic and sets inactivity-based detection for the hub', async () => {
    await openFile(bareLab());
    // The real product configures session-recovery-detection once per authority; setting it on
    // the hub alone would strand the sessions (the spoke never probes: the half-upgraded case).
    await clickEmptyCanvas();
    await page.getByRole('tab', { name: 'Properties' }).click();
    await page.getByLabel('Duration (s)').fill('30');
    await page.getByLabel('Recovery mode').selectOption('inactivity-based');
    await page.getByLabel('Inactivity timeout (s)').fill('2');
    await page.getByLabel('Inactivity timeout (s)').blur();
    await page.getByRole('tab', { name: 'Traffic' }).click();
    await page.getByRole('button', { name: 'Add traffic' }).click();
    await page.getByLabel('Protocol').selectOption({ label: 'UDP' });
    await page.getByLabel('Pattern').selectOption('bidirectional');
    await page.getByLabel('Sessions').fill('4');
    await node('Hub').click();
    await page.getByRole('tab', { name: 'Properties' }).click();
    // The hub follows the authority: its inspector says which mode it runs.
    await page
      .getByText(/inactivity-based/)
      .first()
      .waitFor({ state: 'visible' });
  });

  it('runs it, injects a hub session loss, and the health checks bring the sessions back', async () => {
    // At 1× the fault goes in between 5 s and 20 s of a 25 s run: 20 s of wall clock to do it in,
    // however slow the machine is.
    await openFile(inactivityLab(25_000));
    await page.getByLabel('Speed').selectOption('1');
    const before = completedRuns();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(async () => (await page.getByRole('timer', { name: 'Virtual clock' }).textContent()) ?? '').toMatch(/00:(0[5-9]|1\d)\./);
    await node('Hub').click();
    await page.getByRole('button', { name: /^Inject fault on hub/ }).click();
    const form = page.getByRole('form', { name: /^Inject a fault on hub/ });
    await form.getByLabel('Fault').selectOption('session-loss');
    await form.getByRole('button', { name: 'Inject' }).click();
    // The fault is in: the rest of the run need not take 20 s of wall clock.
    await page.getByLabel('Speed').selectOption('max');
    await expect.poll(() => completedRuns()).toBeGreaterThan(before);
    await page.getByRole('tab', { name: 'Counters' }).click();
    await page.getByText('added-session-health-check').first().waitFor({ state: 'visible' });
    const db = openDatabase(e.dbPath, { readonly: true });
    try {
      const run = getRun(db, listRuns(db, { status: 'completed' })[0]!.id)!;
      expect(run.summary!.sessions.affected).toBe(4);
      expect(run.summary!.sessions.failed).toBe(0);
      expect(run.summary!.sessions.recoveredBy['health-check']).toBe(4);
      expect(run.summary!.exposure.total).toBe(0);
    } finally {
      db.close();
    }
  });

  it('saves the file and opens it again', async () => {
    await openFile(inactivityLab());
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save', exact: true }).click()]);
    const saved = join(e.dir, 'saved.srlab.json');
    await download.saveAs(saved);
    const json = JSON.parse(readFileSync(saved, 'utf8')) as { authority: { sessionRecoveryDetection: { mode: string; inactivityTimeoutSec: number } }; nodes: unknown[] };
    expect(json.authority.sessionRecoveryDetection).toEqual({ mode: 'inactivity-based', inactivityTimeoutSec: 2 });
    expect(json.nodes).toHaveLength(4);
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);
    await page.getByLabel('Scenario file').setInputFiles(saved);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    await clickEmptyCanvas();
    expect(await page.getByLabel('Recovery mode').inputValue()).toBe('inactivity-based');
  });

  it('shows the problems of a malformed file and leaves the lab untouched', async () => {
    const nodesBefore = await page.locator('.react-flow__node').count();
    const bad = join(e.dir, 'bad.srlab.json');
    writeFileSync(
      bad,
      JSON.stringify({ format: 'session-recovery-lab/scenario', formatVersion: 1, name: 'bad', durationMs: 1000, nodes: [{ id: 'c', kind: 'client' }], links: [{ id: 'l', a: 'c', b: 'nowhere' }] }),
    );
    await page.getByLabel('Scenario file').setInputFiles(bad);
    const alert = page.getByRole('alert').filter({ hasText: 'links[0]' });
    await alert.waitFor({ state: 'visible' });
    expect(await alert.textContent()).toContain('does not exist');
    expect(await page.locator('.react-flow__node').count()).toBe(nodesBefore);
  });

  it('runs inactivity-based and packet-based, compares the two runs and exports the report', async () => {
    await openFile(inactivityLab());
    await page.getByLabel('Speed').selectOption('max');
    await runToEnd();
    await clickEmptyCanvas();
    await page.getByRole('tab', { name: 'Properties' }).click();
    await page.getByLabel('Recovery mode').selectOption('packet-based');
    await runToEnd();
    await page.getByRole('tab', { name: 'History' }).click();
    const boxes = page.getByRole('checkbox', { name: /^Compare / });
    await expect.poll(() => boxes.count()).toBe(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByText('First divergence').first().waitFor({ state: 'visible' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export report' }).first().click()]);
    const file = join(e.dir, 'report.html');
    await download.saveAs(file);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script\s+src|<link\s/);
  });
});
