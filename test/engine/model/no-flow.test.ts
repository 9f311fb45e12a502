import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../engine/index.ts';
import { counter, events, liveCounter, run, spokeHub } from '../helpers/build.ts';

const bidir = (sessions: number, ratePps = 50) => ({ protocol: 'udp', pattern: 'bidirectional', sessions, ratePps });
const hubLoss = (atMs = 3000) => ({ atMs, type: 'session-loss', node: 'hub1' });

describe('§4.2 a packet for a flow that does not exist', () => {
  it('creates the session from session metadata and forwards the packet', () => {
    const { result } = run(spokeHub({ durationMs: 6000, traffic: [bidir(3)], faults: [hubLoss()] }));
    // 3 at start, 3 rebuilt from the metadata the spoke re-sent.
    expect(counter(result, 'hub1', 'emulator/sessions-created')).toBe(6);
    expect(result.summary.sessions.recovered).toBe(3);
  });

  it('answers a health check with enable-metadata at a 6.1 receiver', () => {
    const { result, trace } = run(spokeHub({ mode: 'inactivity-based', timeoutSec: 2, durationMs: 8000, traffic: [bidir(3)], faults: [hubLoss()] }));
    const answers = events(trace, 'enable-metadata-sent', 'hub1').filter((e) => e.detail['answering'] === 'health-check');
    expect(answers).toHaveLength(3);
    expect(counter(result, 'hub1', 'emulator/enable-metadata-sent')).toBe(3);
    expect(counter(result, 'spoke1', 'success/metadata/added-session-health-check')).toBe(3);
  });

  it('answers a plain packet with enable-metadata in packet-based mode', () => {
    const { result, trace } = run(spokeHub({ durationMs: 6000, traffic: [bidir(3)], faults: [hubLoss()] }));
    const answers = events(trace, 'enable-metadata-sent', 'hub1');
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(answers.every((e) => e.detail['answering'] === 'packet')).toBe(true);
    expect(counter(result, 'hub1', 'emulator/no-flow-dropped-silently')).toBe(0);
  });

  it('answers a plain packet with enable-metadata at a pre-6.1 receiver even when configured inactivity-based', () => {
    const { result } = run(spokeHub({ mode: 'inactivity-based', hubVersion: '6.0.9', spokeMode: 'packet-based', durationMs: 6000, traffic: [bidir(3)], faults: [hubLoss()] }));
    expect(counter(result, 'hub1', 'emulator/enable-metadata-sent')).toBeGreaterThanOrEqual(3);
    expect(counter(result, 'hub1', 'emulator/no-flow-dropped-silently')).toBe(0);
    expect(result.summary.sessions.recoveredBy['packet-based']).toBe(3);
  });

  it('drops a plain packet silently in inactivity-based mode, with no enable-metadata', () => {
    const { result } = run(spokeHub({ hubMode: 'inactivity-based', spokeMode: 'packet-based', durationMs: 6000, traffic: [bidir(3)], faults: [hubLoss()] }));
    expect(counter(result, 'hub1', 'emulator/no-flow-dropped-silently')).toBeGreaterThan(0);
    expect(counter(result, 'hub1', 'emulator/enable-metadata-sent')).toBe(0);
    expect(counter(result, 'spoke1', 'success/metadata/received-enable-metadata')).toBe(0);
  });

  it('answers only the probes, not the plain packets, when both sides are inactivity-based', () => {
    const { result } = run(spokeHub({ mode: 'inactivity-based', timeoutSec: 2, durationMs: 8000, traffic: [bidir(3)], faults: [hubLoss()] }));
    expect(counter(result, 'hub1', 'emulator/no-flow-dropped-silently')).toBeGreaterThan(100);
    expect(counter(result, 'hub1', 'emulator/enable-metadata-sent')).toBe(counter(result, 'spoke1', 'success/metadata/added-session-health-check'));
  });

  it('counts enable-metadata that finds no flow (enable-metadata-flow-miss) and drops it', () => {
    // Both ends lose the sessions just as the client stops: the hub's enable-metadata answers
    // to packets still in flight reach a spoke that no longer has the flows.
    const { result } = run(
      spokeHub({
        durationMs: 3000,
        traffic: [{ protocol: 'udp', pattern: 'stream-up', sessions: 3, ratePps: 100, stopMs: 1000 }],
        faults: [hubLoss(1000), { atMs: 1000, type: 'session-loss', node: 'spoke1' }],
      }),
    );
    const sent = counter(result, 'hub1', 'emulator/enable-metadata-sent');
    expect(sent).toBeGreaterThan(0);
    expect(counter(result, 'spoke1', 'failure/metadata/enable-metadata-flow-miss')).toBe(sent);
    expect(counter(result, 'spoke1', 'success/metadata/received-enable-metadata')).toBe(0);
  });

  it("sends enable-metadata to the packet's source address and port (through NAT to the spoke)", () => {
    const { result } = run(spokeHub({ nat: true, durationMs: 6000, traffic: [bidir(3)], faults: [hubLoss()] }));
    const sent = counter(result, 'hub1', 'emulator/enable-metadata-sent');
    expect(sent).toBeGreaterThan(0);
    expect(counter(result, 'spoke1', 'success/metadata/received-enable-metadata')).toBe(sent);
  });
});

describe('§4.2 exposure', () => {
  const scan = { atMs: 1000, type: 'scan', target: 'hub1', ratePps: 100, durationMs: 1000 };

  it('counts exposure when a packet-based hub answers a scan', () => {
    const { result } = run(spokeHub({ durationMs: 3000, faults: [scan] }));
    expect(result.summary.exposure.byRouter['hub1']).toBe(100);
    expect(counter(result, 'hub1', 'emulator/enable-metadata-sent')).toBe(100);
  });

  it('has no exposure and sends no enable-metadata when an inactivity-based hub is scanned', () => {
    const { result } = run(spokeHub({ mode: 'inactivity-based', durationMs: 3000, faults: [scan] }));
    expect(result.summary.exposure.total).toBe(0);
    expect(counter(result, 'hub1', 'emulator/enable-metadata-sent')).toBe(0);
    expect(counter(result, 'hub1', 'emulator/no-flow-dropped-silently')).toBe(100);
  });

  it('does not count exposure for enable-metadata answering a session the spoke still holds', () => {
    const { result } = run(spokeHub({ durationMs: 6000, traffic: [bidir(3)], faults: [hubLoss()] }));
    expect(counter(result, 'hub1', 'emulator/enable-metadata-sent')).toBeGreaterThan(0);
    expect(result.summary.exposure.total).toBe(0);
  });
});

describe('§4.3 receiving enable-metadata', () => {
  it('counts received-enable-metadata and invalidate-for-enable-metadata for each one', () => {
    const { result } = run(spokeHub({ durationMs: 6000, traffic: [bidir(3)], faults: [hubLoss()] }));
    const sent = counter(result, 'hub1', 'emulator/enable-metadata-sent');
    expect(counter(result, 'spoke1', 'success/metadata/received-enable-metadata')).toBe(sent);
    expect(counter(result, 'spoke1', 'success/metadata/invalidate-for-enable-metadata')).toBe(sent);
  });

  it('puts session metadata on the next packet of the re-opened hop', () => {
    const sim = new Simulation(spokeHub({ durationMs: 6000, traffic: [bidir(3)], faults: [hubLoss()] }));
    sim.runUntil(2_999_999);
    const added = liveCounter(sim, 'spoke1', 'success/metadata/added');
    sim.run();
    expect(liveCounter(sim, 'spoke1', 'success/metadata/added')).toBeGreaterThanOrEqual(added + 3);
    expect(liveCounter(sim, 'hub1', 'emulator/sessions-created')).toBe(6);
  });

  it('clears an outstanding health check, so it never times out', () => {
    const { result } = run(spokeHub({ mode: 'inactivity-based', timeoutSec: 2, durationMs: 8000, traffic: [bidir(3)], faults: [hubLoss()] }));
    expect(counter(result, 'spoke1', 'success/metadata/added-session-health-check')).toBe(3);
    expect(counter(result, 'spoke1', 'success/metadata/received-enable-metadata')).toBe(3);
    expect(counter(result, 'spoke1', 'failure/metadata/session-health-check-timeout')).toBe(0);
  });
});
