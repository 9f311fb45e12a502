import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../engine/index.ts';
import { counter, dualHub, events, liveCounter, routerRt, wanSides, run, spokeHub, timesOfChange } from '../helpers/build.ts';

const bidir = (sessions: number, ratePps = 10) => ({ protocol: 'udp', pattern: 'bidirectional', sessions, ratePps });
const streamUp = (sessions: number, ratePps = 100) => ({ protocol: 'udp', pattern: 'stream-up', sessions, ratePps });

describe('§3 wayports', () => {
  it('gives the router that opens a hop an even wayport and the peer the next odd one, within 16384–65534', () => {
    const sim = new Simulation(spokeHub({ durationMs: 2000, traffic: [bidir(20)] }));
    sim.run();
    const spokeSides = wanSides(sim, 'spoke1');
    const hubSides = wanSides(sim, 'hub1');
    expect(spokeSides).toHaveLength(20);
    expect(hubSides).toHaveLength(20);
    for (const s of spokeSides) {
      expect(s.ownsPorts).toBe(true);
      expect(s.sess.learnedSide).toBe(-1);
      expect(s.localPort % 2).toBe(0);
      expect(s.peerPort).toBe(s.localPort + 1);
      expect(s.localPort).toBeGreaterThanOrEqual(16384);
      expect(s.peerPort).toBeLessThanOrEqual(65534);
    }
    for (const s of hubSides) {
      expect(s.ownsPorts).toBe(false);
      expect(s.sess.learnedSide).toBe(0);
      expect(s.localPort % 2).toBe(1);
      expect(s.peerPort % 2).toBe(0);
    }
    expect(new Set(spokeSides.map((s) => s.localPort)).size).toBe(20);
  });
});

describe('§3 wayport free lists', () => {
  it('keeps a separate wayport pool per peer', () => {
    // server1 only behind hub1, server2 only behind hub2: one session towards each hub.
    const sim = new Simulation(
      dualHub({
        durationMs: 3000,
        traffic: [bidir(1), { ...bidir(1), to: 'server2' }],
        edit: (raw) => {
          raw.nodes.push({ id: 'server2', kind: 'server' });
          raw.links.find((l) => l['id'] === 'lan3')!['b'] = 'server2';
        },
      }),
    );
    sim.run();
    const sides = wanSides(sim, 'spoke1');
    expect(sides.map((ws) => sim.w.nodeIds[sim.w.paths[ws.path]!.peer]).sort()).toEqual(['hub1', 'hub2']);
    expect(sides.map((ws) => ws.localPort)).toEqual([16384, 16384]);
  });

  it('hands the next session a pair never used before, not the one just freed', () => {
    const sim = new Simulation(
      spokeHub({
        durationMs: 8000,
        sessionTimeouts: { udpMs: 1000 },
        traffic: [
          { protocol: 'udp', pattern: 'request-response', sessions: 1, intervalMs: 500, stopMs: 500 },
          { protocol: 'udp', pattern: 'bidirectional', sessions: 1, ratePps: 10, startMs: 5000 },
        ],
      }),
    );
    sim.runUntil(4_000_000);
    expect(liveCounter(sim, 'spoke1', 'emulator/sessions-expired')).toBe(1);
    sim.run();
    // The hub may still hold the freed pair for the old session: a fresh pair cannot collide.
    expect(wanSides(sim, 'spoke1').map((ws) => ws.localPort)).toEqual([16386]);
  });
});

describe('§3 a LAN packet that matches no session', () => {
  it('drops a server packet for a session the hub lost and counts no-session-lan-dropped', () => {
    const { result } = run(spokeHub({ durationMs: 6000, traffic: [bidir(3, 50)], faults: [{ atMs: 3000, type: 'session-loss', node: 'hub1' }] }));
    const dropped = counter(result, 'hub1', 'emulator/no-session-lan-dropped');
    expect(dropped).toBeGreaterThan(0);
    expect(result.summary.packets.lostBy['no-flow']).toBeGreaterThanOrEqual(dropped);
  });
});

describe('§3 handshake', () => {
  it('stops adding metadata after the echo in bidirectional traffic', () => {
    const { result } = run(spokeHub({ durationMs: 10_000, traffic: [bidir(5)] }));
    expect(result.summary.packets.sent).toBeGreaterThan(900);
    expect(counter(result, 'spoke1', 'success/metadata/added')).toBeLessThanOrEqual(2 * 5);
    expect(counter(result, 'hub1', 'success/metadata/added')).toBeLessThanOrEqual(2 * 5);
  });

  it('removes at the peer exactly the metadata that was added', () => {
    const { result } = run(spokeHub({ durationMs: 5000, traffic: [bidir(5, 50)] }));
    expect(counter(result, 'hub1', 'success/metadata/removed')).toBe(counter(result, 'spoke1', 'success/metadata/added'));
    expect(counter(result, 'spoke1', 'success/metadata/removed')).toBe(counter(result, 'hub1', 'success/metadata/added'));
  });

  it('has the learning hub send disable-forward-metadata for one-way UDP', () => {
    const { result } = run(spokeHub({ durationMs: 5000, traffic: [streamUp(3)] }));
    const sent = counter(result, 'hub1', 'success/metadata/sent-disable-forward-metadata');
    expect(sent).toBeGreaterThanOrEqual(3);
    expect(counter(result, 'spoke1', 'success/metadata/received-disable-forward-metadata')).toBe(sent);
  });

  it('sends disable-forward-metadata at most once per session per 100 ms', () => {
    // 300 ms one way: metadata keeps arriving for 600 ms after the first disable-forward.
    const sim = new Simulation(spokeHub({ wanLatencyMs: 300, durationMs: 3000, traffic: [streamUp(1)] }));
    const times = timesOfChange(sim, () => liveCounter(sim, 'hub1', 'sent-disable-forward-metadata'));
    expect(times.length).toBeGreaterThan(1);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(100_000);
  });

  it('has the spoke stop adding metadata once disable-forward-metadata arrives', () => {
    const { result } = run(spokeHub({ durationMs: 5000, traffic: [streamUp(3)] }));
    // 100 pps with a 41 ms round trip: about 5 packets each carry metadata, not 500.
    expect(result.summary.packets.sent).toBeGreaterThan(1400);
    expect(counter(result, 'spoke1', 'success/metadata/added')).toBeLessThanOrEqual(3 * 7);
  });

  it('turns off reverse metadata on a one-way reverse UDP stream with disable-forward-metadata', () => {
    // assumptions.ts 'disable-forward-rate': the opener, receiving metadata with nothing to send
    // back, asks the learner to stop; the echo itself does not count.
    const { result } = run(spokeHub({ durationMs: 3000, traffic: [{ protocol: 'udp', pattern: 'stream-down', sessions: 1, ratePps: 20 }] }));
    expect(counter(result, 'spoke1', 'success/metadata/sent-disable-forward-metadata')).toBe(1);
    expect(counter(result, 'hub1', 'success/metadata/received-disable-forward-metadata')).toBe(1);
    expect(counter(result, 'hub1', 'success/metadata/added')).toBeLessThanOrEqual(4);
  });
});

describe('§3 metadata on an unknown outer tuple', () => {
  it('creates the session on the hub', () => {
    const { result } = run(spokeHub({ durationMs: 3000, traffic: [bidir(4)] }));
    expect(counter(result, 'hub1', 'emulator/sessions-created')).toBe(4);
    expect(counter(result, 'hub1', 'success/metadata/removed')).toBeGreaterThanOrEqual(4);
  });

  it('creates the session from reverse metadata too (assumption either-direction-rebuild)', () => {
    // A one-way reverse stream keeps reverse metadata on: the spoke that lost its sessions
    // rebuilds them from the hub's next packets, without any client packet.
    const sim = new Simulation(
      spokeHub({ durationMs: 5000, traffic: [{ protocol: 'udp', pattern: 'stream-down', sessions: 3, ratePps: 20 }], faults: [{ atMs: 3000, type: 'session-loss', node: 'spoke1' }] }),
    );
    sim.runUntil(3_000_000);
    expect(routerRt(sim, 'spoke1').lan.size).toBe(0);
    sim.run();
    expect(liveCounter(sim, 'spoke1', 'emulator/sessions-created')).toBe(6);
    expect(routerRt(sim, 'spoke1').lan.size).toBe(3);
  });

  it('replaces a session with the same inner tuple from the same peer (NAT rebind, packet-based)', () => {
    const { result } = run(spokeHub({ nat: true, durationMs: 8000, traffic: [bidir(3, 50)], faults: [{ atMs: 4000, type: 'nat-rebind', link: 'wan1' }] }));
    expect(counter(result, 'hub1', 'emulator/session-replaced')).toBe(3);
    expect(counter(result, 'hub1', 'emulator/sessions-created')).toBe(6);
    expect(result.summary.sessions.failed).toBe(0);
  });

  it('keeps both ends of every hop on the same session after the spoke loses its sessions', () => {
    // The spoke re-opens hops for its clients' next packets; whatever wayports it picks, the
    // hub's flow on that outer tuple must end up belonging to the session the metadata names.
    const sim = new Simulation(spokeHub({ durationMs: 8000, traffic: [bidir(5, 50)], faults: [{ atMs: 4000, type: 'session-loss', node: 'spoke1' }] }));
    sim.run();
    // No NAT here: the hub's side of a hop has the spoke's wayports swapped.
    const hubSides = wanSides(sim, 'hub1');
    const pairs: [number, number][] = [];
    for (const ws of wanSides(sim, 'spoke1')) {
      const peerSide = hubSides.find((h) => h.localPort === ws.peerPort && h.peerPort === ws.localPort);
      if (peerSide) pairs.push([ws.sess.cPort, peerSide.sess.cPort]);
    }
    expect(pairs.length).toBeGreaterThan(0);
    for (const [spokeView, hubView] of pairs) expect(hubView).toBe(spokeView);
  });
});

describe('§3 session expiry', () => {
  /** One TCP request at about t=0 (plus its one retransmission), then silence. */
  const oneRequest = (lan2Up: boolean, durationMs: number) =>
    spokeHub({
      durationMs,
      traffic: [{ protocol: 'tcp', pattern: 'request-response', sessions: 1, intervalMs: 1000, stopMs: 1000 }],
      edit: (raw) => {
        raw.links.find((l) => l['id'] === 'lan2')!['up'] = lan2Up;
      },
    });

  it('expires a TCP session 10 s after its last packet when no reply was ever seen', () => {
    const { result, trace } = run(oneRequest(false, 15_000));
    expect(counter(result, 'spoke1', 'emulator/sessions-expired')).toBe(1);
    expect(events(trace, 'session-expired', 'spoke1').map((e) => e.detail['idleMs'])).toEqual([10_000]);
  });

  it('keeps a TCP session that saw a reply for 1 900 s of idleness', () => {
    const sim = new Simulation(oneRequest(true, 1_905_000));
    sim.runUntil(1_800_000_000);
    expect(liveCounter(sim, 'spoke1', 'emulator/sessions-expired')).toBe(0);
    const result = sim.run();
    expect(counter(result, 'spoke1', 'emulator/sessions-expired')).toBe(1);
    expect(counter(result, 'hub1', 'emulator/sessions-expired')).toBe(1);
  });

  it('expires an idle UDP session after 180 s by default', () => {
    const { trace } = run(spokeHub({ durationMs: 185_000, traffic: [{ protocol: 'udp', pattern: 'request-response', sessions: 1, intervalMs: 1000, stopMs: 1000 }] }));
    expect(events(trace, 'session-expired', 'spoke1').map((e) => e.detail['idleMs'])).toEqual([180_000]);
  });

  it('expires an idle UDP session after the UDP timeout and removes all its flows', () => {
    const scenario = spokeHub({
      durationMs: 8000,
      sessionTimeouts: { udpMs: 3000 },
      traffic: [{ protocol: 'udp', pattern: 'request-response', sessions: 2, intervalMs: 500, stopMs: 1000 }],
    });
    const trace: { node: string; kind: string; idle: unknown }[] = [];
    const sim = new Simulation(scenario, { trace: (e) => trace.push({ node: e.node, kind: e.kind, idle: e.detail['idleMs'] }) });
    const result = sim.run();
    for (const id of ['spoke1', 'hub1']) {
      expect(counter(result, id, 'emulator/sessions-expired')).toBe(2);
      expect(routerRt(sim, id).lan.size).toBe(0);
      expect(routerRt(sim, id).wan.size).toBe(0);
    }
    expect(trace.filter((e) => e.kind === 'session-expired').every((e) => e.idle === 3000)).toBe(true);
  });
});

describe('§3 size accounting (assumption metadata-sizes)', () => {
  it('charges 100 bytes per session metadata and 60 per generated control packet', () => {
    const { result } = run(spokeHub({ durationMs: 5000, traffic: [streamUp(2)], faults: [{ atMs: 2000, type: 'session-loss', node: 'hub1' }] }));
    const c = result.summary.control;
    expect(c.sessionMetadata.count).toBeGreaterThan(0);
    expect(c.sessionMetadata.bytes).toBe(100 * c.sessionMetadata.count);
    expect(c.enableMetadata.count).toBeGreaterThan(0);
    expect(c.enableMetadata.bytes).toBe(60 * c.enableMetadata.count);
    expect(c.disableForwardMetadata.bytes).toBe(60 * c.disableForwardMetadata.count);
  });

  it('charges 17 bytes for a health check that is the only attribute and 60 per acknowledgement', () => {
    const { result } = run(spokeHub({ mode: 'inactivity-based', timeoutSec: 1, durationMs: 8000, traffic: [{ ...bidir(2, 20), burst: { activeMs: 1000, idleMs: 2000 } }] }));
    const c = result.summary.control;
    expect(c.healthCheck.count).toBeGreaterThan(0);
    expect(c.healthCheck.bytes).toBe(17 * c.healthCheck.count);
    expect(c.ack.bytes).toBe(60 * c.ack.count);
  });
});
