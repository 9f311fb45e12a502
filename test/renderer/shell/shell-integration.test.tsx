import { afterEach, describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import type { ApiResult } from '../../../engine/index.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { ApiProvider } from '../../../renderer/src/api/context.tsx';
import { MemoryTransport } from '../../../renderer/src/api/memory-transport.ts';
import { useShellIntegration } from '../../../renderer/src/app/useShellIntegration.ts';
import { StoreProvider } from '../../../renderer/src/store/context.tsx';
import { createLabStore } from '../../../renderer/src/store/index.ts';
import { fileDialogs } from '../../../renderer/src/design/file-io.ts';
import { template } from '../design/harness.tsx';
import type {} from '../../../renderer/src/api/connect.ts'; // window.srlab's type

function Probe() {
  useShellIntegration();
  return null;
}

/** A fake desktop shell: the preload bridge answering file:* methods, pushing menu commands. */
function shell(pending: { path: string; text: string } | null) {
  const calls: { method: string; params: unknown }[] = [];
  const transport = new MemoryTransport((method, params): ApiResult<unknown> => {
    calls.push({ method, params });
    if (method === 'file:take-pending') return { ok: true, value: pending };
    if (method === 'file:save') return { ok: true, value: { path: '/home/me/lab.srlab.json' } };
    if (method === 'app:info') return { ok: true, value: { version: '0.1.0', engineVersion: '0.1.0', database: '/db', host: 'electron', assumptions: [] } };
    return { ok: false, error: { code: 'bad-method', message: method } };
  });
  window.srlab = { call: (m, p) => transport.call(m, p), on: (e, cb) => transport.on(e, cb) };
  const store = createLabStore();
  render(
    <ApiProvider api={new ApiClient(transport)}>
      <StoreProvider store={store}>
        <Probe />
      </StoreProvider>
    </ApiProvider>,
  );
  return { store, transport, calls };
}

afterEach(() => {
  delete window.srlab;
});

describe('the desktop shell integration', () => {
  it('opens the file the app was launched with', async () => {
    const doc = template();
    const { store } = shell({ path: '/home/me/hub-loss.srlab.json', text: JSON.stringify(doc) });
    await waitFor(() => expect(store.getState().fileName).toBe('/home/me/hub-loss.srlab.json'));
    expect(store.getState().doc.name).toBe(doc.name);
  });

  it('turns the New menu item into an empty lab', async () => {
    const { store, transport } = shell({ path: '/x.srlab.json', text: JSON.stringify(template()) });
    await waitFor(() => expect(store.getState().doc.nodes.length).toBeGreaterThan(0));
    store.getState().markSaved('/x.srlab.json');
    transport.emit('menu:command', { command: 'new' });
    await waitFor(() => expect(store.getState().doc.nodes).toHaveLength(0));
  });

  it('opens the assumptions view from the Help menu', async () => {
    const { store, transport } = shell(null);
    transport.emit('menu:command', { command: 'assumptions' });
    await waitFor(() => expect(store.getState().view).toBe('assumptions'));
  });

  it('saves through the native dialog and keeps the path it returns', async () => {
    const { store, transport, calls } = shell(null);
    store.getState().loadDoc(template(), null);
    transport.emit('menu:command', { command: 'save' });
    await waitFor(() => expect(store.getState().fileName).toBe('/home/me/lab.srlab.json'));
    const save = calls.find((c) => c.method === 'file:save')!;
    expect(JSON.parse((save.params as { text: string }).text)).toEqual(template());
    expect(typeof fileDialogs.open).toBe('function');
  });

  it('undoes a design edit from the Edit menu', async () => {
    const { store, transport } = shell(null);
    store.getState().loadDoc(template(), null);
    const before = store.getState().doc.nodes.length;
    store.getState().addNode('hub');
    transport.emit('menu:command', { command: 'undo' });
    await waitFor(() => expect(store.getState().doc.nodes).toHaveLength(before));
  });
});
