/**
 * Issue 10 §1: the live view a class can trust — nothing of the last run on the next lab, the
 * design locked while a run is live, a second window joining with the whole run, notices that go,
 * an ended run's Sessions tab, the problems chip, and one event-log order.
 */
import { describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { LiveSnapshot } from '../../../engine/index.ts';
import { RunControls } from '../../../renderer/src/live/RunControls.tsx';
import { LivePanels } from '../../../renderer/src/live/LivePanels.tsx';
import { DesignToolbar } from '../../../renderer/src/app/DesignToolbar.tsx';
import { Inspector } from '../../../renderer/src/inspector/Inspector.tsx';
import { LOCKED_TEXT } from '../../../renderer/src/design/design-lock.ts';
import { INFO_MS, MAX_SHOWN } from '../../../renderer/src/app/Notices.tsx';
import { bareSnapshot, engineSnapshots, fakeHost, isDisabled, renderWith, templateJson } from '../live/helpers.tsx';

function setup(answers: Record<string, (p: unknown) => unknown> = {}) {
  const host = fakeHost({ 'sim:sessions': () => [], 'sim:stop': () => ({ runId: 'run-1', summary: null }), ...answers });
  const r = renderWith(
    <>
      <DesignToolbar />
      <RunControls />
      <LivePanels />
      <Inspector />
    </>,
    host,
  );
  act(() => r.store.getState().loadDoc(templateJson('02'), null));
  return { ...r, user: userEvent.setup() };
}

async function play(host: ReturnType<typeof fakeHost>, snaps: LiveSnapshot[]) {
  for (const s of snaps) act(() => host.transport.emit('sim:snapshot', s));
}

function end(host: ReturnType<typeof fakeHost>, runId = 'run-1') {
  act(() => host.transport.emit('sim:ended', { runId, status: 'completed', summary: null }));
}

describe('a new lab after a run', () => {
  it('keeps nothing of the previous run: badges, dots, log, counters, series', async () => {
    const { store, host } = setup();
    await play(host, engineSnapshots('02', 25_000));
    await waitFor(() => expect(store.getState().liveLog.length).toBeGreaterThan(0));
    end(host);
    act(() => store.getState().loadDoc(templateJson('01'), null));
    const s = store.getState();
    expect(s.live).toBeNull();
    expect(s.liveLog).toEqual([]);
    expect(s.liveCounters).toEqual({});
    expect(s.dotsByLink).toEqual({});
    expect(s.liveSeries.tMs).toEqual([]);
    expect(screen.getByText(/No events yet/)).toBeTruthy();
  });
});

describe('the design while a run is live', () => {
  it('refuses edits, says why once, and offers to stop the run', async () => {
    const { store, host, user } = setup();
    await play(host, [bareSnapshot('running', 1000)]);
    await waitFor(() => expect(store.getState().live?.state).toBe('running'));
    const before = store.getState().doc;
    act(() => void store.getState().addNode('spoke'));
    act(() => store.getState().updateLab({ name: 'changed' }));
    expect(store.getState().doc).toBe(before);
    expect(store.getState().notices.filter((n) => n.text === LOCKED_TEXT)).toHaveLength(1);
    for (const name of ['New', 'Open', 'Layout']) expect(isDisabled(screen.getByRole('button', { name }))).toBe(true);
    expect(screen.getByText(/Read-only while the run is live/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(host.called('sim:stop')).toHaveLength(1));
  });

  it('unlocks when the run ends', async () => {
    const { store, host } = setup();
    await play(host, [bareSnapshot('running', 1000)]);
    end(host);
    expect(isDisabled(screen.getByRole('button', { name: 'New' }))).toBe(false);
    act(() => store.getState().updateLab({ name: 'changed' }));
    expect(store.getState().doc.name).toBe('changed');
  });
});

describe('a second window joining a live run', () => {
  it('shows the whole run so far and says who started it', async () => {
    const snaps = engineSnapshots('02', 25_000);
    const all = snaps.flatMap((s) => s.log);
    const last = snaps.at(-1)!;
    // The host's whole picture: every counter and series point (the last delta carries only its
    // own), and the log so far.
    const full: LiveSnapshot = {
      ...last,
      log: all,
      series: snaps.reduce(
        (acc, s) => ({
          ...acc,
          tMs: acc.tMs.concat(s.series.tMs),
          sessionsInOutage: acc.sessionsInOutage.concat(s.series.sessionsInOutage),
          activeSessions: acc.activeSessions.concat(s.series.activeSessions),
          deliveredPps: acc.deliveredPps.concat(s.series.deliveredPps),
          lostPps: acc.lostPps.concat(s.series.lostPps),
        }),
        { ...last.series, tMs: [] as number[], sessionsInOutage: [] as number[], activeSessions: [] as number[], deliveredPps: [] as number[], lostPps: [] as number[] },
      ),
    };
    const { store } = setup({ 'sim:state': () => full });
    await waitFor(() => expect(store.getState().liveLog.length).toBe(all.length));
    expect(store.getState().liveSeries.tMs.length).toBe(full.series.tMs.length);
    expect(store.getState().runOwner).toBe('elsewhere');
    expect(screen.getByRole('status', { name: 'Run started elsewhere' }).textContent).toContain('started in another window');
  });

  it('does not call a run this window started another window’s', async () => {
    const { store, host, user } = setup({ 'sim:start': () => ({ runId: 'run-1' }) });
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await play(host, [bareSnapshot('running', 500)]);
    await waitFor(() => expect(store.getState().runOwner).toBe('here'));
    expect(screen.queryByRole('status', { name: 'Run started elsewhere' })).toBeNull();
  });
});

describe('notices', () => {
  it(`show at most ${MAX_SHOWN}, newest last`, () => {
    const { store } = setup();
    act(() => {
      for (let i = 1; i <= 6; i++) store.getState().notify('error', `problem ${i}`);
    });
    const shown = screen.getAllByRole('alert').map((a) => a.querySelector('.notice-text')!.textContent);
    expect(shown).toEqual(['problem 4', 'problem 5', 'problem 6']);
  });

  it('let confirmations go by themselves and keep errors', () => {
    vi.useFakeTimers();
    try {
      const { store } = setup();
      act(() => {
        store.getState().notify('info', 'Opened a file.');
        store.getState().notify('error', 'Could not save.');
      });
      act(() => void vi.advanceTimersByTime(INFO_MS + 10));
      expect(store.getState().notices.map((n) => n.text)).toEqual(['Could not save.']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the Sessions tab after the run ends', () => {
  it('says the run ended and offers its results instead of "loading… no run is live"', async () => {
    const { store, host, user } = setup({ 'sim:sessions': () => ({ ok: false, error: { code: 'conflict', message: 'no run is live' } }) });
    await play(host, [{ ...bareSnapshot('running', 1000), routers: { hub1: { up: true, mode: 'packet-based', timeoutSec: 5, version: '6.1.0', sessions: 1, inOutage: 0, exposure: 0 } } }]);
    end(host);
    await user.click(screen.getByRole('tab', { name: 'Sessions' }));
    const panel = screen.getByRole('tabpanel', { name: 'Sessions' });
    expect(panel.textContent).toContain('The run has ended');
    expect(panel.textContent).not.toContain('loading');
    expect(panel.textContent).not.toContain('no run is live');
    await user.click(within(panel).getByRole('button', { name: /in its results/ }));
    expect(store.getState().view).toBe('history');
    expect(store.getState().openRunId).toBe('run-1');
  });
});

describe('the problems chip', () => {
  it('lists the problems and shows the node a problem is about', async () => {
    const { store, user } = setup();
    const doc = templateJson('02');
    act(() => store.getState().loadDoc({ ...doc, nodes: doc.nodes.map((n, i) => (i === 1 ? { ...n, label: '' } : n)) }, null));
    await user.click(screen.getByRole('button', { name: '1 problem' }));
    const list = screen.getByRole('group', { name: 'Problems in this lab' });
    await user.click(within(list).getByRole('button', { name: /nodes\[1\]\.label/ }));
    expect(store.getState().selectedNodes).toEqual([doc.nodes[1]!.id]);
    expect(store.getState().inspectorTab).toBe('properties');
    expect(screen.queryByRole('group', { name: 'Problems in this lab' })).toBeNull();
  });
});

describe('the live event log', () => {
  it('lists events in time order, oldest first, as History does', async () => {
    const { host } = setup();
    await play(host, engineSnapshots('02', 25_000));
    const log = await screen.findByRole('list', { name: 'Event log' });
    const times = within(log)
      .getAllByRole('button')
      .map((b) => b.querySelector('.event-time')!.textContent!);
    expect(times.length).toBeGreaterThan(1);
    expect([...times].sort()).toEqual(times);
  });
});
