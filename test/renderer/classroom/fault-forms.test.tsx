/** Issue 10 §1: every inject-fault form submits with its defaults and says in words what is wrong. */
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { FaultSchema, parseScenario, type ScenarioInput } from '../../../engine/index.ts';
import { RunControls } from '../../../renderer/src/live/RunControls.tsx';
import { LivePanels } from '../../../renderer/src/live/LivePanels.tsx';
import { checkFaultForm, formsFor } from '../../../renderer/src/live/fault-forms.ts';
import { bareSnapshot, fakeHost, renderWith, templateJson } from '../live/helpers.tsx';

/** Template 10 has a link with NAT, so every fault kind has a target. */
function natLab(): ScenarioInput {
  return templateJson('10');
}

function setup() {
  const host = fakeHost({ 'sim:inject': () => ({ atMs: 3000 }), 'sim:sessions': () => [] });
  const r = renderWith(
    <>
      <RunControls />
      <LivePanels />
    </>,
    host,
  );
  act(() => r.store.getState().loadDoc(natLab(), null));
  act(() => r.store.getState().applySnapshots([bareSnapshot('running', 3000)]));
  return { ...r, user: userEvent.setup() };
}

const doc = natLab();
const natLink = (doc.links ?? []).find((l) => l.nat)!.id;
const router = doc.nodes.find((n) => n.kind === 'hub')!.id;
const TARGETS = [
  { kind: 'router' as const, id: router, select: (): [string[], string[]] => [[router], []] },
  { kind: 'link' as const, id: natLink, hasNat: true, select: (): [string[], string[]] => [[], [natLink]] },
];

describe('inject-fault forms', () => {
  for (const t of TARGETS) {
    const target = t.kind === 'router' ? { kind: 'router' as const, id: t.id } : { kind: 'link' as const, id: t.id, hasNat: true };
    for (const form of formsFor(target)) {
      it(`injects ${form.type} on a ${t.kind} with the form's defaults`, async () => {
        const { store, host, user } = setup();
        act(() => store.getState().select(...t.select()));
        await user.click(await screen.findByRole('button', { name: /Inject fault/ }));
        await user.selectOptions(screen.getByRole('combobox', { name: 'Fault' }), form.type);
        await user.click(screen.getByRole('button', { name: 'Inject' }));
        await waitFor(() => expect(host.called('sim:inject')).toHaveLength(1));
        const sent = (host.called('sim:inject')[0]!.params as { fault: unknown }).fault;
        // What was sent is a fault the engine accepts, on this target.
        expect(FaultSchema.safeParse(sent).success).toBe(true);
        expect(parseScenario({ ...doc, faults: [sent] }).ok).toBe(true);
      });
    }
  }

  it('says in words what is wrong and sends nothing', async () => {
    const { store, host, user } = setup();
    act(() => store.getState().select([], [natLink]));
    await user.click(await screen.findByRole('button', { name: /Inject fault/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Fault' }), 'link-flap');
    const cycles = screen.getByRole('textbox', { name: 'Cycles' });
    await user.clear(cycles);
    await user.type(cycles, '2.5');
    const down = screen.getByRole('textbox', { name: 'Down (ms)' });
    await user.clear(down);
    await user.type(down, 'soon');
    await user.click(screen.getByRole('button', { name: 'Inject' }));
    const form = screen.getByRole('form', { name: /Inject a fault/ });
    expect(within(form).getByText('Cycles must be a whole number')).toBeTruthy();
    expect(within(form).getByText('Down must be a number')).toBeTruthy();
    expect(cycles.getAttribute('aria-invalid')).toBe('true');
    expect(host.called('sim:inject')).toHaveLength(0);
  });

  it("uses the engine's words for a rule the form does not know (a duration of 0)", () => {
    const p = checkFaultForm(
      doc,
      { kind: 'router', id: router },
      formsFor({ kind: 'router', id: router }).find((f) => f.type === 'scan')!,
      { durationMs: '0' },
    );
    expect(p.fields['durationMs']).toMatch(/greater than 0/);
  });

  it('asks for at least one impairment when all are emptied', () => {
    const form = formsFor({ kind: 'link', id: natLink, hasNat: true }).find((f) => f.type === 'link-impair')!;
    const p = checkFaultForm(doc, { kind: 'link', id: natLink, hasNat: true }, form, { lossPct: '' });
    expect(p.general).toEqual(['give at least one of loss, latency or jitter']);
  });

  it('closes the form when the run ends', async () => {
    const { store, user } = setup();
    act(() => store.getState().select([router], []));
    const button = await screen.findByRole('button', { name: /Inject fault/ });
    await user.click(button);
    expect(screen.getByRole('form', { name: /Inject a fault/ })).toBeTruthy();
    act(() => store.getState().applySnapshots([{ ...bareSnapshot('ended', 4000), fingerprint: 'end' }]));
    await waitFor(() => expect(screen.queryByRole('form', { name: /Inject a fault/ })).toBeNull());
    expect(screen.getByRole('button', { name: /Inject fault/ }).getAttribute('aria-expanded')).toBe('false');
  });
});
