/**
 * Generates large spoke-and-hub labs (`srlab generate`, the app's "New from pattern"): hubs in
 * a row over a data-centre server, spokes laid out in a grid or in rings below them, each spoke
 * dual-homed to two neighbouring hubs (primary nearer), with clients behind it opening sessions
 * to the server. Pure: the same options always give the same file.
 */
import type { RecoveryMode, TrafficDef } from './schema.ts';
import { SCENARIO_FORMAT, SCENARIO_FORMAT_VERSION, MAX_DURATION_MS } from './schema.ts';

/** How spokes are laid out on the canvas. */
export type GenerateLayout = 'grid' | 'rings';
/** A traffic pattern every client uses. */
export type GeneratePattern = TrafficDef['pattern'];

/** Options of {@link generateLab}; every field has a default in {@link GENERATE_DEFAULTS}. */
export interface GenerateOptions {
  spokes: number;
  hubs: number;
  clientsPerSpoke: number;
  sessionsPerClient: number;
  pattern: GeneratePattern;
  /** Every k-th spoke (spoke k, 2k, …) is behind NAT on its uplinks; 0: none. */
  natEvery: number;
  mode: RecoveryMode;
  layout: GenerateLayout;
  durationMs: number;
  /** The lab's name (default says what it is). */
  name?: string;
}

/** Defaults of every option but `spokes`. */
export const GENERATE_DEFAULTS: Omit<GenerateOptions, 'spokes'> = {
  hubs: 2,
  clientsPerSpoke: 1,
  sessionsPerClient: 2,
  pattern: 'request-response',
  natEvery: 0,
  mode: 'packet-based',
  layout: 'grid',
  durationMs: 60_000,
};

/** Bounds of each numeric option (inclusive). */
export const GENERATE_LIMITS = {
  spokes: [1, 10_000],
  hubs: [1, 64],
  clientsPerSpoke: [1, 16],
  sessionsPerClient: [1, 1000],
  natEvery: [0, 10_000],
  durationMs: [1, MAX_DURATION_MS],
} as const satisfies Record<string, readonly [number, number]>;

const PATTERNS: readonly GeneratePattern[] = ['request-response', 'stream-up', 'stream-down', 'bidirectional'];
const MODES: readonly RecoveryMode[] = ['packet-based', 'inactivity-based'];
const LAYOUTS: readonly GenerateLayout[] = ['grid', 'rings'];

/** Checked options, or one problem per bad option (named as the CLI flag's words). */
export type GenerateCheck = { ok: true; options: GenerateOptions } | { ok: false; problems: { option: keyof GenerateOptions; message: string }[] };

/** Fills in defaults and checks every option. */
export function checkGenerateOptions(input: Partial<GenerateOptions>): GenerateCheck {
  const o = { ...GENERATE_DEFAULTS, spokes: Number.NaN, ...input } as GenerateOptions;
  const problems: { option: keyof GenerateOptions; message: string }[] = [];
  for (const [key, [min, max]] of Object.entries(GENERATE_LIMITS) as [keyof typeof GENERATE_LIMITS, readonly [number, number]][]) {
    const v = o[key];
    if (!Number.isInteger(v) || v < min || v > max) problems.push({ option: key, message: `must be a whole number from ${min} to ${max}` });
  }
  if (!PATTERNS.includes(o.pattern)) problems.push({ option: 'pattern', message: `must be one of ${PATTERNS.join(', ')}` });
  if (!MODES.includes(o.mode)) problems.push({ option: 'mode', message: `must be ${MODES.join(' or ')}` });
  if (!LAYOUTS.includes(o.layout)) problems.push({ option: 'layout', message: `must be ${LAYOUTS.join(' or ')}` });
  if (o.name !== undefined && (o.name.length < 1 || o.name.length > 200)) problems.push({ option: 'name', message: 'must be text of 1 to 200 characters' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, options: o };
}

// Canvas geometry (a router is drawn 190 × 78, a host 160 × 52).
const ROUTER_W = 190;
const CELL_W = 250;
const SPOKE_H = 78;
const CLIENT_STEP = 66;
const HUB_GAP = 320;

/** The positions of spokes (top-left corners) and the offset of a spoke's k-th client from it. */
interface Layout {
  spokes: { x: number; y: number }[];
  client: (spoke: number, k: number) => { x: number; y: number };
  hubs: { x: number; y: number }[];
  server: { x: number; y: number };
}

function gridLayout(o: GenerateOptions): Layout {
  const cellH = SPOKE_H + 30 + o.clientsPerSpoke * CLIENT_STEP + 40;
  // Columns so the whole grid is about 16:9.
  const cols = Math.max(1, Math.min(o.spokes, Math.ceil(Math.sqrt((o.spokes * (16 / 9) * cellH) / CELL_W))));
  const width = cols * CELL_W;
  const top = 420;
  const spokes = Array.from({ length: o.spokes }, (_, i) => ({ x: (i % cols) * CELL_W, y: top + Math.floor(i / cols) * cellH }));
  const hubsWidth = (o.hubs - 1) * HUB_GAP;
  const hubs = Array.from({ length: o.hubs }, (_, h) => ({ x: Math.round(width / 2 - ROUTER_W / 2 - hubsWidth / 2 + h * HUB_GAP), y: 160 }));
  return {
    spokes,
    client: (s, k) => ({ x: spokes[s]!.x + 15, y: spokes[s]!.y + SPOKE_H + 30 + k * CLIENT_STEP }),
    hubs,
    server: { x: Math.round(width / 2 - 80), y: 0 },
  };
}

function ringsLayout(o: GenerateOptions): Layout {
  const hubsWidth = (o.hubs - 1) * HUB_GAP + ROUTER_W;
  const cellH = SPOKE_H + 30 + o.clientsPerSpoke * CLIENT_STEP + 20;
  // A spoke and its clients form an upright box; boxes on a ring are a diagonal apart so that
  // neither side-by-side (top, bottom) nor stacked (left, right) neighbours touch.
  const step = Math.hypot(CELL_W, cellH);
  const r0 = Math.max(hubsWidth / 2 + step, 3 * step);
  const spokes: { x: number; y: number }[] = [];
  for (let ring = 0, placed = 0; placed < o.spokes; ring++) {
    const r = r0 + ring * step;
    const n = Math.min(Math.floor((2 * Math.PI * r) / step), o.spokes - placed);
    for (let j = 0; j < n; j++) {
      const a = -Math.PI / 2 + (2 * Math.PI * j) / n + (ring % 2) * (Math.PI / n);
      // The box's centre on the ring.
      spokes.push({ x: Math.round(r * Math.cos(a) - ROUTER_W / 2), y: Math.round(r * Math.sin(a) - cellH / 2) });
    }
    placed += n;
  }
  const hubs = Array.from({ length: o.hubs }, (_, h) => ({ x: Math.round(-hubsWidth / 2 + h * HUB_GAP), y: 0 }));
  return {
    spokes,
    client: (s, k) => ({ x: spokes[s]!.x + 15, y: spokes[s]!.y + SPOKE_H + 30 + k * CLIENT_STEP }),
    hubs,
    server: { x: -80, y: -170 },
  };
}

/** A plain-data traffic entry for one client, by pattern, at rates a live canvas can carry. */
function trafficFor(o: GenerateOptions, id: string, from: string, index: number): Record<string, unknown> {
  const base = { id, from, to: 'server1', sessions: o.sessionsPerClient, startMs: (index * 37) % 1000 };
  if (o.pattern === 'request-response') return { ...base, protocol: 'tcp', pattern: 'request-response', intervalMs: 1000 };
  return { ...base, protocol: 'udp', pattern: o.pattern, ratePps: 5, packetBytes: 200 };
}

/**
 * A scenario file (plain JSON data, valid by construction; parse it with `parseScenario` to
 * run it). Ids: `hub1…`, `spoke1…`, `client1…` (`client1-2` with several per spoke), `server1`;
 * links `dc<h>` (hub–server), `wan<s>-<h>` (spoke–hub), `lan<s>[-k]` (client–spoke).
 */
export function generateLab(options: GenerateOptions): Record<string, unknown> {
  const o = options;
  const layout = o.layout === 'rings' ? ringsLayout(o) : gridLayout(o);
  const nodes: Record<string, unknown>[] = [{ id: 'server1', kind: 'server', label: 'Data centre', position: layout.server }];
  const links: Record<string, unknown>[] = [];
  const traffic: Record<string, unknown>[] = [];
  for (let h = 0; h < o.hubs; h++) {
    nodes.push({ id: `hub${h + 1}`, kind: 'hub', position: layout.hubs[h] });
    links.push({ id: `dc${h + 1}`, a: `hub${h + 1}`, b: 'server1', latencyMs: 0.2 });
  }
  for (let s = 0; s < o.spokes; s++) {
    const spoke = `spoke${s + 1}`;
    nodes.push({ id: spoke, kind: 'spoke', position: layout.spokes[s] });
    const nat = o.natEvery > 0 && (s + 1) % o.natEvery === 0 ? { nat: { inside: spoke } } : {};
    // Dual-homed: the primary hub (nearer) and the next one as backup.
    const primary = s % o.hubs;
    const uplinks = o.hubs === 1 ? [primary] : [primary, (primary + 1) % o.hubs];
    uplinks.forEach((h, i) => links.push({ id: `wan${s + 1}-${h + 1}`, a: spoke, b: `hub${h + 1}`, latencyMs: i === 0 ? 15 : 25, ...nat }));
    for (let k = 0; k < o.clientsPerSpoke; k++) {
      const suffix = o.clientsPerSpoke === 1 ? `${s + 1}` : `${s + 1}-${k + 1}`;
      nodes.push({ id: `client${suffix}`, kind: 'client', position: layout.client(s, k) });
      links.push({ id: `lan${suffix}`, a: `client${suffix}`, b: spoke, latencyMs: 0.5 });
      traffic.push(trafficFor(o, `t${suffix}`, `client${suffix}`, s * o.clientsPerSpoke + k));
    }
  }
  const sessions = o.spokes * o.clientsPerSpoke * o.sessionsPerClient;
  return {
    format: SCENARIO_FORMAT,
    formatVersion: SCENARIO_FORMAT_VERSION,
    name: o.name ?? `${o.spokes} spokes, ${o.hubs} hub${o.hubs === 1 ? '' : 's'} (${o.pattern}, ${o.mode})`,
    description: `Generated: ${o.spokes} spokes in ${o.layout === 'rings' ? 'rings' : 'a grid'}, each dual-homed to two of ${o.hubs} hubs (primary 15 ms, backup 25 ms), ${o.clientsPerSpoke} client(s) per spoke opening ${o.sessionsPerClient} ${o.pattern} session(s) each to the data-centre server: ${sessions} sessions${o.natEvery > 0 ? `; every ${o.natEvery}. spoke behind NAT` : ''}.`,
    seed: 1,
    durationMs: o.durationMs,
    authority: { sessionRecoveryDetection: { mode: o.mode, inactivityTimeoutSec: 5 } },
    nodes,
    links,
    traffic,
    faults: [],
  };
}
