import { describe, expect, it } from 'vitest';
import { COUNTER_PATHS } from '../../../engine/index.ts';
import { dualHub, run } from '../helpers/build.ts';

/** The paths ssr-model.md §8 names, spelled out so a rename shows up here. */
const SPEC_PATHS = [
  'packet-processing/action/success/metadata/added-session-health-check',
  'packet-processing/action/success/metadata/generated-session-health-check-acknowledgement',
  'packet-processing/action/success/metadata/sent-session-health-check-acknowledgement',
  'packet-processing/action/success/metadata/received-session-health-check-acknowledgement',
  'packet-processing/action/success/metadata/received-stale-session-health-check-acknowledgement',
  'packet-processing/action/failure/metadata/session-health-check-timeout',
  'packet-processing/action/failure/metadata/session-health-check-timeout-forward-pinhole-flow',
  'packet-processing/action/failure/metadata/session-health-check-timeout-reverse-pinhole-flow',
  'packet-processing/action/failure/metadata/session-health-check-buffer-allocation',
  'packet-processing/action/success/metadata/added',
  'packet-processing/action/success/metadata/removed',
  'packet-processing/action/success/metadata/sent-disable-forward-metadata',
  'packet-processing/action/success/metadata/received-disable-forward-metadata',
  'packet-processing/action/success/metadata/received-enable-metadata',
  'packet-processing/action/success/metadata/invalidate-for-enable-metadata',
  'packet-processing/action/failure/metadata/enable-metadata-flow-miss',
  'service-area/received/reverse-packets-for-stuck-pinhole-session',
  'emulator/enable-metadata-sent',
  'emulator/no-flow-dropped-silently',
  'emulator/sessions-created',
  'emulator/sessions-expired',
  'emulator/session-replaced',
  'emulator/bfd-path-down',
  'emulator/bfd-path-up',
  'emulator/bfd-peer-restart-detected',
  'emulator/nat-dropped',
  'emulator/no-session-lan-dropped',
  'emulator/exposure',
];

describe('§8 counters', () => {
  it('lists every path the model names', () => {
    for (const p of SPEC_PATHS) expect(COUNTER_PATHS).toContain(p);
  });

  it("keeps the emulator's own counters under emulator/ and the rest under the product's prefixes", () => {
    for (const p of COUNTER_PATHS) expect(p.startsWith('emulator/') || p.startsWith('packet-processing/action/') || p.startsWith('service-area/')).toBe(true);
    const productish = COUNTER_PATHS.filter((p) => !p.startsWith('emulator/'));
    expect(productish.sort()).toEqual(SPEC_PATHS.filter((p) => !p.startsWith('emulator/')).sort());
  });

  it('gives every router every counter, zeros included', () => {
    const { result } = run(dualHub({ durationMs: 1000 }), { trace: false });
    expect(Object.keys(result.summary.counters).sort()).toEqual(['hub1', 'hub2', 'spoke1']);
    for (const id of ['spoke1', 'hub1', 'hub2']) {
      const c = result.summary.counters[id]!;
      expect(Object.keys(c).sort()).toEqual([...COUNTER_PATHS].sort());
      for (const v of Object.values(c)) expect(Number.isInteger(v) && v >= 0).toBe(true);
    }
    expect(result.summary.counters['hub1']!['emulator/exposure']).toBe(0);
  });

  it('keeps no counters for hosts', () => {
    const { result } = run(dualHub({ durationMs: 1000 }), { trace: false });
    expect(result.summary.counters['client1']).toBeUndefined();
    expect(result.summary.counters['server1']).toBeUndefined();
  });
});
