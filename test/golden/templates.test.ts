import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../engine/index.ts';
import { EXPECTED_DIR, pinned, runTemplate, templateFiles } from './golden.ts';

const HC = 'packet-processing/action/success/metadata/added-session-health-check';
const ACK_RX = 'packet-processing/action/success/metadata/received-session-health-check-acknowledgement';
const TIMEOUT = 'packet-processing/action/failure/metadata/session-health-check-timeout';
const FWD_PINHOLE = 'packet-processing/action/failure/metadata/session-health-check-timeout-forward-pinhole-flow';
const STUCK = 'service-area/received/reverse-packets-for-stuck-pinhole-session';
const DISABLE_FWD = 'packet-processing/action/success/metadata/sent-disable-forward-metadata';
const c = (res: RunResult, router: string, path: string) => res.summary.counters[router]![path]!;
const healthCounters = (res: RunResult) =>
  Object.values(res.summary.counters).reduce((n, cs) => n + Object.entries(cs).filter(([k, v]) => k.includes('health-check') && v > 0).length, 0);

/** What each template's description promises its user, asserted. */
const CLAIMS: Record<string, (res: RunResult) => void> = {
  '01-spoke-and-hub-session-loss-packet-based.srlab.json': (res) => {
    expect(res.summary.sessions.recovered).toBe(res.summary.sessions.total);
    expect(res.summary.sessions.recoveredBy['packet-based']).toBe(res.summary.sessions.total);
    expect(healthCounters(res)).toBe(0);
    const voice = res.sessions.filter((s) => s.traffic === 'voice');
    for (const s of voice) expect(s.outageMaxMs).toBeLessThan(150);
  },
  '02-spoke-and-hub-session-loss-inactivity-based.srlab.json': (res) => {
    expect(res.summary.sessions.recoveredBy['health-check']).toBe(res.summary.sessions.total);
    expect(c(res, 'spoke1', HC)).toBeGreaterThan(0);
    expect(res.summary.exposure.total).toBe(0);
    for (const s of res.sessions.filter((x) => x.traffic === 'voice')) {
      expect(s.outageMaxMs).toBeGreaterThan(1900);
      expect(s.outageMaxMs).toBeLessThan(3100);
    }
  },
  '03-scanner-against-hub-packet-based.srlab.json': (res) => {
    expect(res.summary.exposure.byRouter.hub1).toBeGreaterThan(1000);
  },
  '04-scanner-against-hub-inactivity-based.srlab.json': (res) => {
    expect(res.summary.exposure.total).toBe(0);
    expect(res.summary.control.enableMetadata.count).toBe(0);
  },
  '05-one-way-stream-overhead-inactivity.srlab.json': (res) => {
    expect(c(res, 'spoke1', HC)).toBeGreaterThan(100);
    expect(c(res, 'spoke1', ACK_RX)).toBe(c(res, 'spoke1', HC));
    expect(c(res, 'hub1', DISABLE_FWD)).toBeGreaterThan(0);
    expect(res.summary.packets.lost).toBe(0);
  },
  '06-pre-6.1-hub.srlab.json': (res) => {
    expect(c(res, 'spoke1', TIMEOUT)).toBeGreaterThan(0);
    expect(c(res, 'spoke1', ACK_RX)).toBe(0);
    expect(res.summary.sessions.failed).toBe(0);
  },
  '07-half-upgraded-network.srlab.json': (res) => {
    expect(res.summary.sessions.recoveredBy['new-session']).toBeGreaterThan(0);
    expect(res.sessions.filter((s) => s.traffic === 'voice').every((s) => s.failed)).toBe(true);
    expect(res.summary.sessions.recovered).toBe(0);
  },
  '08-hub-restart-bfd.srlab.json': (res) => {
    expect(c(res, 'spoke1', 'emulator/bfd-path-down')).toBe(1);
    expect(c(res, 'spoke1', 'emulator/bfd-peer-restart-detected')).toBe(1);
    expect(res.summary.sessions.recoveredBy.bfd).toBe(res.summary.sessions.total);
  },
  '09-dual-hub-failover.srlab.json': (res) => {
    expect(c(res, 'spoke1', 'emulator/failover')).toBeGreaterThan(0);
    expect(res.summary.sessions.recoveredBy.failover).toBe(res.summary.sessions.total);
    expect(res.summary.sessions.failed).toBe(0);
  },
  '10-nat-spoke-rebinding.srlab.json': (res) => {
    expect(c(res, 'hub1', 'emulator/session-replaced')).toBeGreaterThan(0);
    expect(c(res, 'hub1', FWD_PINHOLE)).toBeGreaterThan(0);
    expect(c(res, 'hub1', STUCK)).toBeGreaterThan(0);
    expect(res.summary.sessions.recoveredBy['health-check']).toBeGreaterThan(0);
  },
};

describe('golden templates', () => {
  for (const file of templateFiles()) {
    describe(file, () => {
      const res = runTemplate(file);
      it('does what its description tells the user to look at', () => {
        const claim = CLAIMS[file];
        expect(claim, `no claims written for ${file}`).toBeDefined();
        claim!(res);
      });
      it('keeps its pinned fingerprint and KPIs', () => {
        const path = `${EXPECTED_DIR}${file.replace('.srlab.json', '.json')}`;
        expect(existsSync(path), `run npm run golden:update to pin ${file}`).toBe(true);
        expect(pinned(res)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
      });
      it('gives the same fingerprint when run again', () => {
        expect(runTemplate(file).summary.fingerprint).toBe(res.summary.fingerprint);
      });
    });
  }
});
