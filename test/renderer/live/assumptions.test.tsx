import { describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { ASSUMPTIONS } from '../../../engine/index.ts';
import { AssumptionsView } from '../../../renderer/src/help/AssumptionsView.tsx';
import { assumptionsFor, ruleSection } from '../../../renderer/src/help/assumption-links.ts';
import { renderWith } from './helpers.tsx';

describe('AssumptionsView', () => {
  it('lists every assumption title, grouped by model section', () => {
    renderWith(<AssumptionsView />);
    for (const a of ASSUMPTIONS) expect(screen.getByRole('article', { name: new RegExp(`^${a.title.replace(/[()]/g, '\\$&')}`) })).toBeTruthy();
    const bfd = screen.getByRole('region', { name: /§4\.5 Peer liveness/ });
    expect(within(bfd).getByRole('heading', { name: /BFD detection timing/ })).toBeTruthy();
  });

  it('shows the knob as code and whether it is the spec or an engine decision', () => {
    renderWith(<AssumptionsView />);
    const item = screen.getByRole('article', { name: /Health-check acknowledgement deadline/ });
    expect(within(item).getByText('authority.healthCheckAckTimeoutMs').tagName).toBe('CODE');
    expect(item.textContent).toContain('spec');
    expect(screen.getByRole('article', { name: /Outage measurement/ }).textContent).toContain('engine decision');
  });

  it('scrolls to the focused assumption and marks it', () => {
    const scrolled: string[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this.id);
    });
    const { store } = renderWith(<AssumptionsView />);
    act(() => store.getState().showAssumption('stuck-pinhole'));
    expect(scrolled).toContain('assumption-stuck-pinhole');
    expect(document.getElementById('assumption-stuck-pinhole')!.className).toContain('is-focused');
    vi.restoreAllMocks();
  });

  it('filters by a word', async () => {
    renderWith(<AssumptionsView />);
    await userEvent.setup().type(screen.getByRole('searchbox', { name: 'Filter' }), 'NAT');
    expect(screen.getAllByRole('article').length).toBeLessThan(ASSUMPTIONS.length);
    expect(screen.getByRole('article', { name: /NAT bindings/ })).toBeTruthy();
  });
});

describe('assumptionsFor', () => {
  it('reads the section a rule names', () => {
    expect(ruleSection('§4.4.5')).toBe('4.4.5');
    expect(ruleSection('§4.2 packet-based')).toBe('4.2');
    expect(ruleSection('none')).toBeNull();
  });

  it('puts the assumption about the event kind first, then the rest of its section', () => {
    const ids = assumptionsFor('health-check-timeout', '§4.4.5', ASSUMPTIONS, 10).map((a) => a.id);
    expect(ids[0]).toBe('health-check-ack-timeout');
    expect(ids).toContain('check-backoff');
    expect(ids.every((id) => ASSUMPTIONS.find((a) => a.id === id)!.section === '§4.4')).toBe(true);
  });

  it('finds nothing for a section without assumptions', () => {
    expect(assumptionsFor('node-down', '§4.1 node-restart')).toEqual([]);
  });
});
