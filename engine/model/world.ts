import { EventQueue } from '../core/event-queue.ts';
import { Fingerprint } from '../core/fingerprint.ts';
import { RandomStreams, type RandomStream } from '../core/rng.ts';
import type { Scenario, Fault } from '../scenario/schema.ts';
import { RunMetrics, MAX_LINK_SERIES, type SeriesRows, type TimeSeries } from '../metrics/run-metrics.ts';
import { Act, CONTROL_KINDS, Ev, Loss, Pk } from './constants.ts';
import type { C } from '../metrics/counters.ts';
import { LinkRt, Nat, PeerPath, RouterRt } from './network.ts';
import { SessionStore } from './session-store.ts';
import { innerLo, PacketPool, type Packet } from './packet.ts';
import { TrafficRuntime } from './traffic.ts';
import type { AppSession } from './app-session.ts';
import { Routing } from './routing.ts';
import type { TraceEvent } from './trace.ts';
import { isAtLeast610 } from './version.ts';
import { Cls, ExpiryLinks, ExpiryList } from './expiry-list.ts';

/** A fault as it happened in a run: scheduled from the scenario or injected live. */
export interface FaultLogEntry {
  /** Virtual time the fault takes effect, ms. */
  atMs: number;
  fault: Fault;
  source: 'scheduled' | 'live';
}

/** The fingerprint as it stood at a virtual time. */
export interface Checkpoint {
  tMs: number;
  /** Events processed so far (the sample event included). */
  events: number;
  fingerprint: string;
}

/** Options for building a run. */
export interface WorldOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Overrides the scenario's duration (ms). */
  durationMs?: number;
  /** Receives control-plane and session events (not every data packet). */
  trace?: (e: TraceEvent) => void;
  /** Faults injected live in an earlier run, re-applied at their times (replay). */
  liveFaults?: readonly { atMs: number; fault: Fault }[];
  /**
   * False: keep no time series (the result's `series` has no samples; its summary, sessions
   * and fingerprint are the same). For runs nobody charts, such as the runs of a sweep that
   * stores nothing: sampling up to 256 links ten times a virtual second is about a tenth of a
   * small lab's run, and a fork copies every sample taken so far.
   */
  series?: boolean;
}

/**
 * Everything one run holds: topology at run time, pending events, sessions and metrics.
 * The model's rules live in the sibling modules, as functions over a World.
 */
export class World {
  now = 0;
  seq = 0;
  readonly endUs: number;
  readonly seed: number;
  readonly queue = new EventQueue(4096);
  readonly fp = new Fingerprint();
  readonly streams: RandomStreams;
  readonly pool = new PacketPool();
  readonly metrics = new RunMetrics();
  readonly series: TimeSeries;
  /** The rows of {@link series} each sample appends to. */
  readonly seriesRows: SeriesRows;
  readonly seriesLinks: LinkRt[];
  readonly nodeIds: string[];
  /** Router runtime by node index (null for hosts). */
  readonly routers: (RouterRt | null)[];
  readonly routerList: RouterRt[];
  readonly links: LinkRt[];
  readonly linkById = new Map<string, number>();
  /** Links of each node (indices). */
  readonly nodeLinks: number[][];
  readonly traffic: TrafficRuntime[];
  readonly apps: AppSession[] = [];
  /** Every router session and WAN side, by id (session-store.ts). */
  readonly sessions = new SessionStore();
  /** Every router's peer paths, by {@link PeerPath.index}. */
  readonly paths: PeerPath[] = [];
  readonly routing: Routing;
  readonly faultLog: FaultLogEntry[] = [];
  /** Receives control-plane and session events; null when nobody listens. */
  trace: ((e: TraceEvent) => void) | null;
  readonly scanRng: RandomStream;
  readonly faultRng: RandomStream;
  /** Lanes for timers whose delay is the same for everyone (they fire in FIFO order). */
  readonly laneHealthCheck: number;
  /** Least-recently-active lists per timeout class (TCP before a reply, TCP, UDP). */
  readonly expiry: ExpiryList[];
  /** The lists' links, by router-session id. */
  readonly expiryLinks = new ExpiryLinks();
  readonly tcpUs: number;
  readonly tcpInitialUs: number;
  readonly udpUs: number;
  /** Events processed. */
  events = 0;
  /** Fingerprint after each virtual second: lets a comparison find the first divergence by search. */
  readonly checkpoints: Checkpoint[] = [];

  /** The lab (validated); only a fork at the fault swaps it for the same lab with other faults. */
  scenario: Scenario;

  constructor(scenario: Scenario, opts: WorldOptions = {}) {
    this.scenario = scenario;
    this.seed = (opts.seed ?? scenario.seed) >>> 0;
    this.endUs = Math.round((opts.durationMs ?? scenario.durationMs) * 1000);
    this.streams = new RandomStreams(this.seed);
    this.trace = opts.trace ?? null;
    this.scanRng = this.streams.stream('scanners');
    this.faultRng = this.streams.stream('faults');
    const a = scenario.authority;
    this.tcpUs = Math.round(a.sessionTimeouts.tcpMs * 1000);
    this.tcpInitialUs = Math.round(a.sessionTimeouts.tcpInitialMs * 1000);
    this.udpUs = Math.round(a.sessionTimeouts.udpMs * 1000);
    this.expiry = [new ExpiryList(Cls.TcpInitial, this.tcpInitialUs), new ExpiryList(Cls.Tcp, this.tcpUs), new ExpiryList(Cls.Udp, this.udpUs)];
    this.laneHealthCheck = this.queue.addLane(Ev.HealthCheckDeadline);
    const nodes = scenario.nodes;
    this.nodeIds = nodes.map((n) => n.id);
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    this.routers = nodes.map((n, i) => {
      if (n.kind !== 'spoke' && n.kind !== 'hub') return null;
      const v61 = isAtLeast610(n.softwareVersion ?? '6.1.0');
      const srd = { ...a.sessionRecoveryDetection, ...(n.sessionRecoveryDetection ?? {}) };
      const bfd = { ...a.bfd, ...(n.bfd ?? {}) };
      return new RouterRt({
        node: i,
        id: n.id,
        addr: i + 1,
        isHub: n.kind === 'hub',
        v61,
        inactivity: v61 && srd.mode === 'inactivity-based',
        timeoutUs: srd.inactivityTimeoutSec * 1_000_000,
        ackTimeoutUs: Math.round(a.healthCheckAckTimeoutMs * 1000),
        bfdTxUs: Math.round(bfd.txIntervalMs * 1000),
        bfdMult: bfd.multiplier,
        bfdHoldUs: Math.round(bfd.holdDownMs * 1000),
        ctlRate: a.controlPacketsPerSec,
      });
    });
    this.routerList = this.routers.filter((r): r is RouterRt => r !== null);
    this.nodeLinks = nodes.map(() => []);
    const rank = new Map(
      [...scenario.links]
        .map((l) => l.id)
        .sort()
        .map((id, i) => [id, i]),
    );
    this.links = scenario.links.map((l, i) => {
      const ai = index.get(l.a)!;
      const bi = index.get(l.b)!;
      const isWan = this.routers[ai] !== null && this.routers[bi] !== null;
      const rt = new LinkRt({
        index: i,
        id: l.id,
        a: ai,
        b: bi,
        isWan,
        latUs: Math.round(l.latencyMs * 1000),
        jitUs: Math.round(l.jitterMs * 1000),
        lossP: l.lossPct / 100,
        bwBps: l.bandwidthMbps * 1e6,
        queueLimit: l.queuePackets,
        up: l.up,
        rng: this.streams.stream(`link:${l.id}`),
      });
      this.linkById.set(l.id, i);
      this.nodeLinks[ai]!.push(i);
      this.nodeLinks[bi]!.push(i);
      if (isWan) {
        const inside = l.nat ? index.get(l.nat.inside)! : -1;
        // NAT public addresses come after every node address, so they never collide with one.
        if (l.nat) rt.nat = new Nat(inside, nodes.length + 1 + i, Math.round(l.nat.bindingTimeoutMs * 1000));
        const r = rank.get(l.id)!;
        const peerAddrFor = (peer: number) => (rt.nat && peer === inside ? rt.nat.addr : peer + 1);
        const path = (router: number, peer: number) =>
          new PeerPath({ index: this.paths.length, router, link: i, peer, latUs: rt.baseLatUs, linkRank: r, natInside: inside === router, natOutside: inside === peer, peerAddr: peerAddrFor(peer) });
        rt.pathA = path(ai, bi);
        this.paths.push(rt.pathA);
        rt.pathB = path(bi, ai);
        this.paths.push(rt.pathB);
        this.routers[ai]!.paths.push(rt.pathA);
        this.routers[bi]!.paths.push(rt.pathB);
      } else {
        const router = this.routers[ai] ?? this.routers[bi];
        const host = this.routers[ai] ? bi : ai;
        router?.hosts.set(host, i);
      }
      return rt;
    });
    this.routing = new Routing(this);
    const keepSeries = opts.series !== false;
    this.seriesLinks = !keepSeries ? [] : [...this.links].sort((x, y) => Number(y.isWan) - Number(x.isWan)).slice(0, MAX_LINK_SERIES);
    this.series = {
      tMs: [],
      activeSessions: [],
      sessionsInOutage: [],
      deliveredPps: [],
      lostPps: [],
      controlPps: Object.fromEntries(keepSeries ? CONTROL_KINDS.map((k) => [k, [] as number[]]) : []),
      linkMbps: Object.fromEntries(this.seriesLinks.map((l) => [l.id, [] as number[]])),
      linkUtilPct: Object.fromEntries(this.seriesLinks.filter((l) => l.baseBwBps > 0).map((l) => [l.id, [] as number[]])),
    };
    this.seriesRows = {
      keep: keepSeries,
      control: keepSeries ? CONTROL_KINDS.map((k) => this.series.controlPps[k]!) : [],
      links: this.seriesLinks.map((l) => ({ d0: l.dirs[0], d1: l.dirs[1], bwBps: l.baseBwBps, mbps: this.series.linkMbps[l.id]!, util: this.series.linkUtilPct[l.id] ?? null })),
    };
    const services = new Map<string, number>();
    this.traffic = scenario.traffic.map((t, i) => {
      const client = index.get(t.from)!;
      const server = index.get(t.to)!;
      const sPort = t.protocol === 'tcp' ? 443 + i * 2 : 5060 + i * 2;
      const key = `${server}/${sPort}/${t.protocol}`;
      let svc = services.get(key);
      if (svc === undefined) {
        svc = services.size + 1;
        services.set(key, svc);
      }
      const rt = new TrafficRuntime({
        def: t,
        index: i,
        client,
        server,
        clientLink: this.nodeLinks[client]![0]!,
        svc,
        serverPort: sPort,
        rng: this.streams.stream(`traffic:${t.id}`),
        durationUs: this.endUs,
      });
      rt.clientLane = this.queue.addLane(Ev.AppTick, client, t.sessions + 8);
      rt.serverLane = this.queue.addLane(Ev.ServerTick, server, t.pattern === 'stream-down' || t.pattern === 'bidirectional' ? t.sessions + 8 : 4);
      return rt;
    });
    for (const f of scenario.faults) this.faultLog.push({ atMs: f.atMs, fault: f, source: 'scheduled' });
    for (const f of opts.liveFaults ?? []) this.faultLog.push({ atMs: f.atMs, fault: { ...f.fault, atMs: f.atMs }, source: 'live' });
  }

  /** Schedules an event; returns nothing (cancellation is by generation numbers). */
  at(time: number, kind: Ev, node: number, a: number, b: number): void {
    this.queue.push(time, this.seq++, kind, node, a, b);
  }

  /** Schedules an event in FIFO lane `lane` (falls back to the heap when out of lane order). */
  atLane(lane: number, time: number, kind: Ev, node: number, a: number, b: number): void {
    this.queue.pushLane(lane, time, this.seq++, kind, node, a, b);
  }

  /** First address of scanners (after every node and NAT address). */
  get scannerBase(): number {
    return this.nodeIds.length + this.links.length + 1;
  }

  /** Counts one on router counter `c` (and folds it into the fingerprint). */
  bump(r: RouterRt, c: C): void {
    r.counters[c]! += 1;
    this.fp.act(r.node, Act.Counter | c);
  }

  /** A new session of router `r` for the packet's inner tuple (in no table yet: see finishSession), by id. */
  newRouterSession(r: RouterRt, p: Packet): number {
    return this.sessions.newSession(r.node, p.cAddr, innerLo(p.cPort, p.svc), p.proto, p.sAddr, this.now, p.app === null ? -1 : p.app.id);
  }

  /** The application session router session `s` carries (for measurement), or null. */
  appOf(s: number): AppSession | null {
    const a = this.sessions.app(s);
    return a < 0 ? null : this.apps[a]!;
  }

  /**
   * Sends a packet from node `from` onto link `li`. Applies the link's state, NAT (outbound),
   * loss, bandwidth and queue; the packet arrives in FIFO order after latency and jitter.
   */
  transmit(li: number, from: number, p: Packet): void {
    const l = this.links[li]!;
    if (!l.up) return this.drop(p, Loss.LinkDown, li);
    const nat = l.nat;
    if (nat !== null && from === nat.inside) {
      p.oSrcPort = nat.outbound(p.oSrcPort, this.now);
      p.oSrcAddr = nat.addr;
    }
    const d = l.dirFrom(from);
    this.fp.act(d.index, Act.Send | (p.kind << 2) | (p.hc !== 0 ? 2 : 0) | (p.md ? 1 : 0));
    if (d.lossP > 0 && l.rng.next() < d.lossP) return this.drop(p, Loss.LinkLoss, li);
    let depart = this.now;
    if (d.bwBps > 0) {
      const txEnds = d.txEnds;
      while (d.txHead < txEnds.length && txEnds[d.txHead]! <= this.now) d.txHead++;
      if (d.txHead > 1024 && d.txHead * 2 > txEnds.length) {
        txEnds.splice(0, d.txHead);
        d.txHead = 0;
      }
      if (txEnds.length - d.txHead >= l.queueLimit) return this.drop(p, Loss.Queue, li);
      const txUs = Math.ceil((p.wire * 8 * 1e6) / d.bwBps);
      depart = Math.max(this.now, d.busyUntil) + txUs;
      d.busyUntil = depart;
      txEnds.push(depart);
    }
    d.windowBytes += p.wire;
    let arrive = depart + d.latUs;
    if (d.jitUs > 0) arrive = Math.max(depart, arrive + Math.round((l.rng.next() * 2 - 1) * d.jitUs));
    if (arrive < d.lastArrival) arrive = d.lastArrival;
    d.lastArrival = arrive;
    const seq = this.seq++;
    if (d.enqueue(arrive, seq, p)) this.queue.push(arrive, seq, Ev.LinkArrival, d.to, d.index, 0);
  }

  /**
   * A packet is lost at `where` (a link index, or -1 - node for a router or host): data packets
   * are measured, every packet goes back to the pool.
   */
  drop(p: Packet, cause: Loss, where: number): void {
    this.fp.act(where, Act.Drop | (cause << 4) | p.kind);
    if (p.kind === Pk.Data && p.app !== null) this.metrics.appLost(p, cause, where);
    this.pool.release(p);
  }

  /** Emits a trace event when someone listens. */
  emit(node: number, kind: string, detail?: Record<string, string | number | boolean>, session?: number): void {
    if (this.trace === null) return;
    this.trace({ tUs: this.now, node: this.nodeIds[node] ?? '', kind, session: session ?? -1, detail: detail ?? {} });
  }

  /** Takes a time-series sample and resets the per-window byte counts. */
  sample(): void {
    this.metrics.sample(this.series, this.now, this.seriesRows);
  }
}
