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

/** Keeps what the previous snapshot sent, to send only what changed. */
export class SnapshotBuilder {
  private lastCounters = new Map<string, Float64Array>();
  /** What the last snapshot said of each router and link (JSON), to send only changes. */
  private lastBadges = new Map<string, string>();
  private lastLinks = new Map<string, string>();
  private seriesSent = 0;
  private log: TraceEvent[] = [];
  private logDropped = 0;

  constructor(private readonly sim: Simulation) {}

  /** Collects a trace event for the next snapshot (pass as the run's `trace` option). */
  readonly onTrace = (e: TraceEvent): void => {
    if (this.log.length < MAX_LOG) this.log.push(e);
    else this.logDropped++;
  };

  /**
   * The snapshot of now. `full`: every counter and series point so far, and nothing consumed
   * (for a client that connects mid-run); otherwise only what changed since the last one.
   */
  build(runId: string | null, state: LiveSnapshot['state'], speed: number | 'max', achievedSpeed: number, full = false): LiveSnapshot {
    const w = this.sim.w;
    const routers: Record<string, RouterBadge> = {};
    const inOutage = new Map<number, number>();
    for (const s of w.rsessions) if (s !== null && s.alive && s.metricsRef?.inOutage) inOutage.set(s.router, (inOutage.get(s.router) ?? 0) + 1);
    const counters: Record<string, Record<string, number>> = {};
    for (const r of w.routerList) {
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
        if (!full) this.lastBadges.set(r.id, key);
      }
      const prev = full ? undefined : this.lastCounters.get(r.id);
      const changed: Record<string, number> = {};
      let any = false;
      for (let i = 0; i < r.counters.length; i++) {
        if (!prev || prev[i] !== r.counters[i]) {
          changed[COUNTER_PATHS[i]!] = r.counters[i]!;
          any = true;
        }
      }
      if (any) counters[r.id] = changed;
      if (!full) this.lastCounters.set(r.id, Float64Array.from(r.counters));
    }
    const links: Record<string, LinkState> = {};
    const lastMbps = (id: string) => {
      const s = w.series.linkMbps[id];
      return s && s.length > 0 ? s[s.length - 1]! : 0;
    };
    for (const l of w.links) {
      // Two significant figures: a steady link is not re-sent for every wobble of its rate.
      const state: LinkState = { up: l.up, impaired: l.impairs.length > 0, mbps: Number(lastMbps(l.id).toPrecision(2)) };
      const key = `${state.up}|${state.impaired}|${state.mbps}`;
      if (full || this.lastLinks.get(l.id) !== key) {
        links[l.id] = state;
        if (!full) this.lastLinks.set(l.id, key);
      }
    }
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
    for (const l of w.links) {
      for (const dir of [0, 1] as const) {
        const d = l.dirs[dir];
        const cap = d.times.length;
        for (let i = 0; i < d.count; i++) {
          if (k++ % stride !== 0) continue;
          const j = (d.head + i) & (cap - 1);
          const lat = Math.max(1, d.latUs);
          const progress = Math.min(1, Math.max(0, 1 - (d.times[j]! - w.now) / lat));
          out.push({ link: l.id, dir, kind: dotKind(d.pkts[j]!), progress });
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
