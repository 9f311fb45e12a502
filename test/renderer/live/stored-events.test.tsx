import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { parseScenario, Simulation, type StoredEvent } from '../../../engine/index.ts';
import { StoredEvents } from '../../../renderer/src/runs/StoredEvents.tsx';
import { fakeHost, renderWith, templateJson } from './helpers.tsx';

const stored: StoredEvent[] = [];
beforeAll(() => {
  const p = parseScenario(templateJson('02'));
  if (!p.ok) throw new Error('template 02 does not parse');
  new Simulation(p.scenario, { trace: (e) => stored.push(e) }).run();
});

function setup() {
  const host = fakeHost({
    // The host's filters, as the database applies them.
    'runs:events': (params) => {
      const q = params as { kind?: string; node?: string; limit: number };
      return stored.filter((e) => (!q.kind || e.kind === q.kind) && (!q.node || e.node === q.node)).slice(0, q.limit);
    },
  });
  renderWith(<StoredEvents id="r1" routers={['spoke1', 'hub1']} />, host);
  return { host, user: userEvent.setup() };
}

describe('StoredEvents', () => {
  it("lists a stored run's control-plane events with their details", async () => {
    setup();
    const section = await screen.findByRole('region', { name: 'Stored events' });
    await waitFor(() => expect(within(section).getAllByRole('row').length).toBeGreaterThan(10));
    expect(within(section).getAllByText('health-check-added').length).toBeGreaterThan(0);
    expect(section.textContent).toContain('rule=§4.4.1');
  });

  it('filters by kind and by router through the API', async () => {
    const { host, user } = setup();
    const section = await screen.findByRole('region', { name: 'Stored events' });
    await waitFor(() => expect(within(section).getAllByRole('row').length).toBeGreaterThan(10));
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Kind' }), 'enable-metadata-sent');
    await waitFor(() =>
      expect(
        within(section)
          .getAllByRole('row')
          .slice(1)
          .every((r) => r.textContent?.includes('enable-metadata-sent')),
      ).toBe(true),
    );
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Router' }), 'spoke1');
    await waitFor(() => expect(screen.getByText('No events match.')).toBeTruthy());
    expect(host.calls.filter((c) => c.method === 'runs:events').at(-1)!.params).toMatchObject({ kind: 'enable-metadata-sent', node: 'spoke1' });
  });
});
