import { afterEach, describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import type { ScenarioInput } from '../../../engine/index.ts';
import { fileDialogs, setFileDialogs } from '../../../renderer/src/design/file-io.ts';
import { renderDesign } from './harness.tsx';

const browserDialogs = { ...fileDialogs };
afterEach(() => setFileDialogs(browserDialogs));

describe('design shortcuts', () => {
  it('Delete removes the selection', async () => {
    const { user, store } = await renderDesign();
    act(() => store.getState().select(['server1'], []));
    await user.keyboard('{Delete}');
    expect(store.getState().doc.nodes.map((n) => n.id)).not.toContain('server1');
  });

  it('Backspace removes a selected link', async () => {
    const { user, store } = await renderDesign();
    act(() => store.getState().select([], ['wan1']));
    document.body.focus();
    await user.keyboard('{Backspace}');
    expect(store.getState().doc.links!.map((l) => l.id)).toEqual(['lan1', 'lan2']);
  });

  it('does not delete while typing in a field', async () => {
    const { user, store } = await renderDesign();
    act(() => store.getState().select(['hub1'], []));
    await user.click(screen.getByLabelText('Label'));
    await user.keyboard('{Backspace}');
    expect(store.getState().doc.nodes.some((n) => n.id === 'hub1')).toBe(true);
    expect(store.getState().doc.nodes.find((n) => n.id === 'hub1')!.label).toBe('Data-centre route');
  });

  it('Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo', async () => {
    const { user, store } = await renderDesign();
    act(() => void store.getState().addNode('hub'));
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().doc.nodes).toHaveLength(4);
    await user.keyboard('{Control>}y{/Control}');
    expect(store.getState().doc.nodes).toHaveLength(5);
    await user.keyboard('{Control>}z{/Control}');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(store.getState().doc.nodes).toHaveLength(5);
    await user.keyboard('{Meta>}z{/Meta}');
    expect(store.getState().doc.nodes).toHaveLength(4);
  });

  it('Ctrl+C and Ctrl+V copy and paste the selected nodes', async () => {
    const { user, store } = await renderDesign();
    act(() => store.getState().select(['spoke1', 'hub1'], []));
    await user.keyboard('{Control>}c{/Control}');
    await user.keyboard('{Control>}v{/Control}');
    const ids = store.getState().doc.nodes.map((n) => n.id);
    expect(ids).toEqual(['client1', 'spoke1', 'hub1', 'server1', 'spoke2', 'hub2']);
    expect(store.getState().doc.links!.at(-1)).toMatchObject({ id: 'wan2', a: 'spoke2', b: 'hub2' });
    expect(await screen.findByRole('group', { name: 'Hub Data-centre router (copy)' })).toBeTruthy();
  });

  it('Ctrl+S saves', async () => {
    const saved: ScenarioInput[] = [];
    setFileDialogs({ save: async (doc) => (saved.push(doc), 'lab.srlab.json') });
    const { user, store } = await renderDesign();
    act(() => void store.getState().addNode('hub'));
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(store.getState().dirty).toBe(false);
  });
});
