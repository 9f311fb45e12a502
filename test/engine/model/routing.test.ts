import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../engine/index.ts';
import { counter, dualHub, parse, wanSides, run, spokeHub } from '../helpers/build.ts';

const udp = (sessions: number, extra: Record<string, unknown> = {}) => ({ protocol: 'udp', pattern: 'bidirectional', sessions, ratePps: 20, ...extra });

describe('§2 topology and routing', () => {
  it('sends a client session through its spoke and the hub that is linked to the server', () => {
    const { result } = run(spokeHub({ durationMs: 3000, traffic: [udp(2)] }));
    expect(counter(result, 'spoke1', 'emulator/sessions-created')).toBe(2);
    expect(counter(result, 'hub1', 'emulator/sessions-created')).toBe(2);
    expect(result.summary.packets.lost).toBe(0);
    expect(result.summary.packets.delivered).toBeGreaterThan(0);
  });

  it('picks the next hop with the shortest one-way latency', () => {
    const { result } = run(dualHub({ durationMs: 3000, wan1LatencyMs: 40, wan2LatencyMs: 10, traffic: [udp(3)] }));
    expect(counter(result, 'hub2', 'emulator/sessions-created')).toBe(3);
    expect(counter(result, 'hub1', 'emulator/sessions-created')).toBe(0);
  });

  it('breaks a latency tie by link id, not by file order', () => {
    // The link to hub2 gets the smaller id and is listed last: the id must win.
    const scenario = dualHub({
      durationMs: 3000,
      wan1LatencyMs: 20,
      wan2LatencyMs: 20,
      traffic: [udp(3)],
      edit: (raw) => {
        for (const l of raw.links) {
          if (l['id'] === 'wan1') l['id'] = 'wan-z';
          if (l['id'] === 'wan2') l['id'] = 'wan-a';
        }
        raw.links.reverse();
      },
    });
    const { result } = run(scenario);
    expect(counter(result, 'hub2', 'emulator/sessions-created')).toBe(3);
    expect(counter(result, 'hub1', 'emulator/sessions-created')).toBe(0);
  });

  it('reaches a server linked to two hubs through the other hub once BFD sees the first path down', () => {
    const scenario = dualHub({
      durationMs: 8000,
      traffic: [udp(2, { startMs: 5000 })],
      edit: (raw) => {
        raw.links.find((l) => l['id'] === 'wan1')!['up'] = false;
      },
    });
    const { result } = run(scenario);
    expect(counter(result, 'spoke1', 'emulator/bfd-path-down')).toBe(1);
    expect(counter(result, 'hub2', 'emulator/sessions-created')).toBe(2);
    expect(counter(result, 'hub1', 'emulator/sessions-created')).toBe(0);
    expect(result.summary.packets.lost).toBe(0);
  });

  it('runs every router-to-router hop as its own SVR hop', () => {
    const scenario = parse({
      format: 'session-recovery-lab/scenario',
      formatVersion: 1,
      name: 'chain',
      durationMs: 3000,
      nodes: [
        { id: 'client1', kind: 'client' },
        { id: 'spoke1', kind: 'spoke' },
        { id: 'hub1', kind: 'hub' },
        { id: 'hub2', kind: 'hub' },
        { id: 'server1', kind: 'server' },
      ],
      links: [
        { id: 'lan1', a: 'client1', b: 'spoke1' },
        { id: 'wan1', a: 'spoke1', b: 'hub1', latencyMs: 10 },
        { id: 'wan2', a: 'hub1', b: 'hub2', latencyMs: 10 },
        { id: 'lan2', a: 'hub2', b: 'server1' },
      ],
      traffic: [{ id: 't1', from: 'client1', to: 'server1', ...udp(1) }],
    });
    const sim = new Simulation(scenario);
    const result = sim.run();
    for (const id of ['spoke1', 'hub1', 'hub2']) expect(counter(result, id, 'emulator/sessions-created')).toBe(1);
    // hub1 learned the first hop from metadata and opened the second one itself.
    expect(counter(result, 'hub1', 'success/metadata/added')).toBeGreaterThan(0);
    const sides = wanSides(sim, 'hub1');
    expect(sides).toHaveLength(2);
    expect(sides.map((s) => s.ownsPorts).sort()).toEqual([false, true]);
    expect(sides[0]!.sess.learnedSide).toBe(0);
    expect(result.summary.packets.lost).toBe(0);
  });

  it('loses packets on a link that is down as link-down', () => {
    const { result } = run(spokeHub({ durationMs: 4000, traffic: [udp(1)], faults: [{ atMs: 1000, type: 'link-down', link: 'wan1', durationMs: 1000 }] }));
    expect(result.summary.packets.lostBy['link-down']).toBeGreaterThan(0);
  });
});

describe('§2 links: bandwidth, queue and NAT bindings', () => {
  it('drops packets beyond the queue limit of a saturated link (lost by queue)', () => {
    const { result } = run(
      spokeHub({
        durationMs: 3000,
        traffic: [{ protocol: 'udp', pattern: 'stream-up', sessions: 4, ratePps: 200, packetBytes: 1200 }],
        edit: (raw) => Object.assign(raw.links[1]!, { bandwidthMbps: 2, queuePackets: 20 }),
      }),
    );
    // 4 × 200 pps × 1 200 B ≈ 7.7 Mbit/s into a 2 Mbit/s link.
    expect(result.summary.packets.lostBy.queue).toBeGreaterThan(0);
    expect(result.summary.packets.lostBy['link-loss']).toBe(0);
  });

  it('drops inbound packets for a NAT binding that expired without outbound traffic (assumption nat-binding)', () => {
    // UDP stream-down: after its opening packet the spoke sends nothing on the session's port.
    const { result } = run(spokeHub({ nat: { bindingTimeoutMs: 2000 }, durationMs: 6000, traffic: [{ protocol: 'udp', pattern: 'stream-down', sessions: 1, ratePps: 20 }] }));
    expect(result.summary.packets.lostBy.nat).toBeGreaterThan(0);
    expect(counter(result, 'spoke1', 'emulator/nat-dropped')).toBeGreaterThanOrEqual(result.summary.packets.lostBy.nat);
  });

  it('keeps a NAT binding alive while the inside router keeps sending', () => {
    const { result } = run(spokeHub({ nat: { bindingTimeoutMs: 2000 }, durationMs: 6000, traffic: [{ protocol: 'udp', pattern: 'bidirectional', sessions: 1, ratePps: 20 }] }));
    expect(result.summary.packets.lostBy.nat).toBe(0);
  });
});
