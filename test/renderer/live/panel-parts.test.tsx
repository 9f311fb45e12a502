import { describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { PanelTabs, RouterPicker, useRouterPick } from '../../../renderer/src/live/PanelParts.tsx';
import { StoreProvider } from '../../../renderer/src/store/context.tsx';
import { createLabStore, type LabStore } from '../../../renderer/src/store/index.ts';

// The tab frame and the Router picker shared by the live panels and the time-travel panels.
const TABS = ['One', 'Two', 'Three'] as const;

function Tabs() {
  return (
    <PanelTabs tabs={TABS} initial="Two" label="Example" idPrefix="ex" above={<p>over the bar</p>} bar={<span>in the bar</span>}>
      {(tab) => <p>content of {tab}</p>}
    </PanelTabs>
  );
}

/** The picker over a lab store of its own (it follows the canvas selection). */
function InStore({ store, routers }: { store: LabStore; routers: string[] }) {
  return (
    <StoreProvider store={store}>
      <Picker routers={routers} />
    </StoreProvider>
  );
}

function Picker({ routers }: { routers: string[] }) {
  const [router, pick] = useRouterPick(routers);
  return (
    <>
      <RouterPicker routers={routers} router={router} onPick={pick} />
      <output>showing {router}</output>
    </>
  );
}

describe('PanelTabs', () => {
  it('opens the initial tab, with only its panel mounted and labelled by its tab', () => {
    render(<Tabs />);
    const list = screen.getByRole('tablist', { name: 'Example' });
    expect(within(list).getByRole('tab', { name: 'Two', selected: true })).toBeTruthy();
    expect(screen.getByRole('tabpanel', { name: 'Two' }).textContent).toBe('content of Two');
    expect(screen.queryByText('content of One')).toBeNull();
    expect(screen.getByText('over the bar')).toBeTruthy();
    expect(screen.getByText('in the bar')).toBeTruthy();
  });

  it('keeps only the selected tab in the Tab order, and a click opens another', async () => {
    const user = userEvent.setup();
    render(<Tabs />);
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, 0, -1]);
    await user.click(screen.getByRole('tab', { name: 'Three' }));
    expect(screen.getByRole('tabpanel', { name: 'Three' }).textContent).toBe('content of Three');
  });

  it('moves between tabs with the arrow keys, round the ends, and focuses the tab it opens', async () => {
    const user = userEvent.setup();
    render(<Tabs />);
    screen.getByRole('tab', { name: 'Two' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Three', selected: true }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'One', selected: true }));
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Three', selected: true }));
    expect(screen.getByRole('tabpanel', { name: 'Three' }).textContent).toBe('content of Three');
  });
});

describe('RouterPicker', () => {
  it('shows the first router until another is picked', async () => {
    const user = userEvent.setup();
    render(<InStore store={createLabStore()} routers={['spoke1', 'hub1']} />);
    expect(screen.getByRole('status').textContent).toBe('showing spoke1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Router' }), 'hub1');
    expect(screen.getByRole('status').textContent).toBe('showing hub1');
  });

  it('keeps the picked router while it is there and falls back to the first when it is gone', async () => {
    const user = userEvent.setup();
    const store = createLabStore();
    const { rerender } = render(<InStore store={store} routers={['spoke1', 'hub1']} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Router' }), 'hub1');
    rerender(<InStore store={store} routers={['spoke2', 'hub1']} />);
    expect(screen.getByRole('status').textContent).toBe('showing hub1');
    rerender(<InStore store={store} routers={['spoke2']} />);
    expect(screen.getByRole('status').textContent).toBe('showing spoke2');
    expect((screen.getByRole('combobox', { name: 'Router' }) as HTMLSelectElement).value).toBe('spoke2');
  });

  it('starts on the router selected on the canvas, even before that router has a table', () => {
    const store = createLabStore();
    act(() => store.getState().select(['hub1'], []));
    const { rerender } = render(<InStore store={store} routers={[]} />);
    rerender(<InStore store={store} routers={['spoke1', 'hub1']} />);
    expect(screen.getByRole('status').textContent).toBe('showing hub1');
  });
});
