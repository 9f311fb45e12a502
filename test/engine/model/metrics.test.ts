import { describe, expect, it } from 'vitest';
import { CONTROL_KINDS, LOSS_CAUSES, RECOVERY_KINDS, type RunResult } from '../../../engine/index.ts';
import { dualHub, events, run, spokeHub } from '../helpers/build.ts';

const bidir = (sessions: number, ratePps = 50) => ({ protocol: 'udp', pattern: 'bidirectional', sessions, ratePps });

/** A run with a bit of everything: loss, session loss, a restart, a TCP give-up and stranded UDP. */
function busy(): RunResult {
  return run(
    spokeHub({
      spokeMode: 'packet-based',
      hubMode: 'inactivity-based',
      durationMs: 20_000,
      lossPct: 1,
      traffic: [bidir(4), { protocol: 'tcp', pattern: 'request-response', sessions: 3, intervalMs: 500, appTimeoutMs: 4000 }],
      faults: [
        { atMs: 4000, type: 'session-loss', node: 'hub1', fraction: 0.5 },
        { atMs: 12_000, type: 'node-restart', node: 'spoke1', downtimeMs: 500 },
      ],
    }),
    { trace: false },
  ).result;
}

const mixed = (): RunResult[] => [
  busy(),
  run(spokeHub({ mode: 'inactivity-based', timeoutSec: 2, durationMs: 12_000, lossPct: 2, traffic: [bidir(6)], faults: [{ atMs: 5000, type: 'session-loss', node: 'hub1' }] }), { trace: false })
    .result,
  run(dualHub({ mode: 'inactivity-based', timeoutSec: 30, durationMs: 15_000, traffic: [bidir(3)], faults: [{ atMs: 4000, type: 'node-restart', node: 'hub1', downtimeMs: 8000 }] }), { trace: false })
    .result,
];

describe('§7 what is measured', () => {
  it('accounts for every application packet: sent = delivered + lost + a few in flight', () => {
    for (const r of mixed()) {
      const { sent, delivered, lost } = r.summary.packets;
      const inFlight = sent - delivered - lost;
      expect(inFlight).toBeGreaterThanOrEqual(0);
      expect(inFlight).toBeLessThanOrEqual(Math.max(10, sent * 0.01));
    }
  });

  it('splits the loss by cause, adding up to the total', () => {
    for (const r of mixed()) {
      const { lost, lostBy } = r.summary.packets;
      expect(Object.keys(lostBy).sort()).toEqual([...LOSS_CAUSES].sort());
      expect(Object.values(lostBy).reduce((a, b) => a + b, 0)).toBe(lost);
    }
  });

  it('adds up per-session counts to the run totals', () => {
    for (const r of mixed()) {
      expect(r.sessions.reduce((a, s) => a + s.sent, 0)).toBe(r.summary.packets.sent);
      expect(r.sessions.reduce((a, s) => a + s.delivered, 0)).toBe(r.summary.packets.delivered);
      expect(r.sessions.reduce((a, s) => a + s.lost, 0)).toBe(r.summary.packets.lost);
      expect(r.sessions).toHaveLength(r.summary.sessions.total);
    }
  });

  it('makes recoveredBy add up to the affected sessions', () => {
    for (const r of mixed()) {
      const s = r.summary.sessions;
      expect(Object.keys(s.recoveredBy).sort()).toEqual([...RECOVERY_KINDS].sort());
      expect(Object.values(s.recoveredBy).reduce((a, b) => a + b, 0)).toBe(s.affected);
      expect(r.sessions.filter((x) => x.recoveredBy !== null)).toHaveLength(s.affected);
    }
  });

  it('counts recovered as affected minus failed', () => {
    for (const r of mixed()) {
      const s = r.summary.sessions;
      expect(s.recovered).toBe(s.affected - s.failed);
      expect(r.sessions.filter((x) => x.failed)).toHaveLength(s.failed);
    }
  });

  it('counts a session still in outage at the end as failed', () => {
    const { result } = run(
      spokeHub({ spokeMode: 'packet-based', hubMode: 'inactivity-based', durationMs: 10_000, traffic: [bidir(2, 20)], faults: [{ atMs: 4000, type: 'session-loss', node: 'hub1' }] }),
    );
    expect(result.summary.sessions.failed).toBe(2);
    for (const s of result.sessions) {
      expect(s.failed).toBe(true);
      expect(s.gaveUp).toBe(false);
      // The open outage counts up to the end of the run.
      expect(s.outageTotalMs).toBeGreaterThan(5900);
    }
  });

  it('counts a given-up session as failed and new-session only when its successor got through', () => {
    const r = busy();
    for (const s of r.sessions.filter((x) => x.gaveUp)) {
      expect(s.failed).toBe(true);
      const succ = r.sessions.find((x) => x.id === s.successor);
      if (succ && succ.delivered > 0) expect(s.recoveredBy).toBe('new-session');
    }
  });

  it('credits metadata when the opener was still sending it and nothing else acted', () => {
    // The hub loses the session inside the handshake window: after it learned the session,
    // before the spoke saw the echo. The spoke's next packet still carries metadata.
    const base = { durationMs: 3000, traffic: [{ protocol: 'udp' as const, pattern: 'bidirectional' as const, sessions: 1, ratePps: 100, startMs: 1000 }] };
    const first = run(spokeHub(base));
    const created = events(first.trace, 'session-created-from-metadata', 'hub1')[0]!.tUs / 1000;
    const { result } = run(spokeHub({ ...base, faults: [{ atMs: created + 1, type: 'session-loss', node: 'hub1' }] }));
    expect(result.summary.sessions.affected).toBe(1);
    expect(result.summary.sessions.recoveredBy.metadata).toBe(1);
  });

  it("credits packet-based when a spoke that lost its sessions answers the hub's plain packets", () => {
    // A one-way reverse UDP stream: the hub stopped adding metadata (disable-forward-metadata),
    // so the spoke must ask for it with enable-metadata. (A spoke restart would also change its
    // BFD epoch, and the hub usually hears that first: then bfd is credited.)
    const { result } = run(
      spokeHub({ durationMs: 6000, traffic: [{ protocol: 'udp', pattern: 'stream-down', sessions: 2, ratePps: 20 }], faults: [{ atMs: 3000, type: 'session-loss', node: 'spoke1' }] }),
    );
    expect(result.summary.sessions.affected).toBe(2);
    expect(result.summary.sessions.recoveredBy['packet-based']).toBe(2);
  });

  it('gives no recoveredBy to a session that was never affected', () => {
    const { result } = run(spokeHub({ durationMs: 3000, traffic: [bidir(3)] }));
    expect(result.summary.sessions.affected).toBe(0);
    expect(result.sessions.every((s) => s.recoveredBy === null && s.outages === 0)).toBe(true);
  });

  it('orders the outage percentiles p50 ≤ p95 ≤ p99 ≤ max', () => {
    for (const r of mixed()) {
      const o = r.summary.sessions.outageMs;
      expect(o.p50).toBeLessThanOrEqual(o.p95);
      expect(o.p95).toBeLessThanOrEqual(o.p99);
      expect(o.p99).toBeLessThanOrEqual(o.max);
    }
    const worst = Math.max(...busy().sessions.map((s) => s.outageMaxMs));
    expect(busy().summary.sessions.outageMs.max).toBe(worst);
  });

  it('measures an outage from the first undelivered packet to the next one delivered', () => {
    // Link down for exactly 2 s. The outage starts at the send time of the first packet lost
    // (up to 21 ms before the link went down: packets in flight are lost on arrival) and ends
    // at the delivery (21 ms after sending) of the first packet sent once it is back (one 20 ms
    // period at most): between 2 000 and 2 000 + 21 + 20 + 21 ms.
    const { result } = run(spokeHub({ durationMs: 8000, traffic: [bidir(1)], faults: [{ atMs: 3000, type: 'link-down', link: 'wan1', durationMs: 2000 }] }));
    const s = result.sessions[0]!;
    expect(s.outages).toBe(1);
    expect(s.outageMaxMs).toBeGreaterThanOrEqual(2000);
    expect(s.outageMaxMs).toBeLessThanOrEqual(2000 + 21 + 20 + 21);
  });

  it('samples the time series every 100 ms with the documented keys', () => {
    const { result } = run(spokeHub({ durationMs: 5000, traffic: [bidir(2)], edit: (raw) => (raw.links[1]!['bandwidthMbps'] = 10) }));
    const ts = result.series;
    expect(ts.tMs).toHaveLength(50);
    expect(ts.tMs[0]).toBe(100);
    expect(ts.tMs[49]).toBe(5000);
    for (const key of ['activeSessions', 'sessionsInOutage', 'deliveredPps', 'lostPps'] as const) expect(ts[key]).toHaveLength(50);
    expect(Object.keys(ts.controlPps).sort()).toEqual([...CONTROL_KINDS].sort());
    for (const series of Object.values(ts.controlPps)) expect(series).toHaveLength(50);
    expect(Object.keys(ts.linkMbps).sort()).toEqual(['lan1', 'lan2', 'wan1']);
    expect(Object.keys(ts.linkUtilPct)).toEqual(['wan1']);
    for (const series of [...Object.values(ts.linkMbps), ...Object.values(ts.linkUtilPct)]) expect(series).toHaveLength(50);
  });

  it('makes the delivered-per-second series add up to the packets delivered', () => {
    const { result } = run(spokeHub({ durationMs: 5000, traffic: [bidir(2)] }));
    const total = result.series.deliveredPps.reduce((a, b) => a + b, 0) / 10;
    expect(Math.round(total)).toBe(result.summary.packets.delivered);
  });

  it('shows sessions in outage in the series while they are in outage', () => {
    const { result } = run(spokeHub({ mode: 'inactivity-based', timeoutSec: 2, durationMs: 10_000, traffic: [bidir(3)], faults: [{ atMs: 5000, type: 'session-loss', node: 'hub1' }] }));
    const at = (ms: number) => result.series.sessionsInOutage[ms / 100 - 1];
    expect(at(4000)).toBe(0);
    expect(at(6000)).toBe(3);
    expect(at(9000)).toBe(0);
    expect(Math.max(...result.series.activeSessions)).toBe(3);
  });

  it('counts BFD overhead: one packet per router per path per interval', () => {
    const { result } = run(spokeHub({ durationMs: 10_000 }));
    expect(result.summary.control.bfd.count).toBeGreaterThanOrEqual(2 * 9);
    expect(result.summary.control.bfd.count).toBeLessThanOrEqual(2 * 10);
  });

  it('reports exposure per router, adding up to the total', () => {
    const { result } = run(
      dualHub({
        hub2Mode: 'inactivity-based',
        durationMs: 3000,
        faults: [
          { atMs: 500, type: 'scan', target: 'hub1', ratePps: 100, durationMs: 1000 },
          { atMs: 500, type: 'scan', target: 'hub2', ratePps: 100, durationMs: 1000 },
        ],
      }),
    );
    const e = result.summary.exposure;
    expect(e.byRouter).toEqual({ spoke1: 0, hub1: 100, hub2: 0 });
    expect(e.total).toBe(100);
  });
});
