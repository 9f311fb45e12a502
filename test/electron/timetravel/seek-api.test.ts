/**
 * Time travel through the API: `sim:seek` over the paused live run (its worker's timeline) and
 * `runs:seek` over a stored run (re-run in the seek worker): each shows what a fresh run to
 * that moment shows, Step back then Step returns to the same state, a live fault injected
 * while paused is part of the past shown, bad params are refused with a clear message.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type RunDatabase } from '../../../electron/services/db/index.ts';
import { createApi } from '../../../electron/services/api/handlers.ts';
import { LiveRunner } from '../../../electron/services/live/runner.ts';
import { SeekService } from '../../../electron/services/timetravel/seek-service.ts';
import { parseScenario, sessionTable, Simulation, type Fault, type Scenario, type SeekView } from '../../../engine/index.ts';
import { until, value } from '../api-helpers.ts';

const TEMPLATE = JSON.parse(readFileSync(new URL('../../../assets/scenarios/01-spoke-and-hub-session-loss-packet-based.srlab.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const parsed = parseScenario(TEMPLATE);
if (!parsed.ok) throw new Error('template does not load');
const SCENARIO: Scenario = parsed.scenario;

let dir: string;
let db: RunDatabase;
let runner: LiveRunner;
let seek: SeekService;
let api: ReturnType<typeof createApi>;
const events: { event: string; payload: unknown }[] = [];

/** A fresh run of the template to exactly `n` events (with the live faults given). */
function fresh(n: number, liveFaults: { atMs: number; fault: Fault }[] = []): Simulation {
  const sim = new Simulation(SCENARIO, { liveFaults });
  while (sim.w.events < n && sim.step());
  return sim;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'srlab-seek-'));
  db = openDatabase(join(dir, 'runs.db'));
  runner = new LiveRunner(db, (event, payload) => events.push({ event, payload }));
  seek = new SeekService(db);
  api = createApi({ db, dbPath: join(dir, 'runs.db'), runner, host: 'memory', appVersion: '0.0.0', seek });
});

afterAll(async () => {
  await runner.close();
  await seek.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sim:seek (the paused live run)', () => {
  it('shows any moment up to where the run stands, steps both ways, and keeps a live fault in the past it shows', async () => {
    value(await api.call('sim:start', { scenario: TEMPLATE, paused: true }));
    // Seeking is refused while nothing is paused yet? The run starts paused: allowed, at event 0.
    const start = value(await api.call('sim:seek', { event: 0 }));
    expect(start.snapshot.events).toBe(0);
    expect(start.event).toBeNull();
    for (let i = 0; i < 3; i++) value(await api.call('sim:step', { events: 10_000 }));
    const head = value(await api.call('sim:state'))!;
    expect(head.events).toBe(30_000);

    const at = value(await api.call('sim:seek', { event: 12_345 }));
    const f = fresh(12_345);
    expect(at.snapshot.fingerprint).toBe(f.w.fp.hex());
    expect(at.sessions['hub1']).toEqual(sessionTable(f, 'hub1'));
    expect(at.event?.n).toBe(12_345);
    expect(at.event?.text.length).toBeGreaterThan(10);
    expect(at.extent).toEqual({ endMs: head.tMs, endEvents: 30_000 });
    expect(at.snapshot.state).toBe('paused');

    // Step back then Step: the same state.
    const back = value(await api.call('sim:seek', { step: 'back', from: 12_345 }));
    expect(back.snapshot.events).toBe(12_344);
    const again = value(await api.call('sim:seek', { step: 'forward', from: 12_344 }));
    expect({ ...again, wallMs: 0 }).toEqual({ ...at, wallMs: 0 });

    // Never past where the run stands.
    const future = value(await api.call('sim:seek', { tUs: 55_000_000 }));
    expect(future.snapshot.events).toBe(30_000);

    // A fault injected now is in the past a later seek shows.
    const fault: Fault = { type: 'node-restart', node: 'hub1', downtimeMs: 2000, atMs: 0 };
    const injected = value(await api.call('sim:inject', { fault }));
    value(await api.call('sim:step', { events: 5000 }));
    const after = value(await api.call('sim:seek', { event: 34_000 }));
    const withFault = fresh(34_000, [{ atMs: injected.atMs, fault: { ...fault, atMs: injected.atMs } }]);
    expect(after.snapshot.fingerprint).toBe(withFault.w.fp.hex());
    expect(after.snapshot.routers['hub1']).toMatchObject({ up: withFault.w.routerList.find((r) => r.id === 'hub1')!.up });
    expect(after.faults.some((x) => x.source === 'live' && x.fault.type === 'node-restart')).toBe(true);

    // A running run moves on: time travel is refused until it is paused again.
    value(await api.call('sim:resume'));
    const refused = await api.call('sim:seek', { event: 10 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('conflict');
      expect(refused.error.message).toMatch(/pause/);
    }
    await api.call('sim:stop');
    const gone = await api.call('sim:seek', { event: 10 });
    expect(gone.ok ? null : gone.error.code).toBe('conflict');
  });

  it('refuses a seek that names no target, or two, saying which', async () => {
    const none = await api.call('sim:seek', {} as never);
    expect(none.ok ? null : none.error).toMatchObject({ code: 'bad-params', message: expect.stringMatching(/exactly one of tUs, event, fault or step/) });
    const two = await api.call('sim:seek', { tUs: 5, event: 3 });
    expect(two.ok ? null : two.error.message).toMatch(/got tUs, event/);
    const stepNoFrom = await api.call('sim:seek', { step: 'back' } as never);
    expect(stepNoFrom.ok ? null : stepNoFrom.error.message).toMatch(/from: step needs from/);
    const badKind = await api.call('sim:seek', { step: 'back', from: 3, categories: ['packets'] } as never);
    expect(badKind.ok ? null : badKind.error.message).toMatch(/categories/);
  });
});

describe('runs:seek (a stored run)', () => {
  let runId: string;
  beforeAll(async () => {
    events.length = 0;
    runId = value(await api.call('sim:start', { scenario: TEMPLATE, speed: 'max' })).runId!;
    await until('the run', () => events.some((e) => e.event === 'sim:ended'));
  });

  it('scrubbing back to before the fault shows the sessions the hub had then', async () => {
    const fault = SCENARIO.faults[0]!;
    const before = value(await api.call('runs:seek', { runId, tUs: fault.atMs * 1000 - 1 }));
    const after = value(await api.call('runs:seek', { runId, fault: 0 }));
    const f = new Simulation(SCENARIO);
    f.runUntil(fault.atMs * 1000 - 1);
    expect(before.sessions['hub1']).toEqual(sessionTable(f, 'hub1'));
    expect(before.sessions['hub1']!.length).toBeGreaterThan(0);
    expect(after.sessions['hub1']).toEqual([]);
    expect(after.event?.text).toMatch(/session-loss/);
    expect(before.snapshot.state).toBe('ended');
    expect(before.faults).toHaveLength(1);
    expect(before.extent.endMs).toBe(SCENARIO.durationMs);
  });

  it("Step back then Step returns to the same state, and the last event is the run's last", async () => {
    const here: SeekView = value(await api.call('runs:seek', { runId, event: 50_000 }));
    const back = value(await api.call('runs:seek', { runId, step: 'back', from: 50_000 }));
    const again = value(await api.call('runs:seek', { runId, step: 'forward', from: back.snapshot.events }));
    expect({ ...again, wallMs: 0 }).toEqual({ ...here, wallMs: 0 });
    const end = value(await api.call('runs:seek', { runId, tUs: 86_400_000_000 }));
    const whole = new Simulation(SCENARIO).run();
    expect(end.snapshot.events).toBe(whole.summary.events);
    expect(end.snapshot.fingerprint).toBe(whole.summary.fingerprint);
  });

  it("answers one router's table when asked, and not-found for an unknown run", async () => {
    const one = value(await api.call('runs:seek', { runId, tUs: 10_000_000, router: 'spoke1', limit: 3 }));
    expect(Object.keys(one.sessions)).toEqual(['spoke1']);
    expect(new Set(one.sessions['spoke1']!.map((r) => r.session)).size).toBe(3);
    const missing = await api.call('runs:seek', { runId: 'nope', tUs: 0 });
    expect(missing.ok ? null : missing.error.code).toBe('not-found');
  });
});
