/**
 * The time-travel view against a host that answers seeks with the real engine (a Timeline of
 * the run, as the seek worker keeps): the "Run time" slider, Step back then Step returning to
 * the same state, fault markers, the kinds a step stops at, and opening it from the run
 * controls (a paused live run) and from a stored run's page.
 */
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { NumberedLog, runFaults, seekTimeline, seekView, Simulation, Timeline, type SeekTarget, type SeekView } from '../../../engine/index.ts';
import { TimeTravelView } from '../../../renderer/src/timetravel/TimeTravelView.tsx';
import { RunControls } from '../../../renderer/src/live/RunControls.tsx';
import { bareSnapshot, fakeHost, isDisabled, renderWith, templateJson, templateScenario } from '../live/helpers.tsx';
import { storedRun } from '../live/run-fixtures.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { MemoryTransport } from '../../../renderer/src/api/memory-transport.ts';

const SCENARIO = templateScenario('01');
const RUN = storedRun('run-1', SCENARIO, null, '2026-01-01T10:00:00.000Z');

/** The run recorded for time travel, answering seeks as the host does. */
function travelHost() {
  const log = new NumberedLog();
  let sim: Simulation | null = null;
  sim = new Simulation(SCENARIO, { trace: (e) => log.push(e, sim?.w.events ?? 0) });
  const timeline = new Timeline({ everyEvents: 5000 });
  timeline.record(sim);
  while (!sim.done) {
    for (let i = 0; i < 1000 && sim.step(); i++);
    timeline.record(sim);
  }
  sim.run();
  const extent = { endUs: sim.endUs, endEvents: sim.w.events };
  const faults = runFaults(sim);
  const answer = (p: Record<string, unknown>): SeekView => {
    const target = (
      p['tUs'] !== undefined
        ? { tUs: p['tUs'] }
        : p['event'] !== undefined
          ? { event: p['event'] }
          : p['fault'] !== undefined
            ? { fault: p['fault'] }
            : { step: p['step'], from: p['from'], ...(p['categories'] ? { categories: p['categories'] } : {}) }
    ) as SeekTarget;
    const view = seekView(seekTimeline(timeline, target, extent, faults), { runId: 'run-1', state: 'ended', speed: 1, extent, faults, log, limit: 200 });
    return { ...view, wallMs: 1 };
  };
  return { answer, extent };
}

const TRAVEL = travelHost();

function openStored() {
  const host = fakeHost({ 'runs:get': () => RUN.detail, 'runs:seek': (p) => TRAVEL.answer(p as Record<string, unknown>), 'templates:list': () => [] });
  const r = renderWith(<TimeTravelView />, host);
  act(() => r.store.getState().openTravel({ kind: 'run', runId: 'run-1' }));
  return { ...r, user: userEvent.setup() };
}

const region = () => screen.getByRole('main', { name: 'Time travel' });
const slider = () => within(region()).getByRole('slider', { name: 'Run time' });
const eventText = () => within(region()).getByRole('region', { name: 'Event' }).textContent ?? '';
const moment = () => within(region()).getByRole('timer', { name: 'Moment shown' }).textContent ?? '';
const sessionsShown = () => within(screen.getByRole('region', { name: 'Panels at this moment' })).getByRole('table').textContent ?? '';

async function settled(host: ReturnType<typeof fakeHost>, n: number): Promise<void> {
  await waitFor(() => expect(host.called('runs:seek').length).toBeGreaterThanOrEqual(n));
  await waitFor(() => expect(within(region()).getByRole('status').textContent).toBe(''));
}

describe('time travel over a stored run', () => {
  it('says how far the host has got re-running the stored run before the first moment comes', async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const base = fakeHost({ 'runs:get': () => RUN.detail, 'templates:list': () => [] });
    // The first seek waits (the host re-runs the run) until the test lets it through.
    const transport = new MemoryTransport(async (method, params) => {
      if (method !== 'runs:seek') return base.transport.call(method, params);
      await gate;
      return { ok: true, value: TRAVEL.answer(params as Record<string, unknown>) };
    });
    const r = renderWith(<TimeTravelView />, { ...base, transport, api: new ApiClient(transport) });
    act(() => r.store.getState().openTravel({ kind: 'run', runId: 'run-1' }));
    const status = () => within(region()).getByRole('status').textContent;
    await waitFor(() => expect(status()).toMatch(/^Opening the run/));
    act(() => transport.emit('runs:seek-progress', { runId: 'other-run', doneMs: 50_000, endMs: 60_000 }));
    // The wall clock the view reads to say how long is left: 1 s now, 3 s at the next report.
    const clockNow = vi.spyOn(performance, 'now').mockReturnValue(1000);
    act(() => transport.emit('runs:seek-progress', { runId: 'run-1', doneMs: 12_500, endMs: 60_000 }));
    expect(status()).toBe('Re-running the stored run to travel in it: 00:12.500 of 01:00.000…');
    const bar = within(region()).getByRole('progressbar', { name: 'Re-running the stored run' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([12_500, 60_000]);
    // Below the head: what is going on, and the run's stored charts while it waits.
    const waiting = within(region()).getByRole('region', { name: 'Re-running the stored run' });
    expect(within(waiting).getByRole('heading').textContent).toBe("Rebuilding this run's moments · 20%");
    expect(
      within(waiting)
        .getAllByRole('figure')
        .map((f) => f.querySelector('figcaption')?.textContent),
    ).toEqual(['Sessions in outage and active sessions', 'Delivered and lost packets per second', 'Control packets per second by kind']);
    // Two seconds later it has run another 10 s of the run: 37.5 s to go at 5 s a second.
    clockNow.mockReturnValue(3000);
    act(() => transport.emit('runs:seek-progress', { runId: 'run-1', doneMs: 22_500, endMs: 60_000 }));
    clockNow.mockRestore();
    expect(within(waiting).getByRole('heading').textContent).toBe("Rebuilding this run's moments · 37% · about 8 s left");
    release();
    await waitFor(() => slider());
    await waitFor(() => expect(status()).toBe(''));
    expect(within(region()).queryByRole('progressbar', { name: 'Re-running the stored run' })).toBeNull();
    expect(within(region()).queryByRole('region', { name: 'Re-running the stored run' })).toBeNull();
  });

  it('opens at the end of the run with a "Run time" slider and the faults as markers', async () => {
    const { host } = openStored();
    await waitFor(() => slider());
    await settled(host, 1);
    expect(Number((slider() as HTMLInputElement).value)).toBe(SCENARIO.durationMs);
    expect(moment()).toContain(`event ${TRAVEL.extent.endEvents.toLocaleString('en-US')}`);
    expect(slider().getAttribute('aria-valuetext')).toMatch(/^01:00\.000 of 01:00\.000, after/);
    expect(within(region()).getByRole('button', { name: /^Fault 1 at 00:20\.000: Session loss/ })).toBeTruthy();
    expect(isDisabled(within(region()).getByRole('button', { name: 'Step' }))).toBe(true);
  });

  it('Step back then Step returns to the same state, and says what each event was', async () => {
    const { host, user } = openStored();
    await waitFor(() => slider());
    await settled(host, 1);
    fireEvent.change(slider(), { target: { value: '15000' } });
    await settled(host, 2);
    const before = { event: eventText(), moment: moment(), sessions: sessionsShown() };
    expect(host.called('runs:seek')[1]!.params).toMatchObject({ runId: 'run-1', tUs: 15_000_000 });
    await user.click(within(region()).getByRole('button', { name: 'Step back' }));
    await settled(host, 3);
    expect(moment()).not.toBe(before.moment);
    await user.click(within(region()).getByRole('button', { name: 'Step' }));
    await settled(host, 4);
    expect({ event: eventText(), moment: moment(), sessions: sessionsShown() }).toEqual(before);
    expect(
      host
        .called('runs:seek')
        .slice(2)
        .map((c) => (c.params as { step: string }).step),
    ).toEqual(['back', 'forward']);
    // Data-plane events are stepped through and told in words.
    for (let i = 0; i < 30 && !/arrives at/.test(eventText()); i++) {
      await user.click(within(region()).getByRole('button', { name: 'Step back' }));
      await settled(host, 5 + i);
    }
    expect(eventText()).toMatch(/packet .* arrives at \w+ over \w+ from \w+/);
  });

  it('shows the sessions the hub had before its fault, and none once the fault marker is followed', async () => {
    const { host, user } = openStored();
    await waitFor(() => slider());
    await settled(host, 1);
    fireEvent.change(slider(), { target: { value: '19000' } });
    await settled(host, 2);
    const panels = screen.getByRole('region', { name: 'Panels at this moment' });
    await user.selectOptions(within(panels).getByLabelText('Router'), 'hub1');
    expect(within(panels).getByText(/hub1 then: 14 sessions, 28 flows/)).toBeTruthy();
    await user.click(within(region()).getByRole('button', { name: /^Fault 1 at/ }));
    await settled(host, 3);
    expect(host.called('runs:seek')[2]!.params).toMatchObject({ fault: 0 });
    expect(eventText()).toMatch(/session-loss/);
    expect(within(panels).getByText(/hub1 then: 0 sessions/)).toBeTruthy();
    expect(within(panels).getByText('No sessions on hub1 at this moment.')).toBeTruthy();
  });

  it('steps only through the kinds of events ticked', async () => {
    const { host, user } = openStored();
    await waitFor(() => slider());
    await settled(host, 1);
    for (const name of ['Data packets', 'Control packets', 'Applications', 'Router timers', 'Chart samples']) await user.click(within(region()).getByRole('checkbox', { name }));
    // The last kind cannot be unticked: a step through nothing would go nowhere.
    await user.click(within(region()).getByRole('checkbox', { name: 'Faults' }));
    expect((within(region()).getByRole('checkbox', { name: 'Faults' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(region()).getByRole('button', { name: 'Step back' }));
    await settled(host, 2);
    expect(host.called('runs:seek')[1]!.params).toMatchObject({ step: 'back', categories: ['fault'] });
    expect(eventText()).toMatch(/^Faults/);
    expect(moment()).toMatch(/^00:20\.000/);
  });
});

describe('opening time travel', () => {
  it('offers it in the run controls while the live run is paused, and seeks that run', async () => {
    const live = bareSnapshot('paused', 12_000);
    const host = fakeHost({ 'sim:seek': (p) => TRAVEL.answer(p as Record<string, unknown>), 'templates:list': () => [] });
    const { store, user } = {
      ...renderWith(
        <>
          <RunControls />
          <TimeTravelView />
        </>,
        host,
      ),
      user: userEvent.setup(),
    };
    act(() => store.getState().loadDoc(templateJson('01'), null));
    act(() => store.getState().applySnapshots([{ ...bareSnapshot('running', 11_000) }]));
    expect(screen.queryByRole('button', { name: 'Time travel' })).toBeNull();
    act(() => store.getState().applySnapshots([live]));
    await user.click(screen.getByRole('button', { name: 'Time travel' }));
    expect(store.getState().view).toBe('timetravel');
    await waitFor(() => expect(host.called('sim:seek')).toHaveLength(1));
    expect(host.called('sim:seek')[0]!.params).toEqual({ event: live.events });
    await waitFor(() => slider());
    await user.click(within(region()).getByRole('button', { name: '← Back to the lab' }));
    expect(store.getState().view).toBe('lab');
  });
});
