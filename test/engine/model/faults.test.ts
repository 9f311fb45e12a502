import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../engine/index.ts';
import { counter, events, liveCounter, routerRt, wanSides, run, spokeHub } from '../helpers/build.ts';

const bidir = (sessions: number, ratePps = 50) => ({ protocol: 'udp', pattern: 'bidirectional', sessions, ratePps });

describe('§4.1 node-restart', () => {
  const restart = () => spokeHub({ durationMs: 10_000, traffic: [bidir(3)], faults: [{ atMs: 3000, type: 'node-restart', node: 'hub1', downtimeMs: 2000 }] });

  it('drops every packet that reaches the router while it is down (lost by node-down)', () => {
    const { result } = run(restart());
    // 3 sessions × 50 pps × 2 s, forward only (the server hears nothing to answer).
    expect(result.summary.packets.lostBy['node-down']).toBeGreaterThanOrEqual(250);
  });

  it('empties the session tables while down', () => {
    const sim = new Simulation(restart());
    sim.runUntil(2_999_000);
    expect(routerRt(sim, 'hub1').lan.size).toBe(3);
    sim.runUntil(3_500_000);
    const hub = routerRt(sim, 'hub1');
    expect(hub.up).toBe(false);
    expect(hub.lan.size).toBe(0);
    expect(hub.wan.size).toBe(0);
  });

  it('comes back after downtimeMs with a new boot epoch', () => {
    const sim = new Simulation(restart());
    const before = routerRt(sim, 'hub1').epoch;
    sim.runUntil(4_999_999);
    expect(routerRt(sim, 'hub1').up).toBe(false);
    sim.runUntil(5_000_000);
    expect(routerRt(sim, 'hub1').up).toBe(true);
    expect(routerRt(sim, 'hub1').epoch).toBeGreaterThan(before);
  });

  it('comes back with empty tables that only new metadata fills', () => {
    const sim = new Simulation(
      spokeHub({ mode: 'inactivity-based', timeoutSec: 60, durationMs: 6000, traffic: [bidir(3)], faults: [{ atMs: 3000, type: 'node-restart', node: 'hub1', downtimeMs: 500 }] }),
    );
    sim.runUntil(3_500_000);
    expect(routerRt(sim, 'hub1').lan.size).toBe(0);
    const createdBefore = liveCounter(sim, 'hub1', 'emulator/sessions-created');
    sim.run();
    expect(liveCounter(sim, 'hub1', 'emulator/sessions-created')).toBe(createdBefore + 3);
  });
});

describe('§4.1 session-loss', () => {
  it('wipes exactly round(n × fraction) sessions: 5 of 10 at 0.5', () => {
    const sim = new Simulation(spokeHub({ durationMs: 4000, traffic: [bidir(10, 10)], faults: [{ atMs: 2000, type: 'session-loss', node: 'hub1', fraction: 0.5 }] }));
    sim.runUntil(2_000_000);
    expect(routerRt(sim, 'hub1').lan.size).toBe(5);
    expect(liveCounter(sim, 'hub1', 'emulator/sessions-lost')).toBe(5);
  });

  it('wipes exactly round(n × fraction) sessions: 4 of 7 at 0.5', () => {
    const { result } = run(spokeHub({ durationMs: 4000, traffic: [bidir(7, 10)], faults: [{ atMs: 2000, type: 'session-loss', node: 'hub1', fraction: 0.5 }] }));
    expect(counter(result, 'hub1', 'emulator/sessions-lost')).toBe(4);
  });

  it('affects only the sessions it wiped', () => {
    const { result } = run(spokeHub({ durationMs: 5000, traffic: [bidir(10)], faults: [{ atMs: 2000, type: 'session-loss', node: 'hub1', fraction: 0.5 }] }));
    expect(result.summary.sessions.affected).toBe(5);
  });

  it('causes no outage of the router and no BFD change', () => {
    const { result, trace } = run(spokeHub({ durationMs: 8000, traffic: [bidir(3)], faults: [{ atMs: 2000, type: 'session-loss', node: 'hub1' }] }));
    expect(result.summary.packets.lostBy['node-down']).toBe(0);
    for (const id of ['spoke1', 'hub1']) {
      expect(counter(result, id, 'emulator/bfd-path-down')).toBe(0);
      expect(counter(result, id, 'emulator/bfd-peer-restart-detected')).toBe(0);
    }
    expect(events(trace, 'bfd-down')).toHaveLength(0);
  });
});

describe('§4.1 nat-rebind', () => {
  it('makes the outside router see unknown outer tuples from the inside router', () => {
    const { result, trace } = run(
      spokeHub({ nat: true, hubMode: 'inactivity-based', spokeMode: 'packet-based', durationMs: 6000, traffic: [bidir(2)], faults: [{ atMs: 3000, type: 'nat-rebind', link: 'wan1' }] }),
    );
    const drops = events(trace, 'no-flow-dropped-silently', 'hub1');
    expect(counter(result, 'hub1', 'emulator/no-flow-dropped-silently')).toBeGreaterThan(0);
    expect(drops.length).toBeGreaterThan(0);
    expect(drops.every((e) => e.tUs >= 3_000_000)).toBe(true);
  });

  it("sends the inside router's next packets from new public ports", () => {
    const sim = new Simulation(spokeHub({ nat: true, durationMs: 6000, traffic: [bidir(2)], faults: [{ atMs: 3000, type: 'nat-rebind', link: 'wan1' }] }));
    sim.runUntil(2_900_000);
    const before = new Set(wanSides(sim, 'hub1').map((s) => s.peerPort));
    sim.run();
    const after = wanSides(sim, 'hub1').map((s) => s.peerPort);
    expect(after).toHaveLength(2);
    for (const port of after) expect(before.has(port)).toBe(false);
  });
});

describe('§4.1 link faults (scenario-format)', () => {
  it('loses packets in flight and sent while a link flaps', () => {
    const { result } = run(spokeHub({ durationMs: 6000, traffic: [bidir(2)], faults: [{ atMs: 1000, type: 'link-flap', link: 'wan1', downMs: 300, upMs: 700, count: 3 }] }));
    expect(result.summary.packets.lostBy['link-down']).toBeGreaterThan(0);
    expect(result.summary.sessions.failed).toBe(0);
  });

  it('adds loss on an impaired link and restores it after durationMs', () => {
    const { result } = run(spokeHub({ durationMs: 8000, traffic: [bidir(4)], faults: [{ atMs: 1000, type: 'link-impair', link: 'wan1', direction: 'both', lossPct: 50, durationMs: 2000 }] }));
    const lost = result.summary.packets.lostBy['link-loss'];
    // ≈ 4 sessions × 100 pps × 2 s × 50 %: hundreds, and none after the impairment ends.
    expect(lost).toBeGreaterThan(250);
    expect(lost).toBeLessThan(550);
    expect(result.series.lostPps.slice(40).every((x) => x === 0)).toBe(true);
  });

  it('keeps a permanent impairment after a later, shorter one on the other direction ends', () => {
    // durationMs null: the a-to-b loss lasts to the end of the run, whatever happens b-to-a.
    const { result } = run(
      spokeHub({
        durationMs: 8000,
        traffic: [bidir(2)],
        faults: [
          { atMs: 1000, type: 'link-impair', link: 'wan1', direction: 'a-to-b', lossPct: 100, durationMs: null },
          { atMs: 2000, type: 'link-impair', link: 'wan1', direction: 'b-to-a', latencyMs: 50, durationMs: 1000 },
        ],
      }),
    );
    // Samples 51–80 cover 5–8 s: the spoke's 2 × 50 pps keep being lost.
    const lostLate = result.series.lostPps.slice(50).reduce((a, b) => a + b, 0) / 10;
    expect(lostLate).toBeGreaterThan(250);
  });

  it('ends an impairment after its own durationMs even while a later one is still active', () => {
    const { result } = run(
      spokeHub({
        durationMs: 8000,
        traffic: [bidir(2)],
        faults: [
          { atMs: 1000, type: 'link-impair', link: 'wan1', direction: 'both', lossPct: 100, durationMs: 1000 },
          { atMs: 1500, type: 'link-impair', link: 'wan1', direction: 'both', latencyMs: 30, durationMs: 6000 },
        ],
      }),
    );
    // The 100 % loss ends at 2 s; from 3 s on nothing should be lost.
    const lostLate = result.series.lostPps.slice(30).reduce((a, b) => a + b, 0);
    expect(lostLate).toBe(0);
  });
});
