/** Test harness for the live-run, history and help parts: a real store, the API in memory. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { isMethod, parseScenario, Simulation, SnapshotBuilder, type ApiResult, type LiveSnapshot, type Method, type Scenario, type ScenarioInput } from '../../../engine/index.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { ApiProvider } from '../../../renderer/src/api/context.tsx';
import { MemoryTransport } from '../../../renderer/src/api/memory-transport.ts';
import { createLabStore, type LabStore } from '../../../renderer/src/store/index.ts';
import { StoreProvider } from '../../../renderer/src/store/context.tsx';
import { Notices } from '../../../renderer/src/app/Notices.tsx';

// happy-dom gives modules an http: import.meta.url, so find the templates from the repo root.

const TEMPLATES = join(process.cwd(), 'assets/scenarios/');

/** The raw JSON of the template whose file name starts with `prefix`. */
export function templateJson(prefix: string): ScenarioInput {
  const file = readdirSync(TEMPLATES).find((f) => f.startsWith(prefix) && f.endsWith('.srlab.json'));
  if (!file) throw new Error(`no template ${prefix}`);
  return JSON.parse(readFileSync(TEMPLATES + file, 'utf8')) as ScenarioInput;
}

/** A parsed template. */
export function templateScenario(prefix: string): Scenario {
  const r = parseScenario(templateJson(prefix));
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.scenario;
}

/** One recorded call. */
export interface Call {
  method: string;
  params: unknown;
}

type Answers = Partial<Record<Method, (params: unknown) => unknown>>;

/** Hosts made in the running test (checked after it). */
const hosts: { unexpected: Call[] }[] = [];

/** The calls no fake host of the test just ended was told to expect (checked by ../setup.ts after every test). */
export function takeUnexpectedCalls(): Call[] {
  return hosts.splice(0).flatMap((h) => h.unexpected);
}

/** What every live view asks when it mounts (the run in progress): answered "none" unless a test says otherwise. */
const ON_MOUNT: Answers = { 'sim:state': () => null };

/**
 * A fake host: answers the methods in `answers` (a value, or an ApiResult to answer an error)
 * and records every call. Any other method is refused, and the test fails after it ends.
 */
export function fakeHost(answers: Answers = {}) {
  const calls: Call[] = [];
  const unexpected: Call[] = [];
  hosts.push({ unexpected });
  const known: Answers = { ...ON_MOUNT, ...answers };
  const transport = new MemoryTransport((method, params): ApiResult<unknown> => {
    calls.push({ method, params });
    const a = isMethod(method) ? known[method] : undefined;
    if (!a) {
      unexpected.push({ method, params });
      return { ok: false, error: { code: 'bad-method', message: `the fake host was not told to expect ${method}` } };
    }
    const v = a(params);
    return v && typeof v === 'object' && 'ok' in v ? (v as ApiResult<unknown>) : { ok: true, value: v };
  });
  return { calls, transport, api: new ApiClient(transport), called: (m: string) => calls.filter((c) => c.method === m) };
}

/** Renders `ui` inside the providers, with the notices, over a fresh store. */
export function renderWith(ui: ReactNode, host = fakeHost(), store: LabStore = createLabStore()) {
  const result = render(
    <ApiProvider api={host.api}>
      <StoreProvider store={store}>
        {ui}
        <Notices />
      </StoreProvider>
    </ApiProvider>,
  );
  return { ...result, store, host };
}

/** Runs the real engine on a template and takes a snapshot every `everyMs` up to `untilMs`. */
export function engineSnapshots(prefix: string, untilMs: number, everyMs = 500, runId = 'run-1'): LiveSnapshot[] {
  let builder: SnapshotBuilder | null = null;
  const sim = new Simulation(templateScenario(prefix), { trace: (e) => builder?.onTrace(e) });
  builder = new SnapshotBuilder(sim);
  const out: LiveSnapshot[] = [];
  for (let t = everyMs; t <= untilMs; t += everyMs) {
    sim.runUntil(t * 1000);
    out.push(builder.build(runId, 'running', 1, 1));
  }
  return out;
}

/** A snapshot with nothing in it but a state (for the controls' enabled states). */
export function bareSnapshot(state: LiveSnapshot['state'], tMs = 0): LiveSnapshot {
  return {
    runId: 'run-1',
    tMs,
    durationMs: 60_000,
    state,
    speed: 1,
    achievedSpeed: 1,
    events: Math.round(tMs),
    fingerprint: `fp-${tMs}-${state}`,
    sessions: { active: 0, inOutage: 0, total: 0, affected: 0, failed: 0 },
    packets: { sent: 0, delivered: 0, lost: 0 },
    routers: {},
    links: {},
    packetsInFlight: [],
    counters: {},
    log: [],
    logDropped: 0,
    injected: [],
    series: { tMs: [], sessionsInOutage: [], activeSessions: [], deliveredPps: [], lostPps: [], controlPps: {} },
  };
}

/** Whether a control is disabled (no jest-dom here). */
export function isDisabled(el: HTMLElement): boolean {
  return (el as HTMLButtonElement).disabled === true;
}
