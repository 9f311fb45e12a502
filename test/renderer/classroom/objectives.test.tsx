/** Issue 10 §3 in the app: the Objectives panel grades live and at the end; instructors edit them. */
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { parseScenario, runScenario, type ScenarioInput } from '../../../engine/index.ts';
import { RunControls } from '../../../renderer/src/live/RunControls.tsx';
import { LivePanels } from '../../../renderer/src/live/LivePanels.tsx';
import { Inspector } from '../../../renderer/src/inspector/Inspector.tsx';
import { engineSnapshots, fakeHost, renderWith, templateJson } from '../live/helpers.tsx';

const OBJECTIVES = [
  { id: 'sessions', text: 'The lab opens sessions', expect: { metric: 'sessions.total', op: '>', value: 0 } },
  { id: 'no-loss', text: 'No packet is lost', hint: 'the hub forgets its sessions at 20 s', expect: { metric: 'packets.lost', op: '==', value: 0 } },
  { id: 'outage-max', text: 'The longest outage is under 10 s', expect: { metric: 'sessions.outageMs.max', op: '<', value: 10_000 } },
  { id: 'mode', text: 'The hub runs packet-based', expect: { node: 'hub1', mode: 'packet-based' } },
];

function lab(): ScenarioInput {
  return { ...templateJson('01'), objectives: OBJECTIVES } as ScenarioInput;
}

function setup() {
  const host = fakeHost({ 'sim:sessions': () => [] });
  const r = renderWith(
    <>
      <RunControls />
      <LivePanels />
      <Inspector />
    </>,
    host,
  );
  act(() => r.store.getState().loadDoc(lab(), null));
  return { ...r, user: userEvent.setup() };
}

function verdicts(): Record<string, string> {
  const list = screen.getByRole('list', { name: 'Objectives' });
  return Object.fromEntries(
    within(list)
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('aria-label')!.split(': ')),
  );
}

describe('the Objectives panel', () => {
  it('grades each objective live ("so far"), then finally when the run ends', async () => {
    const { host, user } = setup();
    await user.click(within(screen.getByRole('tablist', { name: 'Live run' })).getByRole('tab', { name: 'Objectives' }));
    // Before a run only the router's mode is known.
    expect(verdicts()).toEqual({
      'The lab opens sessions': 'not known yet',
      'No packet is lost': 'not known yet',
      'The longest outage is under 10 s': 'not known yet',
      'The hub runs packet-based': 'holds',
    });
    for (const s of engineSnapshots('01', 10_000)) act(() => host.transport.emit('sim:snapshot', s));
    await waitFor(() => expect(verdicts()['The lab opens sessions']).toBe('holds'));
    expect(verdicts()['No packet is lost']).toBe('holds'); // nothing lost before the fault at 20 s
    expect(verdicts()['The longest outage is under 10 s']).toBe('not known yet');
    expect(screen.getByText(/So far/)).toBeTruthy();
    const parsed = parseScenario(lab());
    if (!parsed.ok) throw new Error('template');
    const result = runScenario(parsed.scenario);
    for (const s of engineSnapshots('01', 60_000).slice(-1)) act(() => host.transport.emit('sim:snapshot', { ...s, state: 'ended' }));
    act(() => host.transport.emit('sim:ended', { runId: 'run-1', status: 'completed', summary: result.summary }));
    await waitFor(() => expect(screen.getByText(/Final: the run has ended/)).toBeTruthy());
    expect(verdicts()).toEqual({
      'The lab opens sessions': 'holds',
      'No packet is lost': result.summary.packets.lost === 0 ? 'holds' : 'does not hold',
      'The longest outage is under 10 s': result.summary.sessions.outageMs.max < 10_000 ? 'holds' : 'does not hold',
      'The hub runs packet-based': 'holds',
    });
  });

  it('shows a hint only when asked', async () => {
    const { user } = setup();
    await user.click(within(screen.getByRole('tablist', { name: 'Live run' })).getByRole('tab', { name: 'Objectives' }));
    expect(screen.queryByText(/Hint: the hub forgets/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Hint' }));
    expect(screen.getByText('Hint: the hub forgets its sessions at 20 s')).toBeTruthy();
  });
});

describe('the objectives editor', () => {
  it('adds an objective, changes what it checks, and shows the engine’s words for a bad value', async () => {
    const { store, user } = setup();
    await user.click(within(screen.getByRole('tablist', { name: 'Inspector' })).getByRole('tab', { name: 'Objectives' }));
    await user.click(screen.getByRole('button', { name: 'Add objective' }));
    expect(store.getState().doc.objectives).toHaveLength(5);
    const card = screen.getByRole('group', { name: 'Objective objective-1' });
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Checks' }), 'mode');
    expect(store.getState().doc.objectives?.[4]?.expect).toEqual({ node: 'hub1', mode: 'packet-based' });
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Checks' }), 'series');
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Window' }), 'after');
    expect(store.getState().doc.objectives?.[4]?.expect.window).toEqual({ after: 'F1' });
    const id = within(card).getByRole('textbox', { name: 'Id' });
    await user.clear(id);
    await user.type(id, 'sessions');
    expect(screen.getByText('objective id "sessions" is used by more than one objective')).toBeTruthy();
    expect(parseScenario(store.getState().doc).ok).toBe(true);
  });
});
