import { describe, expect, it } from 'vitest';
import { COUNTER_PATHS } from '../../../engine/index.ts';
import { counter, events, run, spokeHub } from '../helpers/build.ts';

const bidir = (sessions: number, ratePps = 50, extra: Record<string, unknown> = {}) => ({ protocol: 'udp', pattern: 'bidirectional', sessions, ratePps, ...extra });
const streamUp = (sessions: number, ratePps = 20) => ({ protocol: 'udp', pattern: 'stream-up', sessions, ratePps });
const hubLoss = (atMs = 5000) => ({ atMs, type: 'session-loss', node: 'hub1' });
/** Bursts whose idle gap (4 s) exceeds a 2 s inactivity timeout. */
const bursty = (sessions: number) => bidir(sessions, 20, { burst: { activeMs: 1000, idleMs: 4000 } });

describe('§4.4 inactivity-based detection', () => {
  describe('(a) packet-based hub loses its sessions under bidirectional traffic', () => {
    const scenario = () => spokeHub({ durationMs: 10_000, traffic: [bidir(5)], faults: [hubLoss()] });

    it('recovers every session by packet-based enable-metadata', () => {
      const { result } = run(scenario());
      expect(result.summary.sessions.affected).toBe(5);
      expect(result.summary.sessions.recovered).toBe(5);
      expect(result.summary.sessions.recoveredBy['packet-based']).toBe(5);
    });

    it('moves no health-check counter on any router', () => {
      const { result } = run(scenario());
      for (const id of ['spoke1', 'hub1']) {
        for (const path of COUNTER_PATHS.filter((p) => p.includes('health-check'))) expect(result.summary.counters[id]![path], `${id} ${path}`).toBe(0);
      }
    });

    it('keeps every outage under three round trips', () => {
      const { result } = run(scenario());
      const rttMs = 2 * (20 + 0.5 + 0.5);
      expect(result.summary.sessions.outageMs.max).toBeGreaterThan(0);
      expect(result.summary.sessions.outageMs.max).toBeLessThan(3 * rttMs);
    });
  });

  describe('(b) inactivity-based, 2 s timeout, hub loses its sessions', () => {
    const scenario = () => spokeHub({ mode: 'inactivity-based', timeoutSec: 2, durationMs: 12_000, traffic: [bidir(5)], faults: [hubLoss()] });

    it('has outages of about the inactivity timeout', () => {
      const { result } = run(scenario());
      expect(result.sessions.every((s) => s.outages === 1)).toBe(true);
      for (const s of result.sessions) {
        expect(s.outageMaxMs).toBeGreaterThanOrEqual(1900);
        expect(s.outageMaxMs).toBeLessThanOrEqual(3100);
      }
    });

    it('recovers every session by health check', () => {
      const { result } = run(scenario());
      expect(result.summary.sessions.recoveredBy['health-check']).toBe(5);
      expect(result.summary.sessions.failed).toBe(0);
    });

    it('has the spoke add one health check per session and exposes nothing', () => {
      const { result } = run(scenario());
      expect(counter(result, 'spoke1', 'success/metadata/added-session-health-check')).toBe(5);
      expect(result.summary.exposure.total).toBe(0);
    });
  });

  describe('(c) healthy sessions idle longer than the timeout', () => {
    const scenario = () => spokeHub({ mode: 'inactivity-based', timeoutSec: 2, durationMs: 20_000, traffic: [bursty(3)] });

    it('acknowledges every health check the spoke adds', () => {
      const { result } = run(scenario());
      const added = counter(result, 'spoke1', 'success/metadata/added-session-health-check');
      expect(added).toBeGreaterThanOrEqual(6);
      expect(counter(result, 'spoke1', 'success/metadata/received-session-health-check-acknowledgement')).toBe(added);
      expect(counter(result, 'hub1', 'success/metadata/generated-session-health-check-acknowledgement')).toBe(added);
      expect(counter(result, 'hub1', 'success/metadata/sent-session-health-check-acknowledgement')).toBe(added);
    });

    it('sends no enable-metadata, times nothing out and loses nothing', () => {
      const { result } = run(scenario());
      for (const id of ['spoke1', 'hub1']) {
        expect(counter(result, id, 'emulator/enable-metadata-sent')).toBe(0);
        expect(counter(result, id, 'failure/metadata/session-health-check-timeout')).toBe(0);
      }
      expect(result.summary.packets.lost).toBe(0);
      expect(result.summary.sessions.affected).toBe(0);
    });
  });

  describe('(d) a hub older than 6.1.0', () => {
    const scenario = () => spokeHub({ mode: 'inactivity-based', timeoutSec: 2, hubVersion: '6.0.5', durationMs: 20_000, traffic: [streamUp(1)] });

    it('never acknowledges, so every spoke check times out', () => {
      const { result } = run(scenario());
      const added = counter(result, 'spoke1', 'success/metadata/added-session-health-check');
      expect(added).toBeGreaterThan(0);
      expect(counter(result, 'spoke1', 'failure/metadata/session-health-check-timeout')).toBe(added);
      expect(counter(result, 'hub1', 'success/metadata/generated-session-health-check-acknowledgement')).toBe(0);
    });

    it('never probes itself, whatever the configured mode', () => {
      const { result } = run(spokeHub({ mode: 'inactivity-based', timeoutSec: 1, spokeVersion: '6.0.5', durationMs: 10_000, traffic: [bursty(2)] }));
      expect(counter(result, 'spoke1', 'success/metadata/added-session-health-check')).toBe(0);
    });
  });

  describe('(e) after a check times out', () => {
    it('sends the next check no sooner than inactivity-timeout after the one that timed out', () => {
      const { trace } = run(spokeHub({ mode: 'inactivity-based', timeoutSec: 2, hubVersion: '6.0.5', durationMs: 20_000, traffic: [streamUp(1)] }));
      const times = events(trace, 'health-check-added', 'spoke1').map((e) => e.tUs);
      expect(times.length).toBeGreaterThan(3);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(2_000_000);
    });

    it('sends about one check per timeout over a window, not one per ack deadline', () => {
      const { result } = run(spokeHub({ mode: 'inactivity-based', timeoutSec: 2, hubVersion: '6.0.5', durationMs: 20_000, traffic: [streamUp(1)] }));
      expect(counter(result, 'spoke1', 'success/metadata/added-session-health-check')).toBeLessThanOrEqual(20 / 2 + 1);
    });
  });

  describe('(f) an acknowledgement that arrives after its deadline', () => {
    const scenario = () => spokeHub({ mode: 'inactivity-based', timeoutSec: 1, healthCheckAckTimeoutMs: 10, wanLatencyMs: 20, durationMs: 10_000, traffic: [streamUp(1)] });

    it('is counted as stale', () => {
      const { result } = run(scenario());
      const timeouts = counter(result, 'spoke1', 'failure/metadata/session-health-check-timeout');
      expect(timeouts).toBeGreaterThan(0);
      expect(counter(result, 'spoke1', 'success/metadata/received-stale-session-health-check-acknowledgement')).toBe(timeouts);
      expect(counter(result, 'spoke1', 'success/metadata/received-session-health-check-acknowledgement')).toBe(0);
    });
  });

  describe('only an acknowledgement or enable-metadata settles a check (assumption only-ack-settles)', () => {
    it('times a check out although ordinary packets from the peer arrive', () => {
      const { result } = run(spokeHub({ mode: 'inactivity-based', timeoutSec: 1, hubVersion: '6.0.5', durationMs: 12_000, traffic: [bursty(1)] }));
      const added = counter(result, 'spoke1', 'success/metadata/added-session-health-check');
      expect(added).toBeGreaterThan(0);
      expect(counter(result, 'spoke1', 'failure/metadata/session-health-check-timeout')).toBe(added);
      expect(result.summary.packets.lost).toBe(0);
    });
  });

  describe('(g) both directions are monitored', () => {
    // TCP stream-down at one packet per 4 s: the client acknowledges every second packet, so
    // the forward flow is idle for ~8 s at a time while reverse packets keep coming.
    const scenario = () =>
      spokeHub({ hubMode: 'inactivity-based', spokeMode: 'packet-based', timeoutSec: 2, durationMs: 30_000, traffic: [{ protocol: 'tcp', pattern: 'stream-down', sessions: 1, ratePps: 0.25 }] });

    it('has the hub probe on reverse packets when the forward flow is idle', () => {
      const { result, trace } = run(scenario());
      const added = counter(result, 'hub1', 'success/metadata/added-session-health-check');
      expect(added).toBeGreaterThan(0);
      expect(events(trace, 'health-check-added', 'hub1').every((e) => String(e.detail['side']).startsWith('client-side'))).toBe(true);
    });

    it("has the spoke acknowledge the hub's checks", () => {
      const { result } = run(scenario());
      const added = counter(result, 'hub1', 'success/metadata/added-session-health-check');
      expect(counter(result, 'spoke1', 'success/metadata/sent-session-health-check-acknowledgement')).toBe(added);
      expect(counter(result, 'hub1', 'success/metadata/received-session-health-check-acknowledgement')).toBe(added);
    });

    it('has the spoke probe on forward packets when the reverse flow is idle', () => {
      const { trace } = run(spokeHub({ spokeMode: 'inactivity-based', timeoutSec: 2, durationMs: 10_000, traffic: [streamUp(1)] }));
      const probes = events(trace, 'health-check-added', 'spoke1');
      expect(probes.length).toBeGreaterThan(0);
      expect(probes.every((e) => String(e.detail['side']).startsWith('server-side'))).toBe(true);
    });
  });

  describe('(h) pinhole sessions (NAT, spoke inside)', () => {
    it('counts forward-pinhole timeouts on the hub after a NAT rebind', () => {
      const { result } = run(
        spokeHub({
          nat: true,
          spokeMode: 'packet-based',
          hubMode: 'inactivity-based',
          timeoutSec: 2,
          durationMs: 15_000,
          traffic: [bidir(2, 20)],
          faults: [{ atMs: 5000, type: 'nat-rebind', link: 'wan1' }],
        }),
      );
      const timeouts = counter(result, 'hub1', 'failure/metadata/session-health-check-timeout');
      expect(timeouts).toBeGreaterThan(0);
      expect(counter(result, 'hub1', 'failure/metadata/session-health-check-timeout-forward-pinhole-flow')).toBe(timeouts);
      expect(counter(result, 'hub1', 'service-area/received/reverse-packets-for-stuck-pinhole-session')).toBeGreaterThan(0);
    });

    it('counts forward-pinhole timeouts on the hub when an idle gap outlives the NAT binding', () => {
      const { result } = run(spokeHub({ nat: { bindingTimeoutMs: 1500 }, spokeMode: 'packet-based', hubMode: 'inactivity-based', timeoutSec: 2, durationMs: 20_000, traffic: [bursty(1)] }));
      expect(counter(result, 'hub1', 'failure/metadata/session-health-check-timeout-forward-pinhole-flow')).toBeGreaterThan(0);
      expect(counter(result, 'hub1', 'service-area/received/reverse-packets-for-stuck-pinhole-session')).toBeGreaterThan(0);
    });

    it('counts reverse-pinhole timeouts on the spoke when its checks go unanswered', () => {
      const { result } = run(spokeHub({ nat: true, mode: 'inactivity-based', timeoutSec: 2, hubVersion: '6.0.5', durationMs: 12_000, traffic: [streamUp(1)] }));
      const timeouts = counter(result, 'spoke1', 'failure/metadata/session-health-check-timeout');
      expect(timeouts).toBeGreaterThan(0);
      expect(counter(result, 'spoke1', 'failure/metadata/session-health-check-timeout-reverse-pinhole-flow')).toBe(timeouts);
      expect(counter(result, 'spoke1', 'failure/metadata/session-health-check-timeout-forward-pinhole-flow')).toBe(0);
    });

    it('counts no pinhole variant when the path has no NAT', () => {
      const { result } = run(spokeHub({ mode: 'inactivity-based', timeoutSec: 2, hubVersion: '6.0.5', durationMs: 12_000, traffic: [streamUp(1)] }));
      expect(counter(result, 'spoke1', 'failure/metadata/session-health-check-timeout')).toBeGreaterThan(0);
      expect(counter(result, 'spoke1', 'failure/metadata/session-health-check-timeout-reverse-pinhole-flow')).toBe(0);
    });
  });

  describe('(i) no buffer for a generated control packet', () => {
    it('counts session-health-check-buffer-allocation and sends no acknowledgement', () => {
      const { result } = run(spokeHub({ mode: 'inactivity-based', timeoutSec: 1, controlPacketsPerSec: 0, durationMs: 12_000, traffic: [bursty(2)] }));
      expect(counter(result, 'hub1', 'failure/metadata/session-health-check-buffer-allocation')).toBeGreaterThan(0);
      expect(counter(result, 'hub1', 'success/metadata/generated-session-health-check-acknowledgement')).toBe(0);
      expect(counter(result, 'spoke1', 'success/metadata/received-session-health-check-acknowledgement')).toBe(0);
    });

    it('counts session-health-check-buffer-allocation when enable-metadata answering a probe cannot be sent', () => {
      const { result } = run(spokeHub({ mode: 'inactivity-based', timeoutSec: 2, controlPacketsPerSec: 0, durationMs: 10_000, traffic: [bidir(2, 20)], faults: [hubLoss()] }));
      expect(counter(result, 'hub1', 'failure/metadata/session-health-check-buffer-allocation')).toBeGreaterThan(0);
      expect(counter(result, 'hub1', 'emulator/enable-metadata-sent')).toBe(0);
    });
  });

  describe('(j) per-router override: spoke packet-based, hub inactivity-based', () => {
    const half = (traffic: Record<string, unknown>) => spokeHub({ spokeMode: 'packet-based', hubMode: 'inactivity-based', durationMs: 30_000, traffic: [traffic], faults: [hubLoss()] });

    it('strands TCP request-response until the application gives up and reconnects', () => {
      const { result } = run(half({ protocol: 'tcp', pattern: 'request-response', sessions: 2, appTimeoutMs: 5000 }));
      const first = result.sessions.filter((s) => s.startMs < 5000);
      expect(first).toHaveLength(2);
      for (const s of first) {
        expect(s.gaveUp).toBe(true);
        expect(s.recoveredBy).toBe('new-session');
        expect(s.successor).not.toBeNull();
      }
      expect(result.summary.sessions.recoveredBy['new-session']).toBe(2);
    });

    it('leaves UDP sessions failed', () => {
      const { result } = run(half({ protocol: 'udp', pattern: 'bidirectional', sessions: 2, ratePps: 20 }));
      expect(result.summary.sessions.failed).toBe(2);
      expect(result.summary.sessions.recoveredBy.none).toBe(2);
      expect(result.sessions.every((s) => !s.gaveUp)).toBe(true);
    });
  });

  describe('effective settings', () => {
    it("uses a router's own inactivity timeout over the authority's", () => {
      const t = spokeHub({ mode: 'inactivity-based', timeoutSec: 10, spokeMode: { inactivityTimeoutSec: 1 }, hubVersion: '6.0.5', durationMs: 10_000, traffic: [streamUp(1)] });
      const { trace } = run(t);
      const times = events(trace, 'health-check-added', 'spoke1').map((e) => e.tUs);
      // With 10 s there would be none in a 10 s run; with 1 s (and a 1 s ack timeout) several.
      expect(times.length).toBeGreaterThanOrEqual(4);
    });

    it('uses a 5 s inactivity timeout by default', () => {
      const { trace } = run(spokeHub({ mode: 'inactivity-based', hubVersion: '6.0.5', durationMs: 20_000, traffic: [streamUp(1)] }));
      const times = events(trace, 'health-check-added', 'spoke1').map((e) => e.tUs);
      expect(times.length).toBeGreaterThanOrEqual(3);
      expect(events(trace, 'health-check-added', 'spoke1').every((e) => Number(e.detail['silentMs']) >= 5000)).toBe(true);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(5_000_000);
    });

    it('times a check out after the 1 000 ms acknowledgement deadline by default', () => {
      const { trace } = run(spokeHub({ mode: 'inactivity-based', timeoutSec: 2, hubVersion: '6.0.5', durationMs: 10_000, traffic: [streamUp(1)] }));
      const added = events(trace, 'health-check-added', 'spoke1');
      const timedOut = events(trace, 'health-check-timeout', 'spoke1');
      expect(timedOut.length).toBeGreaterThan(0);
      for (const t of timedOut) {
        const probe = added.find((a) => a.detail['nonce'] === t.detail['nonce'])!;
        expect(t.tUs - probe.tUs).toBe(1_000_000);
      }
    });

    it('probes only on real packets: a session that stopped sending is never probed again', () => {
      const { trace } = run(spokeHub({ mode: 'inactivity-based', timeoutSec: 1, hubVersion: '6.0.5', durationMs: 15_000, traffic: [{ ...streamUp(1), stopMs: 4000 }] }));
      const probes = events(trace, 'health-check-added', 'spoke1');
      expect(probes.length).toBeGreaterThan(0);
      expect(probes.every((e) => e.tUs < 4_000_000)).toBe(true);
    });
  });
});

describe('§4.6 stuck pinhole sessions', () => {
  it('counts every LAN packet for a hub pinhole session whose check timed out', () => {
    const { result, trace } = run(
      spokeHub({
        nat: true,
        spokeMode: 'packet-based',
        hubMode: 'inactivity-based',
        timeoutSec: 2,
        durationMs: 15_000,
        traffic: [bidir(1, 20)],
        faults: [{ atMs: 5000, type: 'nat-rebind', link: 'wan1' }],
      }),
    );
    const firstTimeout = events(trace, 'health-check-timeout', 'hub1')[0];
    expect(firstTimeout).toBeDefined();
    // Server packets at 20 pps from the first timeout to the end of the run.
    const expected = ((15_000_000 - firstTimeout!.tUs) / 1_000_000) * 20;
    const stuck = counter(result, 'hub1', 'service-area/received/reverse-packets-for-stuck-pinhole-session');
    expect(stuck).toBeGreaterThan(expected - 3);
    expect(stuck).toBeLessThan(expected + 3);
  });

  it('does not mark a pinhole session stuck while its checks are acknowledged', () => {
    const { result } = run(spokeHub({ nat: true, mode: 'inactivity-based', timeoutSec: 2, durationMs: 20_000, traffic: [bursty(2)] }));
    expect(counter(result, 'hub1', 'success/metadata/added-session-health-check')).toBeGreaterThan(0);
    expect(counter(result, 'hub1', 'service-area/received/reverse-packets-for-stuck-pinhole-session')).toBe(0);
  });
});
