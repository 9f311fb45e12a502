import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { CountersTable, MAX_ROUTER_COLUMNS, shownRouters } from '../../../renderer/src/live/CountersTable.tsx';

const PATH = 'emulator/exposure';

/** Counters of `n` routers (hub1, hub2, spoke1 …), router i's exposure = i + 1. */
function countersOf(n: number): Record<string, Record<string, number>> {
  const ids = Array.from({ length: n }, (_, i) => (i < 2 ? `hub${i + 1}` : `spoke${i - 1}`));
  return Object.fromEntries(ids.map((id, i) => [id, { [PATH]: i + 1, 'emulator/failover': 0 }]));
}

function columns(): string[] {
  const table = screen.getAllByRole('table')[0]!;
  return within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent ?? '');
}

describe('Counters table', () => {
  it('shows every router of a small lab, with no total', () => {
    render(<CountersTable counters={countersOf(5)} hideZeros={true} />);
    expect(columns()).toEqual(['Metric', 'hub1', 'hub2', 'spoke1', 'spoke2', 'spoke3']);
    expect(screen.queryByText(/Select a router on the canvas/)).toBeNull();
  });

  it('shows a big lab’s total and a dozen routers, those selected on the canvas first', () => {
    const counters = countersOf(1002);
    render(<CountersTable counters={counters} hideZeros={true} pinned={['spoke700', 'client3', 'hub2']} />);
    const cols = columns();
    expect(cols).toHaveLength(2 + MAX_ROUTER_COLUMNS);
    // The total, then the routers picked on the canvas (a host is not a router), then the lab's first.
    expect(cols.slice(0, 6)).toEqual(['Metric', 'all 1,002', 'spoke700', 'hub2', 'hub1', 'spoke1']);
    const row = screen.getAllByRole('row', { name: /exposure/ })[0]!;
    const cells = within(row).getAllByRole('cell');
    // 1 + 2 + … + 1002.
    expect(cells[0]!.textContent).toBe('502,503');
    expect(cells[1]!.textContent).toBe(String(counters['spoke700']![PATH]));
    expect(screen.getByText(/1,002 routers: their total, then 12 of them/)).toBeTruthy();
  });

  it('keeps the selection’s order and the cap, and the lab’s order without one', () => {
    const routers = Object.keys(countersOf(40));
    expect(shownRouters(routers)).toEqual(routers.slice(0, MAX_ROUTER_COLUMNS));
    expect(shownRouters(routers, routers.slice(20, 40))).toEqual(routers.slice(20, 20 + MAX_ROUTER_COLUMNS));
    expect(shownRouters(routers.slice(0, MAX_ROUTER_COLUMNS), ['spoke30'])).toEqual(routers.slice(0, MAX_ROUTER_COLUMNS));
  });

  it('on a stored run (no canvas to select on) shows the routers where the most kinds of counters moved', () => {
    const counters = countersOf(30);
    counters['spoke3'] = { ...counters['spoke3']!, 'emulator/sessions-lost': 3 };
    render(<CountersTable counters={counters} hideZeros={true} />);
    expect(screen.getByText('30 routers: their total, then the 12 where the most kinds of counters moved.')).toBeTruthy();
    // spoke3 lost sessions (a second kind of counter); the others are the busiest (router i's exposure is i + 1); in the lab's order.
    expect(columns()).toEqual(['Metric', 'all 30', 'spoke3', ...Array.from({ length: 11 }, (_, i) => `spoke${18 + i}`)]);
  });
});
