/** Shared by the golden test and `npm run golden:update`: what a template run pins, and what it promises. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateObjectives, finishedRun, parseScenarioText, Simulation, ENGINE_VERSION, type RunResult, type Scenario } from '../../engine/index.ts';

/** Folder of the shipped templates. */
export const TEMPLATE_DIR = fileURLToPath(new URL('../../assets/scenarios/', import.meta.url));
/** Folder of the pinned expectations. */
export const EXPECTED_DIR = fileURLToPath(new URL('./expected/', import.meta.url));
/** Every engine version's template fingerprints: a version, once pinned, never changes them. */
export const HISTORY_FILE = fileURLToPath(new URL('./fingerprints-by-engine-version.json', import.meta.url));

/** The template files, in order. */
export function templateFiles(): string[] {
  return readdirSync(TEMPLATE_DIR)
    .filter((f) => f.endsWith('.srlab.json'))
    .sort();
}

/** Path of a template's pinned expectation. */
export function expectedPath(file: string): string {
  return `${EXPECTED_DIR}${file.replace('.srlab.json', '.json')}`;
}

/** One template file, parsed. */
export function loadTemplate(file: string): Scenario {
  const r = parseScenarioText(readFileSync(TEMPLATE_DIR + file, 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return r.scenario;
}

/** Runs one template file. */
export function runTemplate(file: string): RunResult {
  return new Simulation(loadTemplate(file)).run();
}

/** The template's own objectives (what `srlab check` grades) that a run fails, in words. */
export function failedObjectives(file: string, res: RunResult): string[] {
  const s = loadTemplate(file);
  return evaluateObjectives(s.objectives ?? [], finishedRun(s, res))
    .filter((o) => o.status !== 'pass')
    .map((o) => `objective ${o.id}: ${o.text} (${o.status})`);
}

/** The fingerprint and key KPIs a golden file pins, with the engine version that produced them. */
export function pinned(res: RunResult): Record<string, unknown> {
  const s = res.summary;
  return {
    engineVersion: s.engineVersion,
    fingerprint: s.fingerprint,
    events: s.events,
    sessions: s.sessions,
    packets: s.packets,
    control: s.control,
    exposure: s.exposure,
  };
}

/** `{ engineVersion: { templateFile: fingerprint } }`. */
export type FingerprintHistory = Record<string, Record<string, string>>;

/** The fingerprint history as committed. */
export function readHistory(): FingerprintHistory {
  return JSON.parse(readFileSync(HISTORY_FILE, 'utf8')) as FingerprintHistory;
}

export { ENGINE_VERSION };

const HC = 'packet-processing/action/success/metadata/added-session-health-check';
const ACK_RX = 'packet-processing/action/success/metadata/received-session-health-check-acknowledgement';
const TIMEOUT = 'packet-processing/action/failure/metadata/session-health-check-timeout';
const FWD_PINHOLE = 'packet-processing/action/failure/metadata/session-health-check-timeout-forward-pinhole-flow';
const STUCK = 'service-area/received/reverse-packets-for-stuck-pinhole-session';
const DISABLE_FWD = 'packet-processing/action/success/metadata/sent-disable-forward-metadata';
const c = (res: RunResult, router: string, path: string) => res.summary.counters[router]![path]!;
const healthCounters = (res: RunResult) => Object.values(res.summary.counters).reduce((n, cs) => n + Object.entries(cs).filter(([k, v]) => k.includes('health-check') && v > 0).length, 0);
const voice = (res: RunResult) => res.sessions.filter((s) => s.traffic === 'voice');

/** One promise of a template's description: what it says, and whether the run keeps it. */
export interface Claim {
  says: string;
  holds: (res: RunResult) => boolean;
}

/** What each template's description promises its user. */
export const CLAIMS: Record<string, Claim[]> = {
  '01-spoke-and-hub-session-loss-packet-based.srlab.json': [
    {
      says: 'every session recovers, by packet-based enable-metadata',
      holds: (r) => r.summary.sessions.recovered === r.summary.sessions.total && r.summary.sessions.recoveredBy['packet-based'] === r.summary.sessions.total,
    },
    { says: 'no health-check counter anywhere', holds: (r) => healthCounters(r) === 0 },
    { says: 'voice outages of about 80 ms (< 150 ms)', holds: (r) => voice(r).every((s) => s.outageMaxMs < 150) },
    { says: 'web (TCP) outages last until the retransmission after 1 s', holds: (r) => r.sessions.filter((s) => s.traffic === 'web').every((s) => s.outageMaxMs > 900 && s.outageMaxMs < 1200) },
  ],
  '02-spoke-and-hub-session-loss-inactivity-based.srlab.json': [
    { says: 'every session recovers by health check', holds: (r) => r.summary.sessions.recoveredBy['health-check'] === r.summary.sessions.total },
    { says: 'the spoke adds health checks', holds: (r) => c(r, 'spoke1', HC) > 0 },
    { says: 'no exposure', holds: (r) => r.summary.exposure.total === 0 },
    { says: 'voice outages of 2–3 s (the 2 s inactivity timeout plus a round trip)', holds: (r) => voice(r).every((s) => s.outageMaxMs > 1900 && s.outageMaxMs < 3100) },
  ],
  '03-scanner-against-hub-packet-based.srlab.json': [
    { says: 'the hub answers the scanner: over 1 000 exposures', holds: (r) => (r.summary.exposure.byRouter['hub1'] ?? 0) > 1000 && r.summary.exposure.scanner === r.summary.exposure.total },
  ],
  '04-scanner-against-hub-inactivity-based.srlab.json': [
    { says: 'no exposure and no enable-metadata at all', holds: (r) => r.summary.exposure.total === 0 && r.summary.control.enableMetadata.count === 0 },
  ],
  '05-one-way-stream-overhead-inactivity.srlab.json': [
    { says: 'the spoke probes the one-way streams over and over (> 100 checks)', holds: (r) => c(r, 'spoke1', HC) > 100 },
    { says: 'every check is acknowledged', holds: (r) => c(r, 'spoke1', ACK_RX) === c(r, 'spoke1', HC) },
    { says: 'the hub asks the spoke to stop adding metadata', holds: (r) => c(r, 'hub1', DISABLE_FWD) > 0 },
    { says: 'no packet is lost', holds: (r) => r.summary.packets.lost === 0 },
  ],
  '06-pre-6.1-hub.srlab.json': [
    { says: "the spoke's health checks time out", holds: (r) => c(r, 'spoke1', TIMEOUT) > 0 },
    { says: 'no acknowledgement ever comes back', holds: (r) => c(r, 'spoke1', ACK_RX) === 0 },
    { says: 'yet no session fails (packet-based recovery still works)', holds: (r) => r.summary.sessions.failed === 0 },
  ],
  '07-half-upgraded-network.srlab.json': [
    { says: 'stranded sessions reconnect as new sessions', holds: (r) => r.summary.sessions.recoveredBy['new-session'] > 0 },
    { says: 'every voice session fails', holds: (r) => voice(r).every((s) => s.failed) },
    { says: 'none recovers by itself', holds: (r) => r.summary.sessions.recovered === 0 },
  ],
  '08-hub-restart-bfd.srlab.json': [
    {
      says: 'voice back about 8 s after the hub left; web at the retransmission about 15 s after',
      holds: (r) => voice(r).every((s) => s.outageMaxMs > 7900 && s.outageMaxMs < 8500) && r.sessions.filter((s) => s.traffic === 'web').every((s) => s.outageMaxMs > 14_000 && s.outageMaxMs < 16_000),
    },
    { says: 'BFD marks the path down once and sees the restart once', holds: (r) => c(r, 'spoke1', 'emulator/bfd-path-down') === 1 && c(r, 'spoke1', 'emulator/bfd-peer-restart-detected') === 1 },
    { says: 'every session recovers by BFD', holds: (r) => r.summary.sessions.recoveredBy.bfd === r.summary.sessions.total },
  ],
  '09-dual-hub-failover.srlab.json': [
    { says: 'the spoke fails over', holds: (r) => c(r, 'spoke1', 'emulator/failover') > 0 },
    { says: 'every session recovers by failover, none fails', holds: (r) => r.summary.sessions.recoveredBy.failover === r.summary.sessions.total && r.summary.sessions.failed === 0 },
  ],
  '10-nat-spoke-rebinding.srlab.json': [
    { says: 'the hub replaces sessions that come back from new NAT ports', holds: (r) => c(r, 'hub1', 'emulator/session-replaced') > 0 },
    { says: 'forward pinhole health checks time out at the hub', holds: (r) => c(r, 'hub1', FWD_PINHOLE) > 0 },
    { says: 'reverse packets arrive for a stuck pinhole session', holds: (r) => c(r, 'hub1', STUCK) > 0 },
    { says: 'some sessions recover by health check', holds: (r) => r.summary.sessions.recoveredBy['health-check'] > 0 },
  ],
};

/** The claims of `file` that a run breaks (all of them must hold). */
export function brokenClaims(file: string, res: RunResult): string[] {
  const claims = CLAIMS[file];
  if (claims === undefined) return [`no claims written for ${file}`];
  return [...claims.filter((cl) => !cl.holds(res)).map((cl) => cl.says), ...failedObjectives(file, res)];
}
