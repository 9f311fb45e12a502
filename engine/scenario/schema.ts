/**
 * The scenario file format (spec/scenario-format.md) as a zod schema. Parsing fills in every
 * default, so engine code never sees `undefined` for a defaulted field. Messages are plain words;
 * the ones not given here come from the parse-time error map in `issues.ts`.
 */
import { z } from 'zod';
import { ObjectivesSchema } from './objectives.ts';

/** The value of every scenario file's `format` field. */
export const SCENARIO_FORMAT = 'session-recovery-lab/scenario';
/** The newest `formatVersion` this code reads (and the one it writes). */
export const SCENARIO_FORMAT_VERSION = 1;
/** Software version a router gets when its file gives none. */
export const DEFAULT_SOFTWARE_VERSION = '6.1.0';
/** Longest run: 24 h of virtual time, in ms. */
export const MAX_DURATION_MS = 86_400_000;

const MAX_LATENCY_MS = 60_000;
const MAX_BANDWIDTH_MBPS = 1_000_000;
const MAX_TIMEOUT_MS = 7 * MAX_DURATION_MS;
const MAX_RATE_PPS = 1_000_000;
/** Node and link indices travel packed in 16-bit fields (a session's LAN links, the lab's own events). */
const MAX_NODES = 50_000;
const MAX_LINKS = 60_000;

// ---- helpers: each rule carries its own plain-words message -----------------------------

/** A schema-level message; yields to the parse-time map ("is required") when the field is absent. */
function says(text: string): { error: (iss: z.core.$ZodRawIssue) => string | undefined } {
  return { error: (iss) => (iss.input === undefined ? undefined : text) };
}

function wholeNumber(min: number, max: number) {
  const rule = says(`must be a whole number from ${min} to ${max}`);
  return z.int(rule).min(min, rule).max(max, rule);
}

function numberFrom(min: number, max: number, orNull = '') {
  const rule = says(`must be a number from ${min} to ${max}${orNull}`);
  return z.number(rule).min(min, rule).max(max, rule);
}

function positive(max: number, orNull = '') {
  const rule = says(`must be a number greater than 0 and at most ${max}${orNull}`);
  return z.number(rule).positive(rule).max(max, rule);
}

function text(min: number, max: number) {
  const rule = says(`must be text of ${min} to ${max} characters`);
  return z.string(rule).min(min, rule).max(max, rule);
}

const ID_RULE = says('must be 1 to 64 characters: letters, digits, "_", "." or "-"');
const Id = z.string(ID_RULE).regex(/^[A-Za-z0-9_.-]{1,64}$/, ID_RULE);
const NodeRef = z.string(says('must be the id of a node (text)'));
const LinkRef = z.string(says('must be the id of a link (text)'));
const VERSION_RULE = says('must be a version like 6.1.0 (MAJOR.MINOR.PATCH)');
const SoftwareVersion = z.string(VERSION_RULE).regex(/^\d{1,5}\.\d{1,5}\.\d{1,5}$/, VERSION_RULE);
const Bytes = wholeNumber(1, 65_535);

// ---- authority ---------------------------------------------------------------------------

const RecoveryModeSchema = z.enum(['packet-based', 'inactivity-based']);
const InactivityTimeoutSec = wholeNumber(1, 3600);

const SessionRecoveryDetectionSchema = z.strictObject({
  mode: RecoveryModeSchema.default('packet-based'),
  inactivityTimeoutSec: InactivityTimeoutSec.default(5),
});

const BfdTxIntervalMs = wholeNumber(1, 60_000);
const BfdMultiplier = wholeNumber(1, 255);
const BfdHoldDownMs = numberFrom(0, 3_600_000);

const BfdSchema = z.strictObject({
  txIntervalMs: BfdTxIntervalMs.default(1000),
  multiplier: BfdMultiplier.default(3),
  holdDownMs: BfdHoldDownMs.default(5000),
});

const SessionTimeoutsSchema = z.strictObject({
  tcpMs: positive(MAX_TIMEOUT_MS).default(1_900_000),
  tcpInitialMs: positive(MAX_TIMEOUT_MS).default(10_000),
  udpMs: positive(MAX_TIMEOUT_MS).default(180_000),
});

/** The authority-wide settings (`authority` in the file), every field defaulted. */
export const AuthoritySchema = z.strictObject({
  sessionRecoveryDetection: SessionRecoveryDetectionSchema.prefault({}),
  healthCheckAckTimeoutMs: positive(3_600_000).default(1000),
  sessionTimeouts: SessionTimeoutsSchema.prefault({}),
  bfd: BfdSchema.prefault({}),
  controlPacketsPerSec: wholeNumber(0, 100_000_000).default(10_000),
});

// ---- nodes -------------------------------------------------------------------------------

const PositionSchema = z.strictObject({
  x: numberFrom(-1_000_000, 1_000_000),
  y: numberFrom(-1_000_000, 1_000_000),
});

const nodeCommon = {
  id: Id,
  label: text(1, 200).optional(),
  position: PositionSchema.optional(),
};

const HostNodeInput = z.strictObject({ ...nodeCommon, kind: z.literal(['client', 'server']) });

const RouterNodeInput = z.strictObject({
  ...nodeCommon,
  kind: z.literal(['spoke', 'hub']),
  softwareVersion: SoftwareVersion.optional(),
  sessionRecoveryDetection: z.strictObject({ mode: RecoveryModeSchema.optional(), inactivityTimeoutSec: InactivityTimeoutSec.optional() }).optional(),
  bfd: z
    .strictObject({
      txIntervalMs: BfdTxIntervalMs.optional(),
      multiplier: BfdMultiplier.optional(),
      holdDownMs: BfdHoldDownMs.optional(),
    })
    .optional(),
});

/** One node of the file; `label` defaults to the id, a router's `softwareVersion` to 6.1.0. */
export const NodeSchema = z.discriminatedUnion('kind', [HostNodeInput, RouterNodeInput]).transform((node): ScenarioNode => {
  const label = node.label ?? node.id;
  if (node.kind === 'spoke' || node.kind === 'hub') {
    return { ...node, kind: node.kind, label, softwareVersion: node.softwareVersion ?? DEFAULT_SOFTWARE_VERSION };
  }
  // Built field by field: TypeScript cannot narrow the union on a two-valued `kind` here.
  const host: HostNode = { id: node.id, kind: node.kind, label };
  if (node.position !== undefined) host.position = node.position;
  return host;
});

// ---- links -------------------------------------------------------------------------------

const NatSchema = z.strictObject({
  inside: NodeRef,
  bindingTimeoutMs: positive(MAX_DURATION_MS).default(30_000),
});

/** One link of the file, every field defaulted (`nat: null` when the link has no NAT). */
export const LinkSchema = z.strictObject({
  id: Id,
  a: NodeRef,
  b: NodeRef,
  latencyMs: numberFrom(0, MAX_LATENCY_MS).default(1),
  jitterMs: numberFrom(0, MAX_LATENCY_MS).default(0),
  lossPct: numberFrom(0, 100).default(0),
  bandwidthMbps: numberFrom(0, MAX_BANDWIDTH_MBPS).default(0),
  queuePackets: wholeNumber(1, 1_000_000).default(1000),
  up: z.boolean().default(true),
  nat: NatSchema.nullable().default(null),
});

// ---- traffic -----------------------------------------------------------------------------

const BurstSchema = z.strictObject({
  activeMs: positive(MAX_DURATION_MS),
  idleMs: positive(MAX_DURATION_MS),
});

/** One traffic definition; every field is present after parsing, whatever the pattern. */
export const TrafficSchema = z.strictObject({
  id: Id,
  from: NodeRef,
  to: NodeRef,
  protocol: z.enum(['tcp', 'udp']).default('tcp'),
  pattern: z.enum(['request-response', 'stream-up', 'stream-down', 'bidirectional']).default('request-response'),
  sessions: wholeNumber(1, 100_000).default(1),
  startMs: numberFrom(0, MAX_DURATION_MS).default(0),
  stopMs: numberFrom(0, MAX_DURATION_MS, ', or null').nullable().default(null),
  intervalMs: positive(MAX_DURATION_MS).default(1000),
  requestBytes: Bytes.default(400),
  responsePackets: wholeNumber(1, 10_000).default(1),
  responseBytes: Bytes.default(1200),
  // At least 1 ms: a shorter timeout would round to 0 µs and give up again at the same instant forever.
  appTimeoutMs: numberFrom(1, MAX_DURATION_MS).default(30_000),
  burst: BurstSchema.nullable().default(null),
  ratePps: positive(MAX_RATE_PPS).default(50),
  packetBytes: Bytes.default(200),
});

// ---- faults ------------------------------------------------------------------------------

const AtMs = numberFrom(0, MAX_DURATION_MS);
const DurationOrNull = positive(MAX_DURATION_MS, ', or null').nullable().default(null);

/** One fault, a union on `type`; `atMs` is when it happens. */
export const FaultSchema = z.discriminatedUnion('type', [
  z.strictObject({ atMs: AtMs, type: z.literal('node-restart'), node: NodeRef, downtimeMs: numberFrom(0, MAX_DURATION_MS) }),
  z.strictObject({ atMs: AtMs, type: z.literal('session-loss'), node: NodeRef, fraction: numberFrom(0, 1).default(1) }),
  z.strictObject({ atMs: AtMs, type: z.literal('link-down'), link: LinkRef, durationMs: DurationOrNull }),
  z.strictObject({ atMs: AtMs, type: z.literal('link-up'), link: LinkRef }),
  z.strictObject({
    atMs: AtMs,
    type: z.literal('link-impair'),
    link: LinkRef,
    direction: z.enum(['both', 'a-to-b', 'b-to-a']).default('both'),
    lossPct: numberFrom(0, 100).optional(),
    latencyMs: numberFrom(0, MAX_LATENCY_MS).optional(),
    jitterMs: numberFrom(0, MAX_LATENCY_MS).optional(),
    bandwidthMbps: numberFrom(0, MAX_BANDWIDTH_MBPS).optional(),
    durationMs: DurationOrNull,
  }),
  z.strictObject({
    atMs: AtMs,
    type: z.literal('link-flap'),
    link: LinkRef,
    downMs: positive(MAX_DURATION_MS),
    upMs: positive(MAX_DURATION_MS),
    count: wholeNumber(1, 100_000),
  }),
  z.strictObject({ atMs: AtMs, type: z.literal('nat-rebind'), link: LinkRef }),
  z.strictObject({
    atMs: AtMs,
    type: z.literal('scan'),
    target: NodeRef,
    ratePps: positive(MAX_RATE_PPS),
    durationMs: positive(MAX_DURATION_MS),
  }),
]);

// ---- the file ----------------------------------------------------------------------------

/** A whole scenario file. Parse with `parseScenario`, which adds the cross-reference checks. */
export const ScenarioSchema = z.strictObject({
  /** Lets editors find the JSON Schema; ignored by the engine. */
  $schema: z.string().optional(),
  format: z.literal(SCENARIO_FORMAT),
  formatVersion: z.literal(SCENARIO_FORMAT_VERSION),
  name: text(1, 200),
  description: text(0, 10_000).default(''),
  seed: wholeNumber(0, 4_294_967_295).default(1),
  durationMs: numberFrom(1, MAX_DURATION_MS),
  authority: AuthoritySchema.prefault({}),
  nodes: z
    .array(NodeSchema)
    .min(1, says('must list at least one node'))
    .max(MAX_NODES, says(`must list at most ${MAX_NODES} nodes`)),
  links: z
    .array(LinkSchema)
    .max(MAX_LINKS, says(`must list at most ${MAX_LINKS} links`))
    .default([]),
  traffic: z.array(TrafficSchema).default([]),
  faults: z.array(FaultSchema).default([]),
  objectives: ObjectivesSchema,
});

// ---- types -------------------------------------------------------------------------------

/** A parsed scenario: every defaulted field filled in. */
export type Scenario = z.output<typeof ScenarioSchema>;
/** How a router detects that its peer lost a session. */
export type RecoveryMode = z.output<typeof RecoveryModeSchema>;
/** `client`/`server` are hosts, `spoke`/`hub` are routers. */
export type NodeKind = 'client' | 'server' | 'spoke' | 'hub';
/** The authority-wide settings, all defaulted. */
export type Authority = z.output<typeof AuthoritySchema>;
/** A router's per-router override of the authority's session-recovery-detection settings. */
export type SessionRecoveryOverride = NonNullable<z.output<typeof RouterNodeInput>['sessionRecoveryDetection']>;
/** A router's per-router override of the authority's BFD timers. */
export type BfdOverride = NonNullable<z.output<typeof RouterNodeInput>['bfd']>;
/** Canvas position of a node. */
export type Position = z.output<typeof PositionSchema>;

interface NodeBase {
  id: string;
  label: string;
  position?: Position | undefined;
}
/** A spoke or hub. */
export interface RouterNode extends NodeBase {
  kind: 'spoke' | 'hub';
  softwareVersion: string;
  sessionRecoveryDetection?: SessionRecoveryOverride | undefined;
  bfd?: BfdOverride | undefined;
}
/** A client or server: no software version, no overrides. */
export interface HostNode extends NodeBase {
  kind: 'client' | 'server';
  softwareVersion?: undefined;
  sessionRecoveryDetection?: undefined;
  bfd?: undefined;
}
/** A parsed node: narrow on `kind` (or use `isRouter`) to reach router fields. */
export type ScenarioNode = RouterNode | HostNode;
/** A parsed link. */
export type ScenarioLink = z.output<typeof LinkSchema>;
/** A parsed traffic definition. */
export type TrafficDef = z.output<typeof TrafficSchema>;
/** A parsed fault. */
export type Fault = z.output<typeof FaultSchema>;
/** The fault kinds, e.g. `node-restart`. */
export type FaultType = Fault['type'];

/** True for `spoke` and `hub`. */
export function isRouterKind(kind: NodeKind): kind is RouterNode['kind'] {
  return kind === 'spoke' || kind === 'hub';
}

/** True when the node is a router (spoke or hub). */
export function isRouter(node: ScenarioNode): node is RouterNode {
  return isRouterKind(node.kind);
}
