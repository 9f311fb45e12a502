import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { renderDesign } from './harness.tsx';

const node = (store: Awaited<ReturnType<typeof renderDesign>>['store'], id: string) => store.getState().doc.nodes.find((n) => n.id === id)!;

describe('inspector', () => {
  it('shows the lab with labelled fields when nothing is selected', async () => {
    await renderDesign();
    for (const label of [
      'Name',
      'Description',
      'Duration (s)',
      'Seed',
      'Recovery mode',
      'Inactivity timeout (s)',
      'Health-check ack timeout (ms)',
      'TCP session timeout (s)',
      'BFD interval (ms)',
      'Control packets per second',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect((screen.getByLabelText('Duration (s)') as HTMLInputElement).value).toBe('60');
    expect(screen.getByText(/The engine accepts this lab/)).toBeTruthy();
  });

  it('edits the authority recovery mode', async () => {
    const { user, store } = await renderDesign();
    await user.selectOptions(screen.getByLabelText('Recovery mode'), 'inactivity-based');
    expect(store.getState().doc.authority?.sessionRecoveryDetection?.mode).toBe('inactivity-based');
  });

  it('shows the engine rule inline and leaves the document alone for an invalid value', async () => {
    const { user, store } = await renderDesign();
    const field = screen.getByLabelText('Inactivity timeout (s)');
    await user.clear(field);
    const before = store.getState().doc;
    await user.type(field, '0');
    expect(screen.getByText('must be a whole number from 1 to 3600')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(store.getState().doc).toBe(before);
    await user.type(field, '{Backspace}12');
    expect(store.getState().doc.authority?.sessionRecoveryDetection?.inactivityTimeoutSec).toBe(12);
    expect(screen.queryByText('must be a whole number from 1 to 3600')).toBeNull();
  });

  it('converts shown seconds to stored milliseconds', async () => {
    const { user, store } = await renderDesign();
    const field = screen.getByLabelText('Duration (s)');
    await user.clear(field);
    await user.type(field, '90');
    expect(store.getState().doc.durationMs).toBe(90000);
  });

  it('makes one undo step of everything typed during one focus', async () => {
    const { user, store } = await renderDesign();
    const field = screen.getByLabelText('Name');
    await user.clear(field);
    await user.type(field, 'My lab');
    await user.tab();
    expect(store.getState().doc.name).toBe('My lab');
    expect(store.getState().undoStack).toHaveLength(1);
    act(() => store.getState().undo());
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toMatch(/^Spoke and hub/);
  });

  it('edits a selected router and its recovery override', async () => {
    const { user, store } = await renderDesign();
    act(() => store.getState().select(['hub1'], []));
    const label = screen.getByLabelText('Label');
    await user.clear(label);
    await user.type(label, 'DC1');
    expect(node(store, 'hub1').label).toBe('DC1');
    const mode = screen.getByLabelText('Recovery mode');
    expect(
      within(mode)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Authority default', 'packet-based', 'inactivity-based']);
    await user.selectOptions(mode, 'inactivity-based');
    await user.type(screen.getByLabelText('Inactivity timeout (s)'), '2');
    expect(node(store, 'hub1')).toMatchObject({ sessionRecoveryDetection: { mode: 'inactivity-based', inactivityTimeoutSec: 2 } });
    await user.selectOptions(mode, 'Authority default');
    expect(node(store, 'hub1')).toMatchObject({ sessionRecoveryDetection: { inactivityTimeoutSec: 2 } });
    expect(node(store, 'hub1')).not.toHaveProperty('sessionRecoveryDetection.mode');
    expect(screen.getByLabelText('Software version')).toBeTruthy();
    expect(screen.getByLabelText('BFD multiplier')).toBeTruthy();
  });

  it('explains that the product sets recovery per authority and links to why', async () => {
    const { user, store } = await renderDesign();
    act(() => store.getState().select(['spoke1'], []));
    expect(screen.getByText(/configures session-recovery-detection once per authority/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Why?' }));
    expect(store.getState().assumptionFocus).toBe('per-router-override');
    expect(store.getState().view).toBe('assumptions');
  });

  it('edits a selected link', async () => {
    const { user, store } = await renderDesign();
    act(() => store.getState().select([], ['wan1']));
    for (const label of ['Latency (ms)', 'Jitter (ms)', 'Loss (%)', 'Bandwidth (Mbps)', 'Queue (packets)', 'Up', 'NAT']) expect(screen.getByLabelText(label)).toBeTruthy();
    const latency = screen.getByLabelText('Latency (ms)');
    expect((latency as HTMLInputElement).value).toBe('20');
    await user.clear(latency);
    await user.type(latency, '35');
    await user.click(screen.getByLabelText('Up'));
    await user.selectOptions(screen.getByLabelText('NAT'), 'inside = Branch router');
    await user.type(screen.getByLabelText('Loss (%)'), '{Backspace}2');
    const link = store.getState().doc.links!.find((l) => l.id === 'wan1');
    expect(link).toMatchObject({ latencyMs: 35, up: false, lossPct: 2, nat: { inside: 'spoke1' } });
    expect(screen.getByLabelText('Binding timeout (ms)')).toBeTruthy();
    await user.click(screen.getAllByRole('button', { name: '(assumption)' })[1]!);
    expect(store.getState().assumptionFocus).toBe('nat-binding');
  });

  it('offers NAT only on links between two routers', async () => {
    const { store } = await renderDesign();
    act(() => store.getState().select([], ['lan1']));
    expect((screen.getByLabelText('NAT') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.getByText('NAT is only for links between two routers')).toBeTruthy();
  });
});

describe('traffic editor', () => {
  it('lists, adds, edits and deletes traffic definitions', async () => {
    const { user, store } = await renderDesign();
    await user.click(screen.getByRole('tab', { name: 'Traffic' }));
    const list = screen.getByRole('list', { name: 'Traffic definitions' });
    expect(within(list).getAllByRole('button')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Add traffic' }));
    expect(store.getState().doc.traffic).toHaveLength(3);
    await user.selectOptions(screen.getByLabelText('Pattern'), 'stream-down');
    expect(screen.queryByLabelText('Interval (ms)')).toBeNull();
    const rate = screen.getByLabelText('Rate (pps)');
    await user.clear(rate);
    await user.type(rate, '25');
    await user.selectOptions(screen.getByLabelText('Protocol'), 'udp');
    await user.click(screen.getByLabelText('Burst'));
    expect(store.getState().doc.traffic!.at(-1)).toMatchObject({ pattern: 'stream-down', ratePps: 25, protocol: 'udp', burst: { activeMs: 2000, idleMs: 15000 } });
    const stop = screen.getByLabelText('Stop (ms)');
    await user.type(stop, '5000');
    expect(store.getState().doc.traffic!.at(-1)!.stopMs).toBe(5000);
    await user.clear(stop);
    expect(store.getState().doc.traffic!.at(-1)!.stopMs).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Delete traffic traffic1' }));
    expect(store.getState().doc.traffic).toHaveLength(2);
  });

  it('renames a definition and keeps it open', async () => {
    const { user, store } = await renderDesign();
    await user.click(screen.getByRole('tab', { name: 'Traffic' }));
    await user.click(screen.getByRole('button', { name: /^web / }));
    const id = screen.getByLabelText('ID');
    await user.type(id, '2');
    expect(store.getState().doc.traffic![0]!.id).toBe('web2');
    expect(screen.getByLabelText('ID')).toBe(id);
    await user.clear(id);
    await user.type(id, 'voice');
    expect(screen.getByText('"voice" is already the id of another traffic definition')).toBeTruthy();
    expect(store.getState().doc.traffic!.map((t) => t.id)).toEqual(['voic', 'voice']);
  });
});

describe('fault editor', () => {
  it('adds faults, limits targets to what fits and places them on the timeline', async () => {
    const { user, store } = await renderDesign();
    await user.click(screen.getByRole('tab', { name: 'Faults' }));
    const timeline = screen.getByLabelText('Fault timeline');
    expect(within(timeline).getByRole('button', { name: '20 s: Session loss · Data-centre router (100 %)' })).toBeTruthy();
    const natOption = within(screen.getByLabelText('New fault')).getByRole('option', { name: /NAT rebind/ }) as HTMLOptionElement;
    expect(natOption.disabled).toBe(true);
    await user.selectOptions(screen.getByLabelText('New fault'), 'link-flap');
    await user.click(screen.getByRole('button', { name: 'Add fault' }));
    const f = store.getState().doc.faults!.at(-1)!;
    expect(f).toMatchObject({ type: 'link-flap', link: 'wan1', atMs: 20000 });
    const links = within(screen.getByLabelText('Link'))
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value);
    expect(links).toEqual(['lan1', 'wan1', 'lan2']);
    const at = screen.getByLabelText('At (ms)');
    await user.clear(at);
    await user.type(at, '5000');
    const count = screen.getByLabelText('Count');
    await user.clear(count);
    await user.type(count, '4');
    expect(store.getState().doc.faults!.at(-1)).toMatchObject({ atMs: 5000, count: 4 });
    const rows = within(screen.getByRole('list', { name: 'Scheduled faults' }))
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(rows[0]).toMatch(/^5 s/);
    expect(within(timeline).getAllByRole('button')).toHaveLength(2);
  });

  it('changes a fault type and offers routers only for router faults', async () => {
    const { user, store } = await renderDesign();
    await user.click(screen.getByRole('tab', { name: 'Faults' }));
    await user.click(within(screen.getByRole('list', { name: 'Scheduled faults' })).getByRole('button'));
    await user.selectOptions(screen.getByLabelText('Type'), 'node-restart');
    expect(store.getState().doc.faults![0]).toEqual({ atMs: 20000, type: 'node-restart', node: 'hub1', downtimeMs: 2000 });
    const routers = within(screen.getByLabelText('Router'))
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value);
    expect(routers).toEqual(['spoke1', 'hub1']);
    await user.click(screen.getByRole('button', { name: 'Delete fault' }));
    expect(store.getState().doc.faults).toEqual([]);
  });
});
