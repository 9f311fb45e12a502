/**
 * Time travel: a seek shows exactly the run a fresh run to that moment is (picture, sessions,
 * counters, log), Step back then Step returns to the same state, every event (data-plane
 * included) is described in words, and filtered steps land on the kinds asked for.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  NumberedLog,
  parseScenarioText,
  runFaults,
  seekTimeline,
  seekView,
  sessionTable,
  Simulation,
  SnapshotBuilder,
  stepDescribed,
  Timeline,
  TimelineCursor,
  type Scenario,
  type SeekExtent,
  type SeekFault,
  type SeekTarget,
  type TraceEvent,
} from '../../../engine/index.ts';

const load = (f: string): Scenario => {
  const r = parseScenarioText(readFileSync(fileURLToPath(new URL(`../../../assets/scenarios/${f}`, import.meta.url)), 'utf8'));
  if (!r.ok) throw new Error(f);
  return r.scenario;
};

interface Travel {
  scenario: Scenario;
  timeline: Timeline;
  log: NumberedLog;
  extent: SeekExtent;
  faults: SeekFault[];
  fingerprint: string;
}

/** A whole run recorded for time travel, as the hosts do it. */
function travel(file: string): Travel {
  const scenario = load(file);
  const log = new NumberedLog();
  let sim: Simulation | null = null;
  sim = new Simulation(scenario, { trace: (e) => log.push(e, sim?.w.events ?? 0) });
  const timeline = new Timeline({ everyEvents: 5000 });
  timeline.record(sim);
  while (!sim.done) {
    for (let i = 0; i < 1000 && sim.step(); i++);
    timeline.record(sim);
  }
  const result = sim.run();
  return { scenario, timeline, log, extent: { endUs: sim.endUs, endEvents: sim.w.events }, faults: runFaults(sim), fingerprint: result.summary.fingerprint };
}

const view = (t: Travel, target: SeekTarget) =>
  seekView(seekTimeline(t.timeline, target, t.extent, t.faults), { runId: 'r', state: 'ended', speed: 1, extent: t.extent, faults: t.faults, log: t.log, limit: 200 });

/** A fresh run to exactly `n` events, with its log. */
function freshToEvent(s: Scenario, n: number): { sim: Simulation; log: TraceEvent[] } {
  const log: TraceEvent[] = [];
  const sim = new Simulation(s, { trace: (e) => log.push(e) });
  while (sim.w.events < n && sim.step());
  return { sim, log };
}

describe('time travel over a recorded run', () => {
  let t: Travel;
  beforeAll(() => {
    t = travel('01-spoke-and-hub-session-loss-packet-based.srlab.json');
  });

  it('shows at any time exactly what a fresh run to that time shows', () => {
    for (const tMs of [0, 7_777, 19_999, 20_000, 20_001, 45_000]) {
      const v = view(t, { tUs: tMs * 1000 });
      const fresh = new Simulation(t.scenario);
      fresh.runUntil(tMs * 1000);
      const picture = new SnapshotBuilder(fresh).build('r', 'ended', 1, 0, true);
      expect(v.snapshot.events).toBe(fresh.w.events);
      expect(v.snapshot.fingerprint).toBe(fresh.w.fp.hex());
      expect(v.snapshot.routers).toEqual(picture.routers);
      expect(v.snapshot.links).toEqual(picture.links);
      expect(v.snapshot.packetsInFlight).toEqual(picture.packetsInFlight);
      expect(v.snapshot.counters).toEqual(picture.counters);
      expect(v.snapshot.series).toEqual(picture.series);
      expect(v.sessions['hub1']).toEqual(sessionTable(fresh, 'hub1'));
      if (fresh.w.events > 0) expect(v.event?.n).toBe(fresh.w.events);
    }
  });

  it('keeps the sessions the hub had before its fault, and none just after it', () => {
    const fault = t.faults.find((f) => f.fault.type === 'session-loss')!;
    const before = view(t, { tUs: fault.atMs * 1000 - 1 });
    const after = view(t, { fault: fault.index });
    expect(before.sessions['hub1']!.length).toBeGreaterThan(0);
    expect(after.sessions['hub1']).toEqual([]);
    expect(after.event?.category).toBe('fault');
    expect(after.event?.rules).toContain('§4.1 session-loss');
    expect(after.event?.text).toMatch(/hub1/);
  });

  it('returns the event log up to the moment, as a fresh run wrote it', () => {
    const n = 40_000;
    const v = view(t, { event: n });
    const fresh = freshToEvent(t.scenario, n);
    expect(v.snapshot.log).toEqual(fresh.log.slice(-500));
    expect(v.snapshot.logDropped).toBe(Math.max(0, fresh.log.length - 500));
  });

  it('Step back then Step returns to the same state', () => {
    for (const n of [1, 2, 999, 34_500, t.extent.endEvents]) {
      const here = view(t, { event: n });
      const back = view(t, { step: 'back', from: n });
      expect(back.snapshot.events).toBe(n - 1);
      const again = view(t, { step: 'forward', from: back.snapshot.events });
      expect(again).toEqual(here);
    }
  });

  it('describes every kind of event in words, data-plane packets included', () => {
    const s = t.timeline.atEvent(0);
    const seen = new Map<string, string>();
    for (let i = 0; i < 3000; i++) {
      const e = stepDescribed(s)!;
      if (!seen.has(e.category)) seen.set(e.category, e.text);
      if (e.category === 'data' && e.packet?.session !== undefined && e.packet.session >= 0) {
        expect(e.text).toContain(`session ${e.packet.session}`);
        expect(e.text).toContain(`arrives at ${e.packet.to} over ${e.packet.link} from ${e.packet.from}`);
      }
    }
    expect([...seen.keys()].sort()).toEqual(expect.arrayContaining(['app', 'control', 'data', 'sample', 'timer']));
    expect(seen.get('control')).toMatch(/BFD packet .* arrives at/);
  });

  it('describing an event leaves the run exactly as a plain step does', () => {
    const a = t.timeline.atEvent(30_000);
    const b = t.timeline.atEvent(30_000);
    for (let i = 0; i < 5000; i++) {
      stepDescribed(a);
      b.step();
    }
    expect(a.w.fp.hex()).toBe(b.w.fp.hex());
    expect(a.run().summary.fingerprint).toBe(t.fingerprint);
  });

  it('steps to the next and previous event of the kinds shown', () => {
    const fault = t.faults[0]!;
    const toFault = view(t, { step: 'forward', from: 100, categories: ['fault'] });
    expect(toFault.event?.category).toBe('fault');
    expect(toFault.event?.tUs).toBe(fault.atMs * 1000);
    const backToFault = view(t, { step: 'back', from: t.extent.endEvents, categories: ['fault'] });
    expect(backToFault.snapshot.events).toBe(toFault.snapshot.events);
    const control = view(t, { step: 'back', from: 20_000, categories: ['control'] });
    expect(control.event?.category).toBe('control');
    expect(control.snapshot.events).toBeLessThan(20_000);
    // Nothing between: the previous control event is the last one before 20 000.
    const next = view(t, { step: 'forward', from: control.snapshot.events, categories: ['control'] });
    expect(next.snapshot.events).toBeGreaterThanOrEqual(20_000);
    const none = view(t, { step: 'back', from: 100, categories: ['fault'] });
    expect(none.note).toMatch(/no earlier event/);
    expect(none.snapshot.events).toBe(100);
  });

  it('goes on from the copy shown last (a cursor) and shows exactly what restoring a copy shows', () => {
    const cursor = new TimelineCursor(t.timeline, 5000);
    const targets: SeekTarget[] = [
      { event: 1000 },
      { step: 'forward', from: 1000 },
      { step: 'forward', from: 1001 },
      { tUs: 300_000 },
      { tUs: 310_000 },
      { step: 'back', from: 2000 },
      { tUs: 19_999_000 },
      { fault: 0 },
      { event: 34_500 },
      { tUs: 59_000_000 },
      { tUs: 59_000_500 },
    ];
    for (const target of targets) {
      const pos = seekTimeline(cursor, target, t.extent, t.faults);
      const plain = seekTimeline(t.timeline, target, t.extent, t.faults);
      expect([pos.sim.w.events, pos.sim.nowUs, pos.sim.w.fp.hex()]).toEqual([plain.sim.w.events, plain.sim.nowUs, plain.sim.w.fp.hex()]);
      expect(pos.event).toEqual(plain.event);
      cursor.keep(pos.sim);
    }
  });

  it('after showing the start, a far moment restores a copy near it instead of running the whole way from the start', () => {
    // The copy kept at 0 s has seen no events: its own rate says nothing about how far 50 s is.
    const reach = 5000;
    const cursor = new TimelineCursor(t.timeline, reach);
    const start = cursor.at(0);
    cursor.keep(start);
    const far = cursor.at(50_000_000);
    expect(far).not.toBe(start);
    expect(t.extent.endEvents).toBeGreaterThan(10 * reach); // 50 s is far beyond the reach
    // A moment just after the one shown still goes on from it.
    cursor.keep(far);
    expect(cursor.at(50_001_000)).toBe(far);
  });

  it("steps back through copies of its own when the timeline's are far apart, showing what restoring shows", () => {
    // Copies 100 000 events apart (as on a big run): steps back keep copies near where they went.
    const cursor = new TimelineCursor(t.timeline, 100_000);
    let n = 50_000;
    cursor.keep(seekTimeline(cursor, { event: n }, t.extent, t.faults).sim);
    for (let i = 0; i < 6; i++) {
      const target: SeekTarget = i === 3 ? { tUs: 20_000_000 } : { step: 'back', from: n };
      const pos = seekTimeline(cursor, target, t.extent, t.faults);
      const plain = seekTimeline(t.timeline, target, t.extent, t.faults);
      expect([pos.sim.w.events, pos.sim.w.fp.hex(), pos.event]).toEqual([plain.sim.w.events, plain.sim.w.fp.hex(), plain.event]);
      cursor.keep(pos.sim);
      n = pos.sim.w.events;
    }
    expect(cursor.atEvent(n + 10).run().summary.fingerprint).toBe(t.fingerprint);
  });

  it('describes the last event before a time whether or not it falls in the last stretch', () => {
    // A sparse run (templates: about 1 700 events a second) and times between events.
    for (const tUs of [1_234_567, 20_000_000, 20_000_001, 33_333_333]) {
      const pos = seekTimeline(t.timeline, { tUs }, t.extent, t.faults);
      const n = pos.sim.w.events;
      const again = seekTimeline(t.timeline, { event: n }, t.extent, t.faults);
      expect(pos.event).toEqual(again.event);
      expect(pos.event!.tUs).toBeLessThanOrEqual(tUs);
      expect(pos.sim.nowUs).toBe(tUs);
    }
  });

  it('never goes past the extent it is given (a paused live run stands somewhere)', () => {
    const extent = { endUs: 10_000_000, endEvents: 0 };
    const head = freshToEvent(t.scenario, 0).sim;
    head.runUntil(extent.endUs);
    extent.endEvents = head.w.events;
    const v = seekView(seekTimeline(t.timeline, { tUs: 50_000_000 }, extent, t.faults), { runId: null, state: 'paused', speed: 1, extent, faults: t.faults, log: t.log, limit: 10 });
    expect(v.snapshot.events).toBe(head.w.events);
    expect(v.extent).toEqual({ endMs: 10_000, endEvents: head.w.events });
    const past = seekTimeline(t.timeline, { step: 'forward', from: head.w.events }, extent);
    expect(past.note).toMatch(/as far as the run has gone/);
  });
});

describe('NumberedLog', () => {
  it('gives the newest entries up to an event and counts the ones left out', () => {
    const log = new NumberedLog(4);
    const e = (i: number): TraceEvent => ({ tUs: i, node: 'n', kind: `k${i}`, session: -1, detail: {} });
    [1, 1, 3, 7, 9].forEach((n, i) => log.push(e(i), n));
    expect(log.seen).toBe(5);
    expect(log.upTo(3, 10).log.map((x) => x.kind)).toEqual(['k0', 'k1', 'k2']);
    expect(log.upTo(2, 1)).toEqual({ log: [e(1)], dropped: 1 });
    expect(log.upTo(0).log).toEqual([]);
    expect(log.upTo(100).log).toHaveLength(4);
  });
});
