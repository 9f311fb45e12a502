/**
 * Blank instances of the classes a run makes by the thousand, for world copies (snapshots,
 * forks, seeks): each is made by the class's own constructor, from the original's values, so
 * the copy has the class's hidden class and its fields the same kinds of values. Code running
 * on restored worlds then stays as fast as on the original (copies made by spreading run
 * slower: every property access sees two shapes). The copy overwrites every own field after.
 */
import { AppSession } from './app-session.ts';
import { LinkDir, PeerPath, RouterSession, WanSide } from './network.ts';
import { Packet } from './packet.ts';

type Blank<T> = (original: T) => T;

/** One entry: the class's prototype and its maker (the map is keyed by prototype, untyped). */
const of = <T extends object>(cls: { prototype: T }, make: Blank<T>): [object, (original: object) => object] => [cls.prototype, (original) => make(original as T)];

const entries: [object, (original: object) => object][] = [
  of(RouterSession, (s) => new RouterSession({ router: s.router, innerHi: s.innerHi, innerLo: s.innerLo, proto: s.proto, sAddr: s.sAddr, createdAt: s.lastActivity, metricsRef: s.metricsRef })),
  of(
    WanSide,
    (x) => new WanSide({ sess: x.sess, side: x.side, path: x.path, localPort: x.localPort, peerAddr: x.peerAddr, peerPort: x.peerPort, sendMd: x.sendMd, now: x.lastRx, pinhole: x.pinhole }),
  ),
  of(PeerPath, (p) => new PeerPath({ router: p.router, link: p.link, peer: p.peer, latUs: p.latUs, linkRank: p.linkRank, natInside: p.natInside, natOutside: p.natOutside, peerAddr: p.peerBfdAddr })),
  of(LinkDir, (d) => new LinkDir(d.index, d.from, d.to)),
  of(AppSession, (a) => new AppSession(a.id, a.traffic, a.cPort, a.createdAt, a.phaseUs)),
  of(Packet, () => new Packet()),
];

/** Prototype → maker of a blank instance like the original (see `CloneOptions.blanks`). */
export const WORLD_BLANKS: ReadonlyMap<object, (original: object) => object> = new Map(entries);
