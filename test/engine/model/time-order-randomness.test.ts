import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Simulation, type Fault } from '../../../engine/index.ts';
import { run, spokeHub, type SpokeHubOptions } from '../helpers/build.ts';

const lossy: SpokeHubOptions = {
  durationMs: 8000,
  lossPct: 5,
  jitterMs: 3,
  traffic: [
    { protocol: 'udp', pattern: 'bidirectional', sessions: 3, ratePps: 50 },
    { protocol: 'tcp', pattern: 'request-response', sessions: 2, intervalMs: 200 },
  ],
  faults: [{ atMs: 3000, type: 'session-loss', node: 'hub1', fraction: 0.5 }],
};

/** The same spoke–hub scenario plus an isolated client2–spoke2–server2 pair with its own traffic. */
function withIsolatedPair(o: SpokeHubOptions) {
  return spokeHub({
    ...o,
    edit: (raw) => {
      raw.nodes.push({ id: 'client2', kind: 'client' }, { id: 'spoke2', kind: 'spoke' }, { id: 'server2', kind: 'server' });
      raw.links.push({ id: 'lan3', a: 'client2', b: 'spoke2', latencyMs: 0.5 }, { id: 'lan4', a: 'spoke2', b: 'server2', latencyMs: 0.5 });
      raw.traffic.push({ id: 'iso', from: 'client2', to: 'server2', protocol: 'udp', pattern: 'bidirectional', sessions: 4, ratePps: 80 });
    },
  });
}

describe('§1 time, order, randomness', () => {
  it('gives the same fingerprint and summary for the same scenario and seed', () => {
    const a = run(spokeHub(lossy), { trace: false }).result;
    const b = run(spokeHub(lossy), { trace: false }).result;
    expect(b.summary.fingerprint).toBe(a.summary.fingerprint);
    expect(b.summary).toEqual(a.summary);
    expect(b.sessions).toEqual(a.sessions);
  });

  it('gives a different fingerprint for a different seed when a link has loss', () => {
    const a = run(spokeHub(lossy), { seed: 1, trace: false }).result;
    const b = run(spokeHub(lossy), { seed: 2, trace: false }).result;
    expect(b.summary.fingerprint).not.toBe(a.summary.fingerprint);
  });

  it('keeps the loss draws on wan1 when an unrelated client/spoke pair is added', () => {
    const alone = run(spokeHub(lossy), { trace: false }).result;
    const more = run(withIsolatedPair(lossy), { trace: false }).result;
    const original = (r: typeof alone) => r.sessions.filter((s) => s.traffic !== 'iso').map((s) => ({ traffic: s.traffic, port: s.clientPort, sent: s.sent, lost: s.lost, delivered: s.delivered }));
    expect(alone.summary.packets.lostBy['link-loss']).toBeGreaterThan(0);
    expect(more.summary.packets.lostBy['link-loss']).toBe(alone.summary.packets.lostBy['link-loss']);
    expect(original(more)).toEqual(original(alone));
  });

  it('changes the fingerprint when a single fault moves by one microsecond', () => {
    const at = (atMs: number) => run(spokeHub({ ...lossy, faults: [{ atMs, type: 'session-loss', node: 'hub1' }] }), { trace: false }).result;
    expect(at(3000.001).summary.fingerprint).not.toBe(at(3000).summary.fingerprint);
  });

  it('never reads a wall clock or an unseeded random source in the engine', () => {
    const root = fileURLToPath(new URL('../../../engine/', import.meta.url));
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
    const banned = /\b(Date\.now|new Date\(|performance\.now|Math\.random|setTimeout|setInterval|process\.hrtime)\b/;
    const offenders = files(root).filter((f) => banned.test(readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(offenders).toEqual([]);
  });

  it('counts virtual time in whole microseconds, in non-decreasing order', () => {
    const { trace } = run(spokeHub(lossy));
    expect(trace.length).toBeGreaterThan(0);
    expect(trace.every((e) => Number.isInteger(e.tUs))).toBe(true);
    for (let i = 1; i < trace.length; i++) expect(trace[i]!.tUs).toBeGreaterThanOrEqual(trace[i - 1]!.tUs);
  });

  it('replays a live-injected fault with the same fingerprint when injected between events', () => {
    const scenario = spokeHub(lossy);
    const fault: Fault = { atMs: 0, type: 'node-restart', node: 'hub1', downtimeMs: 500 };
    const live = new Simulation(scenario);
    live.runUntil(4_000_123);
    expect(live.inject(fault).ok).toBe(true);
    const a = live.run();
    const log = a.faultLog.filter((e) => e.source === 'live').map((e) => ({ atMs: e.atMs, fault: e.fault as Fault }));
    const b = new Simulation(scenario, { liveFaults: log }).run();
    expect(b.summary.fingerprint).toBe(a.summary.fingerprint);
  });

  it('replays a live-injected fault with the same fingerprint when other events share its time', () => {
    // A host pacing by whole milliseconds stops on 100 ms boundaries, where the time-series
    // sample (and often other events) already ran before the injection.
    const scenario = spokeHub(lossy);
    const fault: Fault = { atMs: 0, type: 'node-restart', node: 'hub1', downtimeMs: 500 };
    const live = new Simulation(scenario);
    live.runUntil(4_000_000);
    expect(live.inject(fault).ok).toBe(true);
    const a = live.run();
    const log = a.faultLog.filter((e) => e.source === 'live').map((e) => ({ atMs: e.atMs, fault: e.fault as Fault }));
    const b = new Simulation(scenario, { liveFaults: log }).run();
    expect(b.summary.fingerprint).toBe(a.summary.fingerprint);
  });
});
