import { describe, expect, it } from 'vitest';
import { counter, run, spokeHub } from '../helpers/build.ts';

describe('§6 resources: the control-packet budget', () => {
  it('runs out of buffers under a scan flood against a packet-based hub', () => {
    const { result } = run(spokeHub({ controlPacketsPerSec: 1000, durationMs: 3000, faults: [{ atMs: 1000, type: 'scan', target: 'hub1', ratePps: 20_000, durationMs: 1000 }] }));
    const sent = counter(result, 'hub1', 'emulator/enable-metadata-sent');
    const failed = counter(result, 'hub1', 'emulator/enable-metadata-buffer-allocation');
    expect(failed).toBeGreaterThan(0);
    // A full bucket (one second's worth) plus one second of refill.
    expect(sent).toBeLessThanOrEqual(1000 + 1000);
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(sent + failed).toBe(20_000);
  });

  it('holds the default budget at 10 000 per second', () => {
    const { result } = run(spokeHub({ durationMs: 3000, faults: [{ atMs: 1000, type: 'scan', target: 'hub1', ratePps: 30_000, durationMs: 1000 }] }));
    const sent = counter(result, 'hub1', 'emulator/enable-metadata-sent');
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(sent).toBeLessThanOrEqual(20_000);
    expect(counter(result, 'hub1', 'emulator/enable-metadata-buffer-allocation')).toBeGreaterThan(0);
  });

  it('sends a scan at its configured rate (30 000 probes for 30 000 pps over 1 s)', () => {
    // scenario-format.md: scan {target, ratePps, durationMs}.
    const { result } = run(spokeHub({ durationMs: 3000, faults: [{ atMs: 1000, type: 'scan', target: 'hub1', ratePps: 30_000, durationMs: 1000 }] }));
    const probes = counter(result, 'hub1', 'emulator/enable-metadata-sent') + counter(result, 'hub1', 'emulator/enable-metadata-buffer-allocation');
    expect(probes).toBeGreaterThanOrEqual(29_999);
    expect(probes).toBeLessThanOrEqual(30_001);
  });

  it('answers every probe of a slow scan with the default budget', () => {
    const { result } = run(spokeHub({ durationMs: 3000, faults: [{ atMs: 1000, type: 'scan', target: 'hub1', ratePps: 500, durationMs: 1000 }] }));
    expect(counter(result, 'hub1', 'emulator/enable-metadata-sent')).toBe(500);
    expect(counter(result, 'hub1', 'emulator/enable-metadata-buffer-allocation')).toBe(0);
  });

  it('counts disable-forward-metadata that could not be generated', () => {
    const { result } = run(spokeHub({ controlPacketsPerSec: 0, durationMs: 2000, traffic: [{ protocol: 'udp', pattern: 'stream-up', sessions: 1, ratePps: 50 }] }));
    expect(counter(result, 'hub1', 'emulator/disable-forward-metadata-buffer-allocation')).toBeGreaterThan(0);
    expect(counter(result, 'hub1', 'success/metadata/sent-disable-forward-metadata')).toBe(0);
  });

  it("takes the budget from the peer that generates, not from the scanned router's neighbour", () => {
    const { result } = run(spokeHub({ controlPacketsPerSec: 1000, durationMs: 3000, faults: [{ atMs: 1000, type: 'scan', target: 'hub1', ratePps: 20_000, durationMs: 1000 }] }));
    expect(counter(result, 'spoke1', 'emulator/enable-metadata-buffer-allocation')).toBe(0);
    expect(result.summary.exposure.byRouter['spoke1']).toBe(0);
  });
});
