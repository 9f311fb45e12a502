/**
 * Test harness for the design view: a real store, the real components, and an in-memory API
 * serving the shipped templates from assets/scenarios (the process boundary is the only mock).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ScenarioInput, TemplateInfo } from '../../../engine/index.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { ApiProvider } from '../../../renderer/src/api/context.tsx';
import { MemoryTransport } from '../../../renderer/src/api/memory-transport.ts';
import { DesignToolbar } from '../../../renderer/src/app/DesignToolbar.tsx';
import { Notices } from '../../../renderer/src/app/Notices.tsx';
import { useDesignShortcuts } from '../../../renderer/src/app/useDesignShortcuts.ts';
import { LabCanvas } from '../../../renderer/src/canvas/LabCanvas.tsx';
import { Palette } from '../../../renderer/src/canvas/Palette.tsx';
import { Inspector } from '../../../renderer/src/inspector/Inspector.tsx';
import { StoreProvider } from '../../../renderer/src/store/context.tsx';
import { createLabStore, type LabStore } from '../../../renderer/src/store/index.ts';

// import.meta.url is not a file: URL under happy-dom; the directory name is.
const DIR = join(import.meta.dirname, '../../../assets/scenarios/');

/** The shipped template files, sorted. */
export const TEMPLATE_FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.srlab.json'))
  .sort();

/** A template's JSON. */
export function template(file = TEMPLATE_FILES[0] as string): ScenarioInput {
  return JSON.parse(readFileSync(DIR + file, 'utf8')) as ScenarioInput;
}

/** An API client answering templates:list and templates:get from the shipped files. */
export function templateApi(): { api: ApiClient; calls: string[] } {
  const calls: string[] = [];
  const transport = new MemoryTransport((method, params) => {
    calls.push(method);
    if (method === 'templates:list') {
      const list: TemplateInfo[] = TEMPLATE_FILES.map((file) => {
        const s = template(file);
        return { file, name: s.name, description: s.description ?? '' };
      });
      return { ok: true, value: list };
    }
    if (method === 'templates:get') {
      const file = (params as { file: string }).file;
      if (!TEMPLATE_FILES.includes(file)) return { ok: false, error: { code: 'not-found', message: `no template ${file}` } };
      return { ok: true, value: { file, scenario: template(file) } };
    }
    return { ok: false, error: { code: 'bad-method', message: `${method} is not served in this test` } };
  });
  return { api: new ApiClient(transport), calls };
}

function Shortcuts() {
  useDesignShortcuts();
  return null;
}

/** Renders the design view over a fresh store; resolves once the first-start lab is in. */
export async function renderDesign(opts: { store?: LabStore; waitForLab?: boolean } = {}) {
  const store = opts.store ?? createLabStore();
  const { api, calls } = templateApi();
  const user = userEvent.setup();
  const utils = render(
    <ApiProvider api={api}>
      <StoreProvider store={store}>
        <Shortcuts />
        <DesignToolbar />
        <Notices />
        <div style={{ display: 'flex' }}>
          <aside aria-label="Palette">
            <Palette />
          </aside>
          <section aria-label="Canvas" style={{ width: '1000px', height: '700px' }}>
            <LabCanvas />
          </section>
          <aside aria-label="Inspector">
            <Inspector />
          </aside>
        </div>
      </StoreProvider>
    </ApiProvider>,
  );
  if (opts.waitForLab !== false) await waitFor(() => expect(store.getState().docLoads).toBeGreaterThan(0), { timeout: 5000 });
  return { ...utils, store, user, calls };
}
