import { describe, expect, it } from 'vitest';
import { counter, dualHub, events, wanSides, run, spokeHub } from '../helpers/build.ts';

const bidir = (sessions: number, ratePps = 20) => ({ protocol: 'udp', pattern: 'bidirectional', sessions, ratePps });
/** Inactivity-based with a long timeout, so neither enable-metadata path acts before BFD. */
const slowDetection = { mode: 'inactivity-based' as const, timeoutSec: 60 };
const hubRestart = (downtimeMs: number, node = 'hub1') => ({ atMs: 5000, type: 'node-restart', node, downtimeMs });

describe('§4.5 peer liveness (BFD)', () => {
  describe('a hub restart longer than the detection time', () => {
    const scenario = () => spokeHub({ ...slowDetection, durationMs: 25_000, traffic: [bidir(3)], faults: [hubRestart(5000)] });

    it('marks the path down on the spoke, then up again', () => {
      const { result } = run(scenario());
      expect(counter(result, 'spoke1', 'emulator/bfd-path-down')).toBe(1);
      expect(counter(result, 'spoke1', 'emulator/bfd-path-up')).toBe(1);
    });

    it('declares the path down within (multiplier + 1) intervals of the last packet heard', () => {
      const { trace } = run(scenario());
      const down = events(trace, 'bfd-down', 'spoke1')[0]!;
      expect(down.tUs).toBeGreaterThanOrEqual(5_000_000 + 2_000_000);
      expect(down.tUs).toBeLessThanOrEqual(5_000_000 + 4_000_000);
    });

    it('brings the path up only after the hold-down', () => {
      const { trace } = run(scenario());
      const back = events(trace, 'node-up', 'hub1')[0]!;
      const up = events(trace, 'bfd-up', 'spoke1')[0]!;
      expect(up.tUs - back.tUs).toBeGreaterThanOrEqual(5_000_000);
      expect(up.tUs - back.tUs).toBeLessThanOrEqual(5_000_000 + 1_100_000);
    });

    it("detects the peer's new boot epoch and recovers the sessions by bfd", () => {
      const { result } = run(scenario());
      expect(counter(result, 'spoke1', 'emulator/bfd-peer-restart-detected')).toBe(1);
      expect(result.summary.sessions.affected).toBe(3);
      expect(result.summary.sessions.recoveredBy.bfd).toBe(3);
      expect(result.summary.sessions.failed).toBe(0);
    });

    it('uses the knobs: a longer hold-down delays the path coming back', () => {
      const { trace } = run(spokeHub({ ...slowDetection, bfd: { holdDownMs: 8000 }, durationMs: 25_000, traffic: [bidir(1)], faults: [hubRestart(5000)] }));
      const back = events(trace, 'node-up', 'hub1')[0]!;
      const up = events(trace, 'bfd-up', 'spoke1')[0]!;
      expect(up.tUs - back.tUs).toBeGreaterThanOrEqual(8_000_000);
    });
  });

  describe('a hub restart shorter than the detection time', () => {
    it('keeps the path up but still detects the new epoch and re-opens the hops', () => {
      const { result } = run(spokeHub({ ...slowDetection, durationMs: 10_000, traffic: [bidir(2)], faults: [hubRestart(1000)] }));
      expect(counter(result, 'spoke1', 'emulator/bfd-path-down')).toBe(0);
      expect(counter(result, 'spoke1', 'emulator/bfd-peer-restart-detected')).toBe(1);
      expect(result.summary.sessions.recoveredBy.bfd).toBe(2);
    });
  });

  describe('BFD packets cross the link like any other packet', () => {
    it('takes the path down on both sides when the link loses everything', () => {
      const { result } = run(spokeHub({ durationMs: 12_000, faults: [{ atMs: 2000, type: 'link-impair', link: 'wan1', direction: 'both', lossPct: 100, durationMs: 5000 }] }));
      for (const id of ['spoke1', 'hub1']) {
        expect(counter(result, id, 'emulator/bfd-path-down')).toBe(1);
        expect(counter(result, id, 'emulator/bfd-path-up')).toBe(0);
      }
    });

    it('takes down only the side that stops hearing its peer on a one-way loss', () => {
      const { result } = run(spokeHub({ durationMs: 12_000, faults: [{ atMs: 2000, type: 'link-impair', link: 'wan1', direction: 'a-to-b', lossPct: 100, durationMs: 5000 }] }));
      expect(counter(result, 'hub1', 'emulator/bfd-path-down')).toBe(1);
      expect(counter(result, 'spoke1', 'emulator/bfd-path-down')).toBe(0);
    });
  });

  describe('dual hub failover', () => {
    const scenario = () => dualHub({ ...slowDetection, durationMs: 20_000, traffic: [bidir(3)], faults: [hubRestart(12_000)] });

    it('moves the sessions to hub2 and credits failover', () => {
      const { result } = run(scenario());
      expect(counter(result, 'spoke1', 'emulator/failover')).toBe(3);
      expect(counter(result, 'hub2', 'emulator/sessions-created')).toBe(3);
      expect(result.summary.sessions.recoveredBy.failover).toBe(3);
    });

    it('keeps traffic flowing while hub1 is still down', () => {
      const { result } = run(scenario());
      // Samples every 100 ms: 10–15 s is after the failover and before hub1 returns.
      const window = result.series.deliveredPps.slice(100, 150);
      expect(window.every((pps) => pps > 0)).toBe(true);
      expect(result.summary.sessions.failed).toBe(0);
    });

    it('sends new sessions to the hub that is still up', () => {
      const { result } = run(dualHub({ ...slowDetection, durationMs: 12_000, traffic: [{ ...bidir(2), startMs: 9000 }], faults: [hubRestart(12_000)] }));
      expect(counter(result, 'hub2', 'emulator/sessions-created')).toBe(2);
      expect(counter(result, 'hub1', 'emulator/sessions-created')).toBe(0);
    });
  });

  describe('no other path (assumption no-other-path)', () => {
    it('keeps using the only path that BFD marked down', () => {
      const { result } = run(spokeHub({ ...slowDetection, durationMs: 15_000, traffic: [bidir(2)], faults: [{ atMs: 3000, type: 'link-down', link: 'wan1', durationMs: 5000 }] }));
      expect(counter(result, 'spoke1', 'emulator/bfd-path-down')).toBe(1);
      expect(counter(result, 'spoke1', 'emulator/failover')).toBe(0);
      expect(result.summary.sessions.failed).toBe(0);
      expect(result.summary.sessions.recoveredBy.none).toBe(2);
    });
  });

  describe('across NAT', () => {
    /** client2 behind the hub asks server2 behind the spoke: the hub would have to open the hop. */
    const reverseTraffic = (nat: boolean) =>
      spokeHub({
        nat,
        durationMs: 5000,
        edit: (raw) => {
          raw.nodes.push({ id: 'client2', kind: 'client' }, { id: 'server2', kind: 'server' });
          raw.links.push({ id: 'lan3', a: 'client2', b: 'hub1' }, { id: 'lan4', a: 'spoke1', b: 'server2' });
          raw.traffic.push({ id: 'back', from: 'client2', to: 'server2', protocol: 'udp', pattern: 'bidirectional', ratePps: 20 });
        },
      });

    it("lets the outside hub open a hop only through the pinhole the inside spoke's BFD keeps open", () => {
      const { sim, result } = run(reverseTraffic(true));
      expect(counter(result, 'hub1', 'emulator/sessions-created')).toBe(1);
      expect(counter(result, 'spoke1', 'emulator/sessions-created')).toBe(1);
      // Until the spoke's first BFD packet opens the pinhole (within the first second) the hub has no way there.
      expect(result.summary.packets.lostAt['hub1']?.['no-flow']).toBe(result.summary.packets.lost);
      expect(result.summary.packets.lost).toBeLessThan(20);
      expect(result.summary.packets.delivered).toBeGreaterThan(100);
      // The hub sends to the NAT's public port of the spoke's BFD binding; the spoke answers from its BFD port.
      const [hubSide] = wanSides(sim, 'hub1');
      expect(hubSide!.peerAddr).not.toBe(sim.w.nodeIds.indexOf('spoke1') + 1);
      const [spokeSide] = wanSides(sim, 'spoke1');
      expect(spokeSide!.localPort).toBe(1280);
    });

    it('lets the hub open the same hop when there is no NAT', () => {
      const { result } = run(reverseTraffic(false));
      expect(counter(result, 'hub1', 'emulator/sessions-created')).toBe(1);
      expect(result.summary.packets.delivered).toBeGreaterThan(0);
    });

    it('keeps a healthy NAT path up on both sides', () => {
      const { result } = run(spokeHub({ nat: { bindingTimeoutMs: 1500 }, durationMs: 20_000 }));
      for (const id of ['spoke1', 'hub1']) expect(counter(result, id, 'emulator/bfd-path-down')).toBe(0);
      expect(counter(result, 'spoke1', 'emulator/nat-dropped')).toBe(0);
    });

    it("lets the inside spoke detect the hub's restart", () => {
      const { result } = run(spokeHub({ ...slowDetection, nat: true, durationMs: 15_000, traffic: [bidir(2)], faults: [hubRestart(1000)] }));
      expect(counter(result, 'spoke1', 'emulator/bfd-peer-restart-detected')).toBe(1);
      expect(result.summary.sessions.recoveredBy.bfd).toBe(2);
    });
  });
});
