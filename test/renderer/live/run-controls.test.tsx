import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { RunControls } from '../../../renderer/src/live/RunControls.tsx';
import { useRunShortcuts } from '../../../renderer/src/live/useRunShortcuts.ts';
import { bareSnapshot, fakeHost, isDisabled, renderWith, templateJson } from './helpers.tsx';

function Shortcuts() {
  useRunShortcuts();
  return null;
}

function setup(answers = {}) {
  const host = fakeHost({ 'sim:start': () => ({ runId: 'run-1' }), 'sim:pause': () => null, 'sim:resume': () => null, ...answers });
  const r = renderWith(
    <>
      <RunControls />
      <Shortcuts />
      <input aria-label="Some text field" />
    </>,
    host,
  );
  return { ...r, user: userEvent.setup() };
}

describe('RunControls', () => {
  it('starts a run of the document with sim:start when Run is pressed', async () => {
    const { store, host, user } = setup();
    act(() => store.getState().loadDoc(templateJson('02'), null));
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(host.called('sim:start')).toHaveLength(1));
    const params = host.called('sim:start')[0]!.params as { scenario: { name: string }; speed: number; paused: boolean };
    expect(params.scenario.name).toBe(templateJson('02').name);
    expect(params.speed).toBe(1);
    expect(params.paused).toBe(false);
  });

  it('sends the seed and speed the user chose', async () => {
    const { store, host, user } = setup();
    act(() => store.getState().loadDoc(templateJson('02'), null));
    await user.type(screen.getByRole('spinbutton', { name: 'Seed' }), '42');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '10');
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(host.called('sim:start')).toHaveLength(1));
    expect(host.called('sim:start')[0]!.params).toMatchObject({ seed: 42, speed: 10 });
  });

  it('shows every problem and does not call sim:start when the scenario is invalid', async () => {
    const { store, host, user } = setup();
    const doc = templateJson('02');
    act(() => store.getState().loadDoc({ ...doc, durationMs: -5, links: [...(doc.links ?? []), { id: 'x', a: 'nowhere', b: 'hub1' }] }, null));
    await user.click(screen.getByRole('button', { name: 'Run' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The lab cannot run');
    expect(alert.textContent).toContain('durationMs');
    expect(host.called('sim:start')).toHaveLength(0);
  });

  it('enables Pause only while running and Step only while paused', () => {
    const { store } = setup();
    expect(isDisabled(screen.getByRole('button', { name: 'Pause' }))).toBe(true);
    expect(isDisabled(screen.getByRole('button', { name: 'Stop' }))).toBe(true);
    act(() => store.getState().applySnapshots([bareSnapshot('running', 1000)]));
    expect(isDisabled(screen.getByRole('button', { name: 'Pause' }))).toBe(false);
    expect(isDisabled(screen.getByRole('button', { name: 'Run' }))).toBe(true);
    expect(isDisabled(screen.getByRole('button', { name: 'Step' }))).toBe(true);
    act(() => store.getState().applySnapshots([bareSnapshot('paused', 1500)]));
    expect(isDisabled(screen.getByRole('button', { name: 'Pause' }))).toBe(true);
    expect(isDisabled(screen.getByRole('button', { name: 'Step' }))).toBe(false);
    expect(isDisabled(screen.getByRole('button', { name: 'Step 100 events' }))).toBe(false);
    expect(isDisabled(screen.getByRole('button', { name: 'Run' }))).toBe(false);
  });

  it('resumes a paused run when Run is pressed, and steps 100 events', async () => {
    const { store, host, user } = setup({ 'sim:step': () => null });
    act(() => store.getState().applySnapshots([bareSnapshot('paused', 1500)]));
    await user.click(screen.getByRole('button', { name: 'Step 100 events' }));
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(host.called('sim:resume')).toHaveLength(1));
    expect(host.called('sim:step')[0]!.params).toEqual({ events: 100 });
    expect(host.called('sim:start')).toHaveLength(0);
  });

  it('shows the virtual clock of the newest snapshot', () => {
    const { store } = setup();
    act(() => store.getState().applySnapshots([bareSnapshot('running', 83_456)]));
    expect(screen.getByRole('timer', { name: 'Virtual clock' }).textContent).toContain('01:23.456 / 01:00.000');
  });
});

describe('useRunShortcuts', () => {
  it('pauses a running run on Space and resumes it on the next Space', async () => {
    const { store, host, user } = setup();
    act(() => store.getState().applySnapshots([bareSnapshot('running', 1000)]));
    await user.keyboard(' ');
    await waitFor(() => expect(host.called('sim:pause')).toHaveLength(1));
    expect(store.getState().live?.state).toBe('paused');
    await user.keyboard(' ');
    await waitFor(() => expect(host.called('sim:resume')).toHaveLength(1));
  });

  it('leaves Space alone while the user types in a field', async () => {
    const { store, host, user } = setup();
    act(() => store.getState().applySnapshots([bareSnapshot('running', 1000)]));
    await user.click(screen.getByRole('textbox', { name: 'Some text field' }));
    await user.keyboard(' ');
    expect(host.called('sim:pause')).toHaveLength(0);
  });
});
