/**
 * What the run controls and the Space shortcut do: start (after checking the document, so a
 * broken lab never reaches the host), pause, resume, step, stop, change speed. Errors become
 * notices; nothing throws.
 */
import { useMemo } from 'react';
import { parseScenario, type ApiError, type LiveSnapshot } from '../../../engine/index.ts';
import type { ApiClient } from '../api/client.ts';
import { useApi } from '../api/context.tsx';
import type { LabStore } from '../store/index.ts';
import { useLabStore } from '../store/context.tsx';

/** What a run can do in each state. */
export type RunPhase = 'idle' | 'running' | 'paused' | 'ended';

/** The phase of a snapshot (none yet: idle). */
export function phaseOf(live: LiveSnapshot | null): RunPhase {
  return live ? live.state : 'idle';
}

/** The run actions. */
export interface RunActions {
  /** Starts a run of the document, or resumes a paused one. */
  run(): Promise<void>;
  pause(): Promise<void>;
  step(events: number): Promise<void>;
  stop(): Promise<void>;
  setSpeed(speed: number | 'max'): Promise<void>;
  /** Space: pause while running, otherwise run. */
  toggle(): Promise<void>;
}

function problemLines(e: ApiError): string[] {
  return e.problems?.map((p) => `${p.path}: ${p.message}`) ?? [];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Builds the actions over an API client and a store (a plain function, so tests can call it). */
export function runActions(api: ApiClient, store: LabStore): RunActions {
  const s = () => store.getState();
  const fail = (what: string, e: ApiError) => s().notify('error', `${what}: ${e.message}`, problemLines(e));
  const applyAnswer = (r: { ok: true; value: LiveSnapshot | null } | { ok: false; error: ApiError }, what: string) => {
    if (!r.ok) return fail(what, r.error);
    if (r.value) s().applySnapshots([r.value]);
  };

  const start = async () => {
    const { doc, runSeed, runSpeed } = s();
    const parsed = parseScenario(doc);
    if (!parsed.ok) {
      s().notify(
        'error',
        `The lab cannot run: the scenario has ${plural(parsed.problems.length, 'problem')}`,
        parsed.problems.map((p) => `${p.path}: ${p.message}`),
      );
      return;
    }
    const seed = runSeed.trim() === '' ? undefined : Number(runSeed);
    if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 4294967295)) {
      s().notify('error', 'The lab cannot run: the seed must be a whole number from 0 to 4294967295');
      return;
    }
    s().setBusy(true);
    s().resetLive();
    s().setStartPending(true);
    // The raw document goes to the host, which validates it again (params are checked where received).
    const r = await api.call('sim:start', { scenario: doc, speed: runSpeed, paused: false, ...(seed !== undefined ? { seed } : {}) });
    s().setBusy(false);
    if (!r.ok) {
      s().setStartPending(false);
      if (r.error.code === 'bad-scenario') s().notify('error', `The lab cannot run: ${r.error.message}`, problemLines(r.error));
      else fail('The run did not start', r.error);
    }
  };

  const actions: RunActions = {
    run: async () => {
      if (s().isBusy) return;
      if (phaseOf(s().live) === 'paused') {
        const r = await api.call('sim:resume');
        if (r.ok && !r.value) s().setLiveState('running');
        return applyAnswer(r, 'Could not resume');
      }
      if (phaseOf(s().live) === 'running') return;
      return start();
    },
    pause: async () => {
      const r = await api.call('sim:pause');
      if (r.ok && !r.value) s().setLiveState('paused');
      applyAnswer(r, 'Could not pause');
    },
    step: async (events) => applyAnswer(await api.call('sim:step', { events }), 'Could not step'),
    stop: async () => {
      s().setBusy(true);
      const r = await api.call('sim:stop');
      s().setBusy(false);
      if (!r.ok) fail('Could not stop', r.error);
    },
    setSpeed: async (speed) => {
      s().setRunSpeed(speed);
      const p = phaseOf(s().live);
      if (p !== 'running' && p !== 'paused') return;
      const r = await api.call('sim:speed', { speed });
      if (!r.ok) fail('Could not change speed', r.error);
    },
    toggle: () => (phaseOf(s().live) === 'running' ? actions.pause() : actions.run()),
  };
  return actions;
}

/** The run actions for this app's API and store. */
export function useRunActions(): RunActions {
  const api = useApi();
  const store = useLabStore();
  return useMemo(() => runActions(api, store), [api, store]);
}
