/**
 * Builds the live snapshots a running lab streams (contract/snapshot.ts) from a Simulation:
 * pure reads of the world, sized to stay small (a sample of packets in flight, only the
 * counters that changed, the log entries since the previous snapshot).
 */
import type { Simulation } from '../sim.ts';
import type { LiveSnapshot, PacketDot, RouterBadge, LinkState } from '../contract/snapshot.ts';
import type { TraceEvent } from '../model/trace.ts';
import { COUNTER_PATHS, C } from '../metrics/counters.ts';
import { CONTROL_KINDS, Pk } from '../model/constants.ts';
import type { Packet } from '../model/packet.ts';

/** Most packets in flight one snapshot carries (enough to animate a lab). */
export const MAX_DOTS = 400;
/** Most log entries one snapshot carries. */
export const MAX_LOG = 200;

/**
 * Byte budgets of a streamed snapshot's parts (JSON, estimated), so that one stays ≤ 64 KB
 * however big the lab: with 1 000 routers whose counters all move, a snapshot carries the
 * changes of as many routers as fit, taking them in turn (round robin), and the rest follow in
 * the next snapshots. The parts add up to 53 KB; each may overshoot by one router's counters
 * (about 3 KB), leaving room for the series and the rest. A `full` snapshot (a window joining
 * mid-run) is not budgeted.
 */
export const SNAPSHOT_BUDGET = { badges: 10_000, counters: 12_000, links: 5_000, log: 8_000, dots: 18_000 } as const;

/** Keeps what the previous snapshot sent, to send only what changed. */
export class SnapshotBuilder {
  private lastCounters = new Map<string, Float64Array>();
  /** What the last snapshot said of each router and link (JSON), to send only changes. */
  private lastBadges = new Map<string, string>();
  private lastLinks = new Map<string, string>();
  private seriesSent = 0;
  /** Entries of the run's fault log the snapshots have looked at (the live ones among them were sent). */
  private faultsSeen = 0;
  private log: TraceEvent[] = [];
  private logBytes = 0;
  private logDropped = 0;
  /** Where the next snapshot's round robin over routers and links starts. */
  private routerTurn = 0;
  private counterTurn = 0;
  private linkTurn = 0;

  constructor(private readonly sim: Simulation) {}

  /** Collects a trace event for the next snapshot (pass as the run's `trace` option). */
  readonly onTrace = (e: TraceEvent): void => {
    // Sized roughly: the fixed fields plus the detail's keys and values.
    let bytes = 60 + e.node.length + e.kind.length;
    for (const k in e.detail) bytes += k.length + String(e.detail[k]).length + 6;
    if (this.log.length < MAX_LOG && this.logBytes + bytes <= SNAPSHOT_BUDGET.log) {
      this.log.push(e);
      this.logBytes += bytes;
    } else this.logDropped++;
  };

  /**
   * The snapshot of now. `full`: every counter and series point so far, and nothing consumed
   * (for a client that connects mid-run); otherwise only what changed since the last one.
   */
  build(runId: string | null, state: LiveSnapshot['state'], speed: number | 'max', achievedSpeed: number, full = false): LiveSnapshot {
    const w = this.sim.w;
    const routers: Record<string, RouterBadge> = {};
    const inOutage = new Map<number, number>();
    const st = w.sessions;
    for (let s = 0, end = st.sessionEnd; s < end; s++) {
      if (st.alive(s) && w.appOf(s)?.inOutage === true) inOutage.set(st.router(s), (inOutage.get(st.router(s)) ?? 0) + 1);
    }
    const counters: Record<string, Record<string, number>> = {};
    const list = w.routerList;
    const n = list.length;
    // Badges and counters each take the routers in turn, from where the last snapshot stopped;
    // past its budget a router waits for the next snapshot, which starts with it.
    let bytes = 0;
    let k = 0;
    const bStart = full || n === 0 ? 0 : this.routerTurn % n;
    for (; k < n && (full || bytes <= SNAPSHOT_BUDGET.badges); k++) {
      const r = list[(bStart + k) % n]!;
      const node = w.scenario.nodes[r.node]!;
      const badge: RouterBadge = {
        up: r.up,
        mode: r.inactivity ? 'inactivity-based' : 'packet-based',
        timeoutSec: r.timeoutUs / 1_000_000,
        version: 'softwareVersion' in node && node.softwareVersion ? node.softwareVersion : '6.1.0',
        sessions: r.sessions,
        inOutage: inOutage.get(r.node) ?? 0,
        exposure: r.counters[C.Exposure]!,
      };
      const key = JSON.stringify(badge);
      if (full || this.lastBadges.get(r.id) !== key) {
        routers[r.id] = badge;
        bytes += key.length + r.id.length + 4;
        if (!full) this.lastBadges.set(r.id, key);
      }
    }
    if (!full && n > 0) this.routerTurn = (bStart + k) % n;
    bytes = 0;
    const cStart = full || n === 0 ? 0 : this.counterTurn % n;
    for (k = 0; k < n && (full || bytes <= SNAPSHOT_BUDGET.counters); k++) {
      const r = list[(cStart + k) % n]!;
      const prev = full ? undefined : this.lastCounters.get(r.id);
      const changed: Record<string, number> = {};
      let any = false;
      for (let i = 0; i < r.counters.length; i++) {
        if (!prev || prev[i] !== r.counters[i]) {
          changed[COUNTER_PATHS[i]!] = r.counters[i]!;
          bytes += COUNTER_PATHS[i]!.length + 14;
          any = true;
        }
      }
      if (any) counters[r.id] = changed;
      if (!full) this.lastCounters.set(r.id, Float64Array.from(r.counters));
    }
    if (!full && n > 0) this.counterTurn = (cStart + k) % n;
    const links: Record<string, LinkState> = {};
    const lastMbps = (id: string) => {
      const s = w.series.linkMbps[id];
      return s && s.length > 0 ? s[s.length - 1]! : 0;
    };
    const nl = w.links.length;
    const lstart = full || nl === 0 ? 0 : this.linkTurn % nl;
    let linkBytes = 0;
    let lnext = lstart;
    for (let k = 0; k < nl; k++) {
      if (!full && linkBytes > SNAPSHOT_BUDGET.links) break;
      const l = w.links[(lstart + k) % nl]!;
      lnext = (lstart + k + 1) % nl;
      // Two significant figures: a steady link is not re-sent for every wobble of its rate.
      const state: LinkState = { up: l.up, impaired: l.impairs.length > 0, mbps: Number(lastMbps(l.id).toPrecision(2)) };
      const key = `${state.up}|${state.impaired}|${state.mbps}`;
      if (full || this.lastLinks.get(l.id) !== key) {
        links[l.id] = state;
        linkBytes += l.id.length + 48;
        if (!full) this.lastLinks.set(l.id, key);
      }
    }
    if (!full) this.linkTurn = lnext;
    const m = w.metrics;
    let affected = 0;
    let failed = 0;
    for (const a of w.apps) {
      if (a.outages > 0 || a.inOutage) affected++;
      if (a.failed) failed++;
    }
    const ts = w.series;
    const from = full ? 0 : this.seriesSent;
    if (!full) this.seriesSent = ts.tMs.length;
    const slice = (a: number[]) => a.slice(from);
    // Live faults that have taken effect. A replayed run (time travel) knows its later ones from
    // the start; they wait for their time.
    const injected: LiveSnapshot['injected'] = [];
    let i = full ? 0 : this.faultsSeen;
    for (; i < w.faultLog.length; i++) {
      const e = w.faultLog[i]!;
      if (e.source !== 'live') continue;
      if (e.atMs * 1000 > w.now) break;
      injected.push({ index: i, atMs: e.atMs, fault: e.fault });
    }
    if (!full) this.faultsSeen = i;
    const snap: LiveSnapshot = {
      runId,
      tMs: w.now / 1000,
      durationMs: w.endUs / 1000,
      state,
      speed,
      achievedSpeed,
      events: w.events,
      fingerprint: w.fp.hex(),
      sessions: { active: m.active, inOutage: m.inOutage, total: w.apps.length, affected, failed },
      packets: { sent: m.sent, delivered: m.delivered, lost: m.lost },
      routers,
      links,
      packetsInFlight: this.dots(),
      counters,
      log: full ? [] : this.log,
      logDropped: full ? 0 : this.logDropped,
      injected,
      series: {
        tMs: slice(ts.tMs),
        sessionsInOutage: slice(ts.sessionsInOutage),
        activeSessions: slice(ts.activeSessions),
        deliveredPps: slice(ts.deliveredPps),
        lostPps: slice(ts.lostPps),
        controlPps: Object.fromEntries(CONTROL_KINDS.map((k) => [k, slice(ts.controlPps[k]!)])),
      },
    };
    if (!full) {
      this.log = [];
      this.logBytes = 0;
      this.logDropped = 0;
    }
    return snap;
  }

  /** A fair sample of the packets in flight on every link, with how far along each is. */
  private dots(): PacketDot[] {
    const w = this.sim.w;
    let total = 0;
    for (const l of w.links) total += l.dirs[0].count + l.dirs[1].count;
    const stride = Math.max(1, Math.ceil(total / MAX_DOTS));
    const out: PacketDot[] = [];
    let k = 0;
    let bytes = 0;
    for (const l of w.links) {
      for (const dir of [0, 1] as const) {
        const d = l.dirs[dir];
        for (const p of d.queued()) {
          if (k++ % stride !== 0) continue;
          if (bytes > SNAPSHOT_BUDGET.dots) return out;
          bytes += l.id.length + 64;
          const lat = Math.max(1, d.latUs);
          // Three decimals are finer than a pixel on any link; full precision only weighs the wire.
          const progress = Math.round(Math.min(1, Math.max(0, 1 - (p.arrT - w.now) / lat)) * 1000) / 1000;
          out.push({ link: l.id, dir, kind: dotKind(p), progress });
        }
      }
    }
    return out;
  }
}

function dotKind(p: Packet): PacketDot['kind'] {
  switch (p.kind) {
    case Pk.Bfd:
      return 'bfd';
    case Pk.EnableMetadata:
      return 'enable-metadata';
    case Pk.HealthCheckAck:
      return 'ack';
    case Pk.DisableForwardMetadata:
      return 'disable-forward-metadata';
    case Pk.Scan:
      return 'scanner';
    default:
      return p.hc !== 0 ? 'health-check' : p.md ? 'metadata' : 'data';
  }
}
