/**
 * Blank instances of the classes a run makes by the thousand, for world copies (snapshots,
 * forks, seeks): each is made by the class's own constructor, from the original's values, so
 * the copy has the class's hidden class and its fields the same kinds of values. Code running
 * on restored worlds then stays as fast as on the original (copies made by spreading run
 * slower: every property access sees two shapes). The copy overwrites every own field after.
 */
import { AppSession } from './app-session.ts';
import { LinkDir, LinkRt, PeerPath, RouterRt } from './network.ts';
import { TrafficRuntime } from './traffic.ts';
import { Packet, PacketPool } from './packet.ts';
import { SessionStore } from './session-store.ts';
import { EventQueue, Lane } from '../core/event-queue.ts';
import { Fingerprint } from '../core/fingerprint.ts';
import { TupleMap } from '../core/tuple-map.ts';
import { RunMetrics } from '../metrics/run-metrics.ts';
import { ExpiryLinks, ExpiryList } from './expiry-list.ts';
import { RandomStream } from '../core/rng.ts';

type Blank<T> = (original: T) => T;

/** One entry: the class's prototype and its maker (the map is keyed by prototype, untyped). */
const of = <T extends object>(cls: { prototype: T }, make: Blank<T>): [object, (original: object) => object] => [cls.prototype, (original) => make(original as T)];

const entries: [object, (original: object) => object][] = [
  of(
    PeerPath,
    (p) =>
      new PeerPath({ index: p.index, router: p.router, link: p.link, peer: p.peer, latUs: p.latUs, linkRank: p.linkRank, natInside: p.natInside, natOutside: p.natOutside, peerAddr: p.peerBfdAddr }),
  ),
  of(LinkDir, (d) => new LinkDir(d.index, d.from, d.to)),
  of(AppSession, (a) => new AppSession(a.id, a.traffic, a.cPort, a.createdAt, a.phaseUs)),
  of(Packet, () => new Packet()),
  of(EventQueue, () => new EventQueue(-1)),
  of(Lane, (l) => new Lane(l.kind, l.fixedNode, -1)),
  of(Fingerprint, () => new Fingerprint()),
  of(TupleMap, () => new TupleMap(-1)),
  of(RunMetrics, () => new RunMetrics()),
  of(ExpiryList, (l) => new ExpiryList(l.cls, l.timeoutUs)),
  of(ExpiryLinks, () => new ExpiryLinks()),
  of(RandomStream, () => new RandomStream(1, 'blank')),
  of(
    RouterRt,
    (r) =>
      new RouterRt({
        node: r.node,
        id: r.id,
        addr: r.addr,
        isHub: r.isHub,
        v61: r.v61,
        inactivity: r.inactivity,
        timeoutUs: r.timeoutUs,
        ackTimeoutUs: r.ackTimeoutUs,
        bfdTxUs: r.bfdTxUs,
        bfdMult: r.bfdMult,
        bfdHoldUs: r.bfdHoldUs,
        ctlRate: r.ctlRate,
      }),
  ),
  of(
    LinkRt,
    (l) =>
      new LinkRt({
        index: l.index,
        id: l.id,
        a: l.a,
        b: l.b,
        isWan: l.isWan,
        latUs: l.baseLatUs,
        jitUs: l.baseJitUs,
        lossP: l.baseLossP,
        bwBps: l.baseBwBps,
        queueLimit: l.queueLimit,
        rng: l.rng,
        up: l.up,
      }),
  ),
  of(
    TrafficRuntime,
    (t) => new TrafficRuntime({ def: t.def, index: t.index, client: t.client, server: t.server, clientLink: t.clientLink, svc: t.svc, serverPort: t.serverPort, rng: t.rng, durationUs: t.stopUs }),
  ),
];

/** Prototype → maker of a blank instance like the original (see `CloneOptions.blanks`). */
export const WORLD_BLANKS: ReadonlyMap<object, (original: object) => object> = new Map(entries);

/**
 * Prototype → how to copy instances of that class (see `CloneOptions.cloners`): the packet
 * pool starts empty; the session store copies its two buffers whole (a walk would copy them
 * too, but its views share one buffer, which a walk would split in two).
 */
export const WORLD_CLONERS: ReadonlyMap<object, (original: object) => object> = new Map<object, (original: object) => object>([
  [PacketPool.prototype, () => new PacketPool()],
  [SessionStore.prototype, (s) => (s as SessionStore).copy()],
]);
