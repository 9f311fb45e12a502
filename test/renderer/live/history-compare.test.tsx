import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { HistoryView } from '../../../renderer/src/runs/HistoryView.tsx';
import { CompareView } from '../../../renderer/src/runs/CompareView.tsx';
import { useLab } from '../../../renderer/src/store/context.tsx';
import { fakeHost, isDisabled, renderWith, templateJson } from './helpers.tsx';
import { comparisonOf, scenarioWith, storedRun, type StoredRun } from './run-fixtures.ts';

/** The two views as the shell switches them. */
function Views() {
  const view = useLab((s) => s.view);
  return view === 'compare' ? <CompareView /> : <HistoryView />;
}

let runs: StoredRun[] = [];
beforeAll(() => {
  const raw = templateJson('02');
  runs = [
    storedRun('r-packet', scenarioWith(raw, ['authority.sessionRecoveryDetection.mode=packet-based']), 'packet-based', '2026-01-10T10:00:00Z'),
    storedRun('r-inact-2', scenarioWith(raw), 'inactivity-based, 2 s', '2026-01-10T10:05:00Z'),
    storedRun('r-inact-5', scenarioWith(raw, ['authority.sessionRecoveryDetection.inactivityTimeoutSec=5']), 'inactivity-based, 5 s', '2026-01-10T10:10:00Z'),
  ];
});

afterEach(() => vi.restoreAllMocks());

function setup() {
  const host = fakeHost({
    'runs:list': () => runs.map((r) => r.row),
    'runs:get': (p) => runs.find((r) => r.row.id === (p as { id: string }).id)!.detail,
    'runs:sessions': (p) => runs.find((r) => r.row.id === (p as { id: string }).id)!.result.sessions,
    'runs:events': () => [],
    'runs:delete': () => ({ deleted: true }),
    'runs:compare': (p) => comparisonOf((p as { ids: string[] }).ids.map((id) => runs.find((r) => r.row.id === id)!)),
    'runs:export': (p) => ({ filename: 'srlab-report.html', mime: 'text/html', content: `<html><body>report of ${(p as { ids: string[] }).ids.join(',')}</body></html>` }),
  });
  const r = renderWith(<Views />, host);
  r.store.getState().setView('history');
  return { ...r, user: userEvent.setup() };
}

describe('HistoryView', () => {
  it('lists the stored runs with their headline numbers', async () => {
    setup();
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(within(table).getByRole('row', { name: /packet-based/ }).textContent).toContain('completed');
  });

  it('filters runs by text and status', async () => {
    const { user } = setup();
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    await user.type(screen.getByRole('searchbox', { name: 'Scenario' }), '5 s');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    await user.clear(screen.getByRole('searchbox', { name: 'Scenario' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'failed');
    expect(screen.getByText('No run matches the filter.')).toBeTruthy();
  });

  it('enables Compare only with two runs ticked and opens the comparison with its KPI rows', async () => {
    const { user, store, host } = setup();
    const compare = screen.getByRole('button', { name: 'Compare' });
    await waitFor(() => expect(screen.getAllByRole('checkbox')).toHaveLength(3));
    expect(isDisabled(compare)).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: /Compare packet-based/ }));
    expect(isDisabled(compare)).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: /Compare inactivity-based, 2 s/ }));
    expect(isDisabled(compare)).toBe(false);
    await user.click(compare);
    expect(store.getState().view).toBe('compare');
    const kpis = await screen.findByRole('table', { name: 'KPIs' });
    expect(host.called('runs:compare')[0]!.params).toEqual({ ids: ['r-packet', 'r-inact-2'] });
    // Inactivity-based waits 2 s before probing, so outages are longer; it sends less enable-metadata.
    expect(within(kpis).getByRole('row', { name: /^outage p95/ }).textContent).toContain('▲ +6.00 s (+587.7 %) worse');
    expect(within(kpis).getByRole('row', { name: /^enable-metadata \(packets\)/ }).textContent).toContain('▼ −4 (−22.2 %) better');
    expect(screen.getByRole('region', { name: 'Settings that differ' }).textContent).toContain('authority.sessionRecoveryDetection.mode');
    expect(screen.getByRole('region', { name: 'First divergence' }).textContent).toMatch(/at \d\d:\d\d\.\d{3}/);
  });

  it('downloads the HTML report when Export report is pressed', async () => {
    const { user, store } = setup();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:report';
    });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    store.getState().openRun('r-inact-2');
    await user.click(await screen.findByRole('button', { name: 'Export report' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toBe('srlab-report.html');
    expect(await blobs[0]!.text()).toContain('report of r-inact-2');
    expect(blobs[0]!.type).toBe('text/html');
  });

  it('opens a run with its KPIs, counters, worst sessions and settings', async () => {
    const { user } = setup();
    await waitFor(() => expect(screen.getAllByRole('button', { name: runs[1]!.row.scenarioName })).toHaveLength(3));
    // Every run here has the template's name; the second row is the inactivity-based 2 s one.
    await user.click(screen.getAllByRole('button', { name: runs[1]!.row.scenarioName })[1]!);
    const head = await screen.findByRole('region', { name: 'Headline results' });
    expect(head.textContent).toContain('affected');
    expect(screen.getByRole('table', { name: /packet-processing action success metadata/ })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Worst sessions' }).textContent).toContain('health-check');
    expect(screen.getByRole('region', { name: 'Effective settings' }).textContent).toContain('inactivity-based, 2 s');
  });

  it('deletes a run only after confirmation', async () => {
    const { user, store, host } = setup();
    store.getState().openRun('r-packet');
    await user.click(await screen.findByRole('button', { name: 'Delete…' }));
    expect(host.called('runs:delete')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Delete run' }));
    await waitFor(() => expect(host.called('runs:delete')).toHaveLength(1));
    expect(store.getState().openRunId).toBeNull();
  });
});
