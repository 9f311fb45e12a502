/**
 * The What if view over a fake host: it starts an N-1 analysis of the lab on screen with the
 * user's choices, shows its progress and the baseline, then the ranking and the blast-radius
 * map; clicking an element (on the map or in the table) opens the run of its failure, and the
 * N-1 report downloads.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { HARM_COLORS, harmLevel, type WhatIfRank, type WhatIfState } from '../../../engine/index.ts';
import { WhatIfView } from '../../../renderer/src/whatif/WhatIfView.tsx';
import { fakeHost, isDisabled, renderWith, templateJson } from '../live/helpers.tsx';

afterEach(() => vi.restoreAllMocks());

/** Template 09: client1 – spoke1 – hub1/hub2 – server1, with a fault of its own (hub1 restarts). */
const LAB = templateJson('09');

const RANKING: WhatIfRank[] = [
  { rank: 1, kind: 'hub', element: 'hub1', sessionsLost: 12, sessionsAffected: 40, worstOutageMs: 9_500, runIds: ['r-hub1'] },
  { rank: 2, kind: 'hub', element: 'hub2', sessionsLost: 0, sessionsAffected: 3.5, worstOutageMs: 1_200, runIds: ['r-hub2'] },
];

function analysis(over: Partial<WhatIfState> = {}): WhatIfState {
  return {
    sweepId: 's-1',
    scenarioName: 'Dual hub',
    failEach: 'hub',
    state: 'running',
    done: 0,
    total: 3,
    elapsedMs: 0,
    etaMs: null,
    baseline: { keptFaults: false, labFaults: 1, failAtMs: 15_000, failForMs: 10_000 },
    baselineRunId: null,
    ranking: [],
    ...over,
  };
}

const DONE = analysis({ state: 'done', done: 3, elapsedMs: 4_200, etaMs: 0, baselineRunId: 'r-base', ranking: RANKING });

function setup(current: WhatIfState | null = null) {
  const host = fakeHost({
    'whatif:state': () => current,
    'whatif:start': () => ({ sweepId: 's-1', runs: 3 }),
    'whatif:cancel': () => ({ cancelled: true }),
    'whatif:report': (p) => ({ filename: 'n-1-dual-hub.html', mime: 'text/html', content: `<html><body>N-1 report of ${(p as { sweepId: string }).sweepId}</body></html>` }),
  });
  const r = renderWith(<WhatIfView />, host);
  act(() => r.store.getState().loadDoc(structuredClone(LAB), null));
  r.store.getState().setView('whatif');
  const progress = (s: WhatIfState) => act(() => host.transport.emit('whatif:progress', s));
  return { ...r, host, progress, user: userEvent.setup() };
}

describe('WhatIfView', () => {
  it('starts an analysis of the lab on screen with the choices made', async () => {
    const { user, host, store } = setup();
    await waitFor(() => expect(host.called('whatif:state')).toHaveLength(1));
    await user.selectOptions(screen.getByLabelText('Fail'), 'each hub');
    await user.type(screen.getByLabelText('at (s)'), '15');
    await user.clear(screen.getByLabelText('for (s)'));
    await user.type(screen.getByLabelText('for (s)'), '7.5');
    await user.click(screen.getByLabelText("keep the lab's own faults"));
    await user.click(screen.getByRole('button', { name: 'Run analysis' }));
    await waitFor(() => expect(host.called('whatif:start')).toHaveLength(1));
    expect(host.called('whatif:start')[0]!.params).toEqual({ scenario: store.getState().doc, failEach: 'hub', keepFaults: true, seeds: 1, failForMs: 7_500, failAtMs: 15_000 });
  });

  it('shows progress, the time left and the baseline while it runs, and can cancel it', async () => {
    const { user, host, progress } = setup();
    await waitFor(() => expect(host.called('whatif:state')).toHaveLength(1));
    progress(analysis());
    expect(screen.getByText(/0\/3 runs · estimating the time left/)).toBeTruthy();
    progress(analysis({ done: 2, elapsedMs: 3_000, etaMs: 1_500 }));
    const bar = screen.getByRole('progressbar', { name: 'Analysis progress' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([2, 3]);
    expect(screen.getByText(/2\/3 runs · about 2 s left/)).toBeTruthy();
    expect(screen.getByText(/Baseline: fault-free — the lab's own 1 fault\(s\) removed from every run; each fails at 15 s for 10 s\./)).toBeTruthy();
    // The choices are locked while it runs; Cancel replaces Run.
    expect(isDisabled(screen.getByLabelText('Fail'))).toBe(true);
    expect(screen.queryByRole('button', { name: 'Run analysis' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(host.called('whatif:cancel')).toHaveLength(1));
    progress(analysis({ done: 2, state: 'cancelled', message: 'cancelled' }));
    expect(screen.getByRole('button', { name: 'Run analysis' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('ranks the elements worst first and colours the map by harm when done', async () => {
    const { host, progress } = setup();
    await waitFor(() => expect(host.called('whatif:state')).toHaveLength(1));
    progress(DONE);
    expect(screen.getByText(/3\/3 runs · done in 4\.2 s/)).toBeTruthy();
    expect(screen.getByText(/Worst:/).textContent).toContain('hub hub1 — 12 sessions lost, 40 hit');
    const table = screen.getByRole('table', { name: 'What hurts most when it fails' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent))).toEqual([
      // Whole counts as such; a mean over seeds with its one decimal.
      ['1', 'hub hub1', '12', '40', '9.5 s'],
      ['2', 'hub hub2', '0', '3.5', '1.2 s'],
    ]);
    const map = screen.getByRole('img', { name: 'Blast-radius map' });
    // Every node of the lab is on the map; the failed ones are buttons coloured by their harm.
    expect(map.querySelectorAll('rect')).toHaveLength((LAB as { nodes: unknown[] }).nodes.length);
    const fill = (name: RegExp) => within(map).getByRole('button', { name }).querySelector('rect')!.getAttribute('fill');
    const worst = { lost: 12, affected: 40 };
    expect(fill(/^hub1: rank 1/)).toBe(HARM_COLORS[harmLevel(RANKING[0], worst)]);
    expect(fill(/^hub2: rank 2/)).toBe(HARM_COLORS[harmLevel(RANKING[1], worst)]);
    expect(fill(/^hub1: rank 1/)).not.toBe(fill(/^hub2: rank 2/));
    // Elements not failed in this analysis are grey.
    const untested = [...map.querySelectorAll('g:not([role]) > rect')].map((r) => r.getAttribute('fill'));
    expect(untested).toEqual(untested.map(() => HARM_COLORS.untested));
    expect(untested).toHaveLength(3);
    expect(within(map).getAllByRole('button')).toHaveLength(2);
  });

  it('names the elements that tie at the head of the ranking together', async () => {
    const { host, progress } = setup();
    await waitFor(() => expect(host.called('whatif:state')).toHaveLength(1));
    const tie = RANKING.map((r) => ({ ...r, rank: 1, sessionsLost: 0, sessionsAffected: 3, worstOutageMs: 1_200 }));
    progress(analysis({ ...DONE, ranking: tie }));
    expect(screen.getByText(/Worst, 2 alike:/).textContent).toContain('hub hub1 and hub hub2 — each 0 sessions lost, 3 hit');
    const rows = within(screen.getByRole('table', { name: 'What hurts most when it fails' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => r.querySelector('td')!.textContent)).toEqual(['1', '1']);
    progress(analysis({ ...DONE, ranking: tie.map((r) => ({ ...r, sessionsAffected: 0, worstOutageMs: 0 })) }));
    expect(screen.getByText(/No element's failure harms a session beyond the baseline/)).toBeTruthy();
  });

  it('opens the run of an element clicked on the map or in the table, and the baseline run', async () => {
    const { user, host, progress, store } = setup();
    await waitFor(() => expect(host.called('whatif:state')).toHaveLength(1));
    progress(DONE);
    await user.click(within(screen.getByRole('img', { name: 'Blast-radius map' })).getByRole('button', { name: /^hub1: rank 1/ }));
    expect([store.getState().view, store.getState().openRunId]).toEqual(['history', 'r-hub1']);
    act(() => store.getState().setView('whatif'));
    await user.click(screen.getByRole('button', { name: 'Open the run where hub hub2 fails' }));
    expect([store.getState().view, store.getState().openRunId]).toEqual(['history', 'r-hub2']);
    act(() => store.getState().setView('whatif'));
    await user.click(screen.getByRole('button', { name: 'Open the baseline run' }));
    expect(store.getState().openRunId).toBe('r-base');
  });

  it('opens a map element from the keyboard too', async () => {
    const { user, host, progress, store } = setup();
    await waitFor(() => expect(host.called('whatif:state')).toHaveLength(1));
    progress(DONE);
    within(screen.getByRole('img', { name: 'Blast-radius map' }))
      .getByRole('button', { name: /^hub2: rank 2/ })
      .focus();
    await user.keyboard('{Enter}');
    expect(store.getState().openRunId).toBe('r-hub2');
  });

  it('shows the last analysis when the view opens after it ended, and downloads its N-1 report', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:n1';
    });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { user, host } = setup(DONE);
    await user.click(await screen.findByRole('button', { name: 'Export N-1 report' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(host.called('whatif:report')[0]!.params).toEqual({ sweepId: 's-1' });
    expect(clicked[0]!.download).toBe('n-1-dual-hub.html');
    expect(await blobs[0]!.text()).toContain('N-1 report of s-1');
  });

  it('does not start on a lab with problems', async () => {
    const { host, store } = setup();
    await waitFor(() => expect(host.called('whatif:state')).toHaveLength(1));
    act(() => store.getState().loadDoc({ ...structuredClone(LAB), nodes: [] } as never, null));
    expect(isDisabled(screen.getByRole('button', { name: 'Run analysis' }))).toBe(true);
    expect(host.called('whatif:start')).toHaveLength(0);
  });
});
