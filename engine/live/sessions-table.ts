/**
 * A router's session table as `show sessions` lays it out: one row per flow, forward then
 * reverse, with the tuples each flow matches and the recovery state of its WAN side.
 */
import type { Simulation } from '../sim.ts';
import { NIL, sessionInfo, sideInfo, type SideInfo } from '../model/session-store.ts';

/** One flow of one session on one router. */
export interface FlowRow {
  /** Emulator session id (for cross-reference only; the router itself never uses it). */
  session: number;
  direction: 'fwd' | 'rev';
  /** Where packets of this flow come in: `lan <link>` or `wan <link>`. */
  ingress: string;
  egress: string;
  protocol: 'tcp' | 'udp';
  /** Inner tuple in this flow's direction, `addr:port > addr:port` with node ids as addresses. */
  inner: string;
  /** Outer tuple (waypoint:wayport) on the WAN side this flow uses, if any. */
  outer: string | null;
  /** Metadata state of that WAN side: `sending (opened here)`, `sending (learned hop)`, `off`. */
  metadata: string | null;
  /** Outstanding health check nonce, if any. */
  healthCheck: number | null;
  /** Time since the peer was last heard on that side, ms. */
  peerSilentMs: number | null;
  stuck: boolean;
  idleMs: number;
}

/** The session table of `routerId` (at most `limit` sessions, two rows each). */
export function sessionTable(sim: Simulation, routerId: string, limit = 200): FlowRow[] {
  const w = sim.w;
  const r = w.routerList.find((x) => x.id === routerId);
  if (!r) return [];
  const name = (addr: number) => w.nodeIds[addr - 1] ?? `nat-${addr}`;
  const rows: FlowRow[] = [];
  let n = 0;
  const st = w.sessions;
  for (let id = 0, end = st.sessionEnd; id < end; id++) {
    if (!st.alive(id) || st.router(id) !== r.node) continue;
    if (n++ >= limit) break;
    const s = sessionInfo(st, id);
    const proto = s.proto === 6 ? 'tcp' : 'udp';
    const app = w.appOf(id);
    const sPort = app?.traffic.serverPort ?? 0;
    const client = `${name(s.cAddr)}:${s.cPort}`;
    const server = `${name(s.sAddr)}:${sPort}`;
    const wan0 = s.wan0 === NIL ? null : sideInfo(st, s.wan0);
    const wan1 = s.wan1 === NIL ? null : sideInfo(st, s.wan1);
    const side = (ws: SideInfo | null, lan: number) => (ws ? `wan ${w.links[w.paths[ws.path]!.link]!.id}` : `lan ${w.links[lan]?.id ?? '?'}`);
    const row = (dir: 'fwd' | 'rev', inSide: SideInfo | null, inLan: number, outSide: SideInfo | null, outLan: number): FlowRow => {
      const wan = inSide ?? outSide;
      return {
        session: app?.id ?? -1,
        direction: dir,
        ingress: side(inSide, inLan),
        egress: side(outSide, outLan),
        protocol: proto,
        inner: dir === 'fwd' ? `${client} > ${server}` : `${server} > ${client}`,
        outer: wan ? `${name(r.addr)}:${wan.localPort} <> ${name(wan.peerAddr)}:${wan.peerPort}` : null,
        metadata: wan ? (wan.sendMd ? `sending (${s.learnedSide === wan.side ? 'learned hop' : 'opened here'})` : 'off') : null,
        healthCheck: wan && wan.hcNonce !== 0 ? wan.hcNonce : null,
        peerSilentMs: wan ? (w.now - wan.lastRx) / 1000 : null,
        stuck: s.stuck,
        idleMs: (w.now - s.lastActivity) / 1000,
      };
    };
    rows.push(row('fwd', wan0, s.lan0, wan1, s.lan1), row('rev', wan1, s.lan1, wan0, s.lan0));
  }
  return rows;
}
