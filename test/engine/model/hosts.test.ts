import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../engine/index.ts';
import { run, spokeHub, timesOfChange } from '../helpers/build.ts';

/** Send times (µs) of session 0's packets that fall inside [fromUs, toUs). */
function sendTimes(scenario: ReturnType<typeof spokeHub>, fromUs: number, toUs: number): { times: number[]; deliveredInWindow: number } {
  const sim = new Simulation(scenario);
  sim.runUntil(fromUs);
  const app = () => sim.w.apps[0]!;
  const delivered0 = app().delivered;
  const times: number[] = [];
  let last = app().sent;
  while (sim.peekUs() < toUs && sim.step()) {
    if (app().sent !== last) {
      times.push(sim.nowUs);
      last = app().sent;
    }
  }
  return { times, deliveredInWindow: app().delivered - delivered0 };
}

describe('§5 request-response', () => {
  const outage = (protocol: 'tcp' | 'udp') =>
    spokeHub({
      durationMs: 20_000,
      traffic: [{ protocol, pattern: 'request-response', sessions: 1, intervalMs: 1000, appTimeoutMs: 30_000 }],
      faults: [{ atMs: 3000, type: 'link-down', link: 'wan1', durationMs: 10_000 }],
    });

  it('retransmits an unanswered TCP request after 1 s, then 2 s, then 4 s', () => {
    const { times, deliveredInWindow } = sendTimes(outage('tcp'), 3_000_000, 13_000_000);
    expect(deliveredInWindow).toBe(0);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps).toEqual([1_000_000, 2_000_000, 4_000_000]);
  });

  it('sends more TCP requests than it gets answers during an outage', () => {
    const { times, deliveredInWindow } = sendTimes(outage('tcp'), 3_000_000, 13_000_000);
    expect(times.length).toBeGreaterThan(deliveredInWindow);
  });

  it('never retransmits over UDP: one request per interval', () => {
    const { times } = sendTimes(outage('udp'), 3_000_000, 13_000_000);
    expect(times).toHaveLength(10);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(1_000_000);
  });

  it('gives up after appTimeoutMs and reconnects from a new client port', () => {
    const { result } = run(
      spokeHub({
        durationMs: 20_000,
        traffic: [{ protocol: 'tcp', pattern: 'request-response', sessions: 1, appTimeoutMs: 5000 }],
        faults: [{ atMs: 3000, type: 'link-down', link: 'wan1', durationMs: 7000 }],
      }),
    );
    const [first, next] = result.sessions;
    expect(first!.gaveUp).toBe(true);
    expect(first!.failed).toBe(true);
    expect(first!.successor).toBe(next!.id);
    expect(next!.clientPort).not.toBe(first!.clientPort);
    expect(next!.delivered).toBeGreaterThan(0);
    expect(first!.recoveredBy).toBe('new-session');
  });

  it("ends a given-up session's outage at the give-up, after about appTimeoutMs", () => {
    const { result } = run(
      spokeHub({
        durationMs: 20_000,
        traffic: [{ protocol: 'tcp', pattern: 'request-response', sessions: 1, appTimeoutMs: 5000 }],
        faults: [{ atMs: 3000, type: 'link-down', link: 'wan1', durationMs: null }],
      }),
    );
    const first = result.sessions[0]!;
    expect(first.outageMaxMs).toBeGreaterThanOrEqual(5000 - 1000);
    expect(first.outageMaxMs).toBeLessThanOrEqual(5000);
    expect(result.summary.sessions.outageMs.max).toBeGreaterThanOrEqual(first.outageMaxMs);
  });

  it('doubles the TCP retransmission timeout up to 60 s and no further', () => {
    const scenario = spokeHub({
      durationMs: 260_000,
      traffic: [{ protocol: 'tcp', pattern: 'request-response', sessions: 1, intervalMs: 1000, appTimeoutMs: 600_000 }],
      faults: [{ atMs: 3000, type: 'link-down', link: 'wan1', durationMs: null }],
    });
    const { times } = sendTimes(scenario, 3_000_000, 260_000_000);
    const gaps = times.slice(1).map((t, i) => (t - times[i]!) / 1_000_000);
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('gives up after the default application timeout of 30 s', () => {
    const { result } = run(
      spokeHub({ durationMs: 40_000, traffic: [{ protocol: 'tcp', pattern: 'request-response', sessions: 1 }], faults: [{ atMs: 3000, type: 'link-down', link: 'wan1', durationMs: null }] }),
    );
    const first = result.sessions[0]!;
    expect(first.gaveUp).toBe(true);
    // The first unanswered request is the first one after the link went down at 3 s (1 s
    // interval): the application gives up 30 s after sending it.
    expect(first.endMs).toBeGreaterThanOrEqual(33_000);
    expect(first.endMs).toBeLessThanOrEqual(34_000);
  });

  it('answers each request with responsePackets packets', () => {
    const { result } = run(spokeHub({ durationMs: 10_500, traffic: [{ protocol: 'udp', pattern: 'request-response', sessions: 1, intervalMs: 1000, responsePackets: 3 }] }));
    const s = result.sessions[0]!;
    // 10 or 11 requests, each with 3 answers; nothing lost.
    expect(s.sent % 4).toBe(0);
    expect(s.sent).toBeGreaterThanOrEqual(40);
    expect(s.delivered).toBe(s.sent);
  });
});

describe('§5 streams and bidirectional', () => {
  const stream = (protocol: 'tcp' | 'udp', pattern: string) => spokeHub({ durationMs: 10_000, traffic: [{ protocol, pattern, sessions: 1, ratePps: 100 }] });

  it('has the TCP server acknowledge every second packet of a stream-up', () => {
    const tcp = run(stream('tcp', 'stream-up')).result.sessions[0]!;
    const udp = run(stream('udp', 'stream-up')).result.sessions[0]!;
    // Same traffic id ⇒ same start offset ⇒ same number of data packets; TCP adds acks.
    expect(udp.sent).toBeGreaterThan(990);
    expect(tcp.sent - udp.sent).toBeGreaterThanOrEqual(Math.floor(udp.sent / 2) - 2);
    expect(tcp.sent - udp.sent).toBeLessThanOrEqual(Math.floor(udp.sent / 2));
  });

  it('has the TCP client acknowledge every second packet of a stream-down', () => {
    const tcp = run(stream('tcp', 'stream-down')).result.sessions[0]!;
    const udp = run(stream('udp', 'stream-down')).result.sessions[0]!;
    expect(tcp.sent - udp.sent).toBeGreaterThanOrEqual(Math.floor(udp.sent / 2) - 2);
    expect(tcp.sent - udp.sent).toBeLessThanOrEqual(Math.floor(udp.sent / 2));
  });

  it('gives up a TCP stream-up when no acknowledgement arrives for appTimeoutMs', () => {
    const { result } = run(
      spokeHub({
        durationMs: 15_000,
        traffic: [{ protocol: 'tcp', pattern: 'stream-up', sessions: 1, ratePps: 20, appTimeoutMs: 4000 }],
        faults: [{ atMs: 3000, type: 'link-down', link: 'wan1', durationMs: null }],
      }),
    );
    const first = result.sessions[0]!;
    expect(first.gaveUp).toBe(true);
    expect(first.endMs).toBeGreaterThanOrEqual(3000 + 4000 - 100);
    expect(first.endMs).toBeLessThanOrEqual(3000 + 4000 + 100);
  });

  it('sends nothing back over a UDP stream-up', () => {
    const { result } = run(stream('udp', 'stream-up'));
    const s = result.sessions[0]!;
    // 100 pps for (10 s − start offset): at most 1 000 packets, all forward.
    expect(s.sent).toBeLessThanOrEqual(1000);
    expect(s.sent).toBeGreaterThan(900);
  });

  it('has both sides send at the configured rate in bidirectional traffic', () => {
    const { result } = run(spokeHub({ durationMs: 10_000, traffic: [{ protocol: 'udp', pattern: 'bidirectional', sessions: 1, ratePps: 50 }] }));
    const s = result.sessions[0]!;
    expect(s.sent).toBeGreaterThan(2 * 50 * 9);
    expect(s.sent).toBeLessThanOrEqual(2 * 50 * 10);
  });
});

describe('§5 bursts', () => {
  it('sends only in active periods, leaving idle gaps', () => {
    const scenario = spokeHub({ durationMs: 20_000, traffic: [{ protocol: 'udp', pattern: 'stream-up', sessions: 1, ratePps: 20, burst: { activeMs: 1000, idleMs: 4000 } }] });
    const sim = new Simulation(scenario);
    const times = timesOfChange(sim, () => sim.w.apps[0]?.sent ?? 0);
    // 4 cycles × 1 s × 20 pps.
    expect(times).toHaveLength(80);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps.filter((g) => g > 50_000)).toHaveLength(3);
    for (const g of gaps.filter((x) => x > 50_000)) expect(g).toBeGreaterThanOrEqual(4_000_000);
  });
});

describe('§5 session start (assumption session-start)', () => {
  it("spreads a definition's sessions over one period after startMs", () => {
    const { result } = run(spokeHub({ durationMs: 3000, traffic: [{ protocol: 'udp', pattern: 'request-response', sessions: 20, intervalMs: 1000, startMs: 500 }] }));
    const starts = result.sessions.map((s) => s.startMs);
    expect(starts).toHaveLength(20);
    for (const t of starts) {
      expect(t).toBeGreaterThanOrEqual(500);
      expect(t).toBeLessThan(1500);
    }
    expect(new Set(starts).size).toBeGreaterThan(10);
  });
});
