/** Scenario generators for the benchmarks (valid scenario files, built in code). */
import { parseScenario, type Scenario } from '../../engine/index.ts';

/** Options of {@link meshScenario}. */
export interface MeshOptions {
  spokes: number;
  hubs: number;
  sessions: number;
  /** Packets per second per session, both directions together. */
  ppsPerSession: number;
  durationMs: number;
  mode?: 'packet-based' | 'inactivity-based';
}

/**
 * `spokes` spokes, each with one client, each peered with every hub; one server behind all
 * hubs. Sessions are bidirectional UDP (half the rate each way), spread evenly over spokes.
 */
export function meshScenario(o: MeshOptions): Scenario {
  const nodes: unknown[] = [{ id: 'server1', kind: 'server' }];
  const links: unknown[] = [];
  const traffic: unknown[] = [];
  for (let h = 1; h <= o.hubs; h++) {
    nodes.push({ id: `hub${h}`, kind: 'hub' });
    links.push({ id: `dc${h}`, a: `hub${h}`, b: 'server1', latencyMs: 0.2 });
  }
  const per = Math.floor(o.sessions / o.spokes);
  let extra = o.sessions - per * o.spokes;
  for (let s = 1; s <= o.spokes; s++) {
    nodes.push({ id: `spoke${s}`, kind: 'spoke' }, { id: `client${s}`, kind: 'client' });
    links.push({ id: `lan${s}`, a: `client${s}`, b: `spoke${s}`, latencyMs: 0.5 });
    for (let h = 1; h <= o.hubs; h++) links.push({ id: `wan${s}-${h}`, a: `spoke${s}`, b: `hub${h}`, latencyMs: 10 + h * 5 });
    const n = per + (extra-- > 0 ? 1 : 0);
    if (n > 0) {
      traffic.push({
        id: `t${s}`,
        from: `client${s}`,
        to: 'server1',
        protocol: 'udp',
        pattern: 'bidirectional',
        sessions: n,
        ratePps: o.ppsPerSession / 2,
        packetBytes: 200,
      });
    }
  }
  const r = parseScenario({
    format: 'session-recovery-lab/scenario',
    formatVersion: 1,
    name: `bench ${o.spokes} spokes, ${o.hubs} hubs, ${o.sessions} sessions at ${o.ppsPerSession} pps`,
    durationMs: o.durationMs,
    authority: { sessionRecoveryDetection: { mode: o.mode ?? 'inactivity-based', inactivityTimeoutSec: 5 } },
    nodes,
    links,
    traffic,
  });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.scenario;
}
