/**
 * Per-router counters under the paths the real product uses (ssr-model.md §8), plus the
 * emulator's own under `emulator/`.
 */

const PP = 'packet-processing/action/';

/** Every counter path, in display order. Index = counter id. */
export const COUNTER_PATHS = [
  `${PP}success/metadata/added-session-health-check`,
  `${PP}success/metadata/generated-session-health-check-acknowledgement`,
  `${PP}success/metadata/sent-session-health-check-acknowledgement`,
  `${PP}success/metadata/received-session-health-check-acknowledgement`,
  `${PP}success/metadata/received-stale-session-health-check-acknowledgement`,
  `${PP}failure/metadata/session-health-check-timeout`,
  `${PP}failure/metadata/session-health-check-timeout-forward-pinhole-flow`,
  `${PP}failure/metadata/session-health-check-timeout-reverse-pinhole-flow`,
  `${PP}failure/metadata/session-health-check-buffer-allocation`,
  `${PP}success/metadata/added`,
  `${PP}success/metadata/removed`,
  `${PP}success/metadata/sent-disable-forward-metadata`,
  `${PP}success/metadata/received-disable-forward-metadata`,
  `${PP}success/metadata/received-enable-metadata`,
  `${PP}success/metadata/invalidate-for-enable-metadata`,
  `${PP}failure/metadata/enable-metadata-flow-miss`,
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
  'emulator/sessions-lost',
  'emulator/failover',
  'emulator/no-route-dropped',
  'emulator/enable-metadata-buffer-allocation',
  'emulator/disable-forward-metadata-buffer-allocation',
  'emulator/control-flow-miss',
  'emulator/wayports-exhausted',
  'emulator/enable-metadata-answering-packet',
  'emulator/enable-metadata-answering-health-check',
  'emulator/enable-metadata-answering-scanner',
  'emulator/exposure-scanner',
  'emulator/exposure-lost-session',
] as const;

/** A counter path. */
export type CounterPath = (typeof COUNTER_PATHS)[number];

/** Counter ids (indices into {@link COUNTER_PATHS}). */
export const enum C {
  AddedHealthCheck = 0,
  GeneratedAck = 1,
  SentAck = 2,
  ReceivedAck = 3,
  ReceivedStaleAck = 4,
  HealthCheckTimeout = 5,
  HealthCheckTimeoutFwdPinhole = 6,
  HealthCheckTimeoutRevPinhole = 7,
  HealthCheckBufferAllocation = 8,
  MetadataAdded = 9,
  MetadataRemoved = 10,
  SentDisableFwd = 11,
  ReceivedDisableFwd = 12,
  ReceivedEnableMetadata = 13,
  InvalidateForEnableMetadata = 14,
  EnableMetadataFlowMiss = 15,
  StuckPinholeReverse = 16,
  EnableMetadataSent = 17,
  NoFlowDroppedSilently = 18,
  SessionsCreated = 19,
  SessionsExpired = 20,
  SessionReplaced = 21,
  BfdPathDown = 22,
  BfdPathUp = 23,
  BfdPeerRestart = 24,
  NatDropped = 25,
  NoSessionLanDropped = 26,
  Exposure = 27,
  SessionsLost = 28,
  Failover = 29,
  NoRouteDropped = 30,
  EnableMetadataBufferAllocation = 31,
  DisableFwdBufferAllocation = 32,
  ControlFlowMiss = 33,
  WayportsExhausted = 34,
  EnableMetadataForPacket = 35,
  EnableMetadataForHealthCheck = 36,
  EnableMetadataForScanner = 37,
  ExposureScanner = 38,
  ExposureLostSession = 39,
}

/** Number of counters each router keeps. */
export const COUNTER_COUNT = COUNTER_PATHS.length;

/** Turns a router's counter array into `{ path: value }` (zeros included). */
export function countersToRecord(values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < COUNTER_COUNT; i++) out[COUNTER_PATHS[i]!] = values[i] ?? 0;
  return out;
}
