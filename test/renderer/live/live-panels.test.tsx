import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { RunControls } from '../../../renderer/src/live/RunControls.tsx';
import { LivePanels } from '../../../renderer/src/live/LivePanels.tsx';
import { engineSnapshots, fakeHost, renderWith, templateJson } from './helpers.tsx';

/** Plays the host: streams the real engine's snapshots of template 02 up to 25 s. */
async function playRun(host: ReturnType<typeof fakeHost>, untilMs = 25_000) {
  for (const snap of engineSnapshots('02', untilMs)) act(() => host.transport.emit('sim:snapshot', snap));
}

function setup() {
  const host = fakeHost({ 'sim:sessions': () => [] });
  const r = renderWith(
    <>
      <RunControls />
      <LivePanels />
    </>,
    host,
  );
  act(() => r.store.getState().loadDoc(templateJson('02'), null));
  return { ...r, user: userEvent.setup() };
}

describe('live snapshots', () => {
  it('moves the virtual clock to the newest snapshot', async () => {
    const { host } = setup();
    await playRun(host);
    await waitFor(() => expect(screen.getByRole('timer', { name: 'Virtual clock' }).textContent).toContain('00:25.000 / 01:00.000'));
  });

  it('lists the events in time order (as History does), with the session loss and the health checks', async () => {
    const { host } = setup();
    await playRun(host);
    const log = await screen.findByRole('list', { name: 'Event log' });
    const times = within(log)
      .getAllByRole('button')
      .map((b) => b.querySelector('.event-time')!.textContent!);
    expect(times.at(-1)!.startsWith('00:2')).toBe(true);
    expect([...times].sort()).toEqual(times);
    expect(within(log).getAllByRole('button', { name: /health-check-added/ }).length).toBe(14);
  });

  it('filters the event log by kind and by router', async () => {
    const { host, user } = setup();
    await playRun(host);
    const log = await screen.findByRole('list', { name: 'Event log' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'session-loss');
    expect(
      within(log)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([expect.stringMatching(/^00:20\.000hub1session-loss/)]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'health-check-added');
    for (const row of within(log).getAllByRole('button')) expect(row.textContent).toContain('health-check-added');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), '');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Router' }), 'hub1');
    const rows = within(log).getAllByRole('button');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.textContent).toMatch(/^\d\d:\d\d\.\d{3}hub1/);
  });

  it('shows the rule that fired and links to its assumption when an event is clicked', async () => {
    const { host, user, store } = setup();
    await playRun(host);
    const log = await screen.findByRole('list', { name: 'Event log' });
    await user.click(within(log).getAllByRole('button', { name: /health-check-added/ })[0]!);
    const side = screen.getByRole('complementary', { name: 'Event details' });
    expect(side.textContent).toContain('§4.4.1');
    await user.click(within(side).getByRole('button', { name: /Probes ride real packets/ }));
    expect(store.getState().view).toBe('assumptions');
    expect(store.getState().assumptionFocus).toBe('probe-rides-real-packet');
  });

  it('shows the counters like show stats, grouped by path, once snapshots arrive', async () => {
    const { host, user } = setup();
    await playRun(host);
    await user.click(screen.getByRole('tab', { name: 'Counters' }));
    const table = screen.getByRole('table', { name: /packet-processing action success metadata/ });
    const row = within(table).getByRole('row', { name: /added-session-health-check/ });
    // spoke1 added one health check per session that lost its hub state (14 sessions).
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    const spoke = headers.indexOf('spoke1');
    expect(spoke).toBeGreaterThan(0);
    expect(within(row).getAllByRole('cell')[spoke - 1]!.textContent).toBe('14');
  });

  it('hides all-zero counters unless asked to show them', async () => {
    const { host, user } = setup();
    await playRun(host);
    await user.click(screen.getByRole('tab', { name: 'Counters' }));
    expect(screen.queryByRole('row', { name: /wayports-exhausted/ })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Hide zeros' }));
    expect(screen.getByRole('row', { name: /wayports-exhausted/ })).toBeTruthy();
  });

  it('shows the charts tab with a placeholder when there is no layout to draw in', async () => {
    const { host, user } = setup();
    await playRun(host, 3000);
    await user.click(screen.getByRole('tab', { name: 'Charts' }));
    expect(screen.getByRole('img', { name: /sessions in outage and active sessions/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /control packets per second by kind/ })).toBeTruthy();
  });

  it('asks the host for the chosen router’s session table', async () => {
    const { host, user } = setup();
    await playRun(host, 3000);
    await user.click(screen.getByRole('tab', { name: 'Sessions' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Router' }), 'hub1');
    await waitFor(() => expect(host.called('sim:sessions').some((c) => (c.params as { router: string }).router === 'hub1')).toBe(true));
  });

  it('shows the session table of the router selected on the canvas, until another is picked', async () => {
    const { host, user, store } = setup();
    await playRun(host, 3000);
    act(() => store.getState().select(['hub1'], []));
    await user.click(screen.getByRole('tab', { name: 'Sessions' }));
    const picker = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Router' });
    expect(picker.value).toBe('hub1');
    await waitFor(() => expect(host.called('sim:sessions').at(-1)?.params).toMatchObject({ router: 'hub1' }));
    await user.selectOptions(picker, 'spoke1');
    await waitFor(() => expect(host.called('sim:sessions').at(-1)?.params).toMatchObject({ router: 'spoke1' }));
    // A host selected on the canvas is not a router: the table stays where it is.
    act(() => store.getState().select(['client1'], []));
    expect(picker.value).toBe('spoke1');
    act(() => store.getState().select(['hub1'], []));
    expect(picker.value).toBe('hub1');
  });

  it('injects a fault on the selected router and confirms it with a notice', async () => {
    const host = fakeHost({ 'sim:inject': () => ({ atMs: 3000 }), 'sim:sessions': () => [] });
    const { store } = renderWith(
      <>
        <RunControls />
        <LivePanels />
      </>,
      host,
    );
    const user = userEvent.setup();
    act(() => store.getState().loadDoc(templateJson('02'), null));
    await playRun(host, 3000);
    act(() => store.getState().select(['hub1'], []));
    await user.click(await screen.findByRole('button', { name: /Inject fault/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Fault' }), 'node-restart');
    await user.click(screen.getByRole('button', { name: 'Inject' }));
    await waitFor(() => expect(host.called('sim:inject')).toHaveLength(1));
    expect(host.called('sim:inject')[0]!.params).toMatchObject({ fault: { type: 'node-restart', node: 'hub1', downtimeMs: 5000 } });
    expect(await screen.findByText(/Injected node-restart on hub1/)).toBeTruthy();
  });
});
