import { Ctl, LOSS_CAUSES, Rec, SAMPLE_US } from '../model/constants.ts';
import { AppOutage, type AppSession } from '../model/app-session.ts';
import type { Packet } from '../model/packet.ts';
import type { LinkDir } from '../model/network.ts';

/** Time series sampled every 100 ms of virtual time (ssr-model.md §7). */
export interface TimeSeries {
  /** Sample times, ms of virtual time. */
  tMs: number[];
  activeSessions: number[];
  sessionsInOutage: number[];
  deliveredPps: number[];
  lostPps: number[];
  /** Control packets per second by kind (sessionMetadata, healthCheck, ack, enableMetadata, disableForwardMetadata, bfd). */
  controlPps: Record<string, number[]>;
  /** Throughput per link in Mbit/s (both directions added), for at most {@link MAX_LINK_SERIES} links. */
  linkMbps: Record<string, number[]>;
  /** Utilisation per link in % of its bandwidth (links with a bandwidth limit only). */
  linkUtilPct: Record<string, number[]>;
}

/** Links beyond this many (WAN links first) get no per-link series, to bound memory. */
export const MAX_LINK_SERIES = 256;

/** Accumulates what is measured during one run. */
export class RunMetrics {
  sent = 0;
  delivered = 0;
  lost = 0;
  readonly lostBy = new Float64Array(LOSS_CAUSES.length);
  /** Losses by where they happened (link index, or -1 - node index for a router or host) and cause. */
  readonly lostWhere = new Map<number, Float64Array>();
  readonly ctlCount = new Float64Array(6);
  readonly ctlBytes = new Float64Array(6);
  readonly outagesUs: number[] = [];
  active = 0;
  inOutage = 0;
  private winDelivered = 0;
  private winLost = 0;
  private readonly winCtl = new Float64Array(6);

  /** Counts a control overhead item. */
  control(kind: Ctl, bytes: number): void {
    this.ctlCount[kind]! += 1;
    this.ctlBytes[kind]! += bytes;
    this.winCtl[kind]! += 1;
  }

  /** An application packet left its host. */
  appSent(app: AppSession): void {
    this.sent++;
    app.sent++;
  }

  /** An application packet reached its host: may end the session's outage. */
  appDelivered(p: Packet, now: number): void {
    this.delivered++;
    this.winDelivered++;
    const app = p.app!;
    app.delivered++;
    const o = app.o;
    if (o === null) return;
    if (p.dir === 0) {
      if (o.lostSince0 >= 0 && p.sendTime >= o.lostSince0) o.lostSince0 = -1;
    } else if (o.lostSince1 >= 0 && p.sendTime >= o.lostSince1) o.lostSince1 = -1;
    if (app.inOutage && o.lostSince0 < 0 && o.lostSince1 < 0) this.endOutage(app, now, false);
  }

  /** An application packet was lost at `where` (link index, or -1 - node): may start the session's outage. */
  appLost(p: Packet, cause: number, where: number): void {
    this.lost++;
    this.winLost++;
    this.lostBy[cause]! += 1;
    let at = this.lostWhere.get(where);
    if (at === undefined) this.lostWhere.set(where, (at = new Float64Array(LOSS_CAUSES.length)));
    at[cause]! += 1;
    const app = p.app!;
    app.lost++;
    const o = (app.o ??= new AppOutage());
    if (p.dir === 0) {
      if (o.lostSince0 < 0) o.lostSince0 = p.sendTime;
    } else if (o.lostSince1 < 0) o.lostSince1 = p.sendTime;
    if (!app.inOutage && app.active) {
      app.inOutage = true;
      o.start = p.sendTime;
      o.cause = Rec.Unset;
      this.inOutage++;
    }
  }

  /**
   * A recovery mechanism acted for a session. The first one during an outage is credited;
   * re-creation from metadata is credited only when nothing else acted.
   */
  noteCause(app: AppSession | null, cause: Rec): void {
    if (app === null || !app.inOutage) return;
    const o = app.o!;
    if (o.cause === Rec.Unset || (o.cause === Rec.Metadata && cause !== Rec.Metadata)) o.cause = cause;
  }

  /** Ends a session's outage at `now` (delivery, give-up or end of run). */
  endOutage(app: AppSession, now: number, failed: boolean): void {
    if (!app.inOutage) return;
    const o = app.o!;
    const d = Math.max(0, now - o.start);
    this.outagesUs.push(d);
    o.outages++;
    o.totalUs += d;
    if (d > o.maxUs) o.maxUs = d;
    app.inOutage = false;
    this.inOutage--;
    const by = failed ? Rec.Unset : o.cause === Rec.Unset ? Rec.None : o.cause;
    if (!failed) o.recoveredBy = by;
    else if (o.recoveredBy < 0) o.recoveredBy = Rec.None;
    o.list.push(o.start, o.start + d, by);
    o.lostSince0 = -1;
    o.lostSince1 = -1;
    o.cause = Rec.Unset;
  }

  /** Takes one 100 ms sample into `ts`. */
  sample(ts: TimeSeries, now: number, rows: SeriesRows): void {
    if (!rows.keep) return this.resetWindow();
    const perSec = 1_000_000 / SAMPLE_US;
    ts.tMs.push(now / 1000);
    ts.activeSessions.push(this.active);
    ts.sessionsInOutage.push(this.inOutage);
    ts.deliveredPps.push(this.winDelivered * perSec);
    ts.lostPps.push(this.winLost * perSec);
    const ctl = rows.control;
    for (let k = 0; k < ctl.length; k++) ctl[k]!.push(this.winCtl[k]! * perSec);
    const links = rows.links;
    for (let i = 0; i < links.length; i++) {
      const r = links[i]!;
      const b0 = r.d0.windowBytes;
      const b1 = r.d1.windowBytes;
      r.d0.windowBytes = 0;
      r.d1.windowBytes = 0;
      r.mbps.push(round3(((b0 + b1) * 8 * perSec) / 1e6));
      if (r.util !== null) r.util.push(round3((Math.max(b0, b1) * 8 * perSec * 100) / r.bwBps));
    }
    this.resetWindow();
  }

  private resetWindow(): void {
    this.winDelivered = 0;
    this.winLost = 0;
    this.winCtl.fill(0);
  }
}

/**
 * The series a sample appends to, found once when the run is built (a lab of 300 links would
 * otherwise look up 256 link ids in a dictionary ten times a virtual second).
 */
export interface SeriesRows {
  /** False: the run keeps no series (WorldOptions.series); a sample only resets the counts it would chart. */
  keep: boolean;
  /** `TimeSeries.controlPps` rows, in control-kind order. */
  control: number[][];
  /** One row per link with a series; its directions' byte windows are reset at each sample. */
  links: { d0: LinkDir; d1: LinkDir; bwBps: number; mbps: number[]; util: number[] | null }[];
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
