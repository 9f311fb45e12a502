import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../engine/scenario/index.ts';
import { fullExample, minimal, problemsOf } from './helpers.ts';

describe('crossCheck', () => {
  it('reports a link endpoint that does not exist', () => {
    const raw = minimal();
    raw['links'][1].b = 'server9';
    expect(problemsOf(parseScenario(raw))).toContainEqual({ path: 'links[1].b', message: 'node "server9" does not exist' });
  });

  it('refuses a self-link', () => {
    const raw = minimal();
    raw['links'].push({ id: 'loop', a: 'spoke1', b: 'spoke1' });
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'links[2].b', message: 'a link cannot join node "spoke1" to itself' }]);
  });

  it('refuses a client with two links', () => {
    const raw = minimal();
    raw['nodes'].push({ id: 'spoke2', kind: 'spoke' });
    raw['links'].push({ id: 'lan3', a: 'client1', b: 'spoke2' });
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'nodes[0]', message: 'client "client1" needs exactly one link, to a router; it has 2 (lan1, lan3)' }]);
  });

  it('refuses a client with no link', () => {
    const raw = minimal();
    raw['nodes'].push({ id: 'client2', kind: 'client' });
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'nodes[3]', message: 'client "client2" needs exactly one link, to a router; it has none' }]);
  });

  it('refuses a server with no link', () => {
    const raw = minimal();
    raw['nodes'].push({ id: 'server2', kind: 'server' });
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'nodes[3]', message: 'server "server2" needs at least one link, to a router; it has none' }]);
  });

  it('accepts a server linked to two routers', () => {
    const raw = fullExample();
    raw['links'].push({ id: 'lan3', a: 'spoke1', b: 'server1' });
    expect(parseScenario(raw).ok).toBe(true);
  });

  it('accepts parallel links between the same two routers', () => {
    const raw = fullExample();
    raw['links'].push({ id: 'wan2', a: 'hub1', b: 'spoke1', latencyMs: 35 });
    expect(parseScenario(raw).ok).toBe(true);
  });

  it('refuses a link between two hosts', () => {
    const raw = minimal();
    raw['links'][0].b = 'server1';
    expect(problemsOf(parseScenario(raw))).toEqual([
      {
        path: 'links[0]',
        message: 'a link cannot join two hosts (client "client1" and server "server1"); put a router between them',
      },
    ]);
  });

  it('refuses NAT whose inside is not one of the link ends', () => {
    const raw = fullExample();
    raw['links'][1].nat.inside = 'client1';
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'links[1].nat.inside', message: 'must be one of this link\'s two routers, "spoke1" or "hub1"; "client1" is not' }]);
  });

  it('refuses NAT on a LAN link', () => {
    const raw = minimal();
    raw['links'][0].nat = { inside: 'spoke1' };
    expect(problemsOf(parseScenario(raw))).toEqual([
      {
        path: 'links[0].nat',
        message: 'NAT is only for links between two routers; this link joins client "client1" and spoke "spoke1"',
      },
    ]);
  });

  it('refuses nat-rebind on a link without NAT', () => {
    const raw = { ...minimal(), faults: [{ atMs: 0, type: 'nat-rebind', link: 'lan2' }] };
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'faults[0].link', message: 'link "lan2" has no NAT to rebind' }]);
  });

  it('refuses a node-restart of a host', () => {
    const raw = { ...minimal(), faults: [{ atMs: 0, type: 'node-restart', node: 'server1', downtimeMs: 100 }] };
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'faults[0].node', message: 'must be a router (spoke or hub); "server1" is a server' }]);
  });

  it('refuses a scan aimed at a node that does not exist', () => {
    const raw = { ...minimal(), faults: [{ atMs: 0, type: 'scan', target: 'hub9', ratePps: 10, durationMs: 100 }] };
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'faults[0].target', message: 'node "hub9" does not exist' }]);
  });

  it('refuses a link fault on a link that does not exist', () => {
    const raw = fullExample();
    raw['faults'][3].link = 'wan9';
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'faults[3].link', message: 'link "wan9" does not exist' }]);
  });

  it('refuses a link-impair that changes nothing', () => {
    const raw = { ...minimal(), faults: [{ atMs: 0, type: 'link-impair', link: 'lan2', durationMs: 100 }] };
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'faults[0]', message: 'a link-impair fault needs at least one of lossPct, latencyMs, jitterMs, bandwidthMbps' }]);
  });

  it('refuses a fault after the end of the run', () => {
    const raw = { ...minimal(), faults: [{ atMs: 60001, type: 'link-up', link: 'lan2' }] };
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'faults[0].atMs', message: 'is after the end of the run (durationMs 60000)' }]);
  });

  it('refuses traffic that starts after the end of the run', () => {
    const raw = minimal();
    raw['traffic'][0].startMs = 70000;
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'traffic[0].startMs', message: 'is after the end of the run (durationMs 60000)' }]);
  });

  it('refuses traffic whose stopMs is not after startMs', () => {
    const raw = minimal();
    Object.assign(raw['traffic'][0], { startMs: 5000, stopMs: 5000 });
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'traffic[0].stopMs', message: 'must be later than startMs (5000), or null to run until the end' }]);
  });

  it('refuses traffic that does not go from a client to a server', () => {
    const raw = minimal();
    Object.assign(raw['traffic'][0], { from: 'server1', to: 'spoke1' });
    expect(problemsOf(parseScenario(raw))).toEqual([
      { path: 'traffic[0].from', message: 'must be a client; "server1" is a server' },
      { path: 'traffic[0].to', message: 'must be a server; "spoke1" is a spoke' },
    ]);
  });

  it('refuses duplicate node ids', () => {
    const raw = minimal();
    raw['nodes'].push({ id: 'spoke1', kind: 'hub' });
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'nodes[3].id', message: 'node id "spoke1" is used by more than one node' }]);
  });

  it('refuses duplicate link ids', () => {
    const raw = fullExample();
    raw['links'][2].id = 'wan1';
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'links[2].id', message: 'link id "wan1" is used by more than one link' }]);
  });

  it('refuses duplicate traffic ids', () => {
    const raw = fullExample();
    raw['traffic'][2].id = 'web';
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'traffic[2].id', message: 'traffic id "web" is used by more than one traffic definition' }]);
  });

  it('reports every cross-reference problem at once', () => {
    const raw = fullExample();
    raw['links'][1].nat.inside = 'server1';
    raw['faults'][1].node = 'client1';
    raw['faults'][5].link = 'lan1';
    raw['faults'][6].atMs = 99999;
    expect(problemsOf(parseScenario(raw)).map((p) => p.path)).toEqual(['links[1].nat.inside', 'faults[1].node', 'faults[5].link', 'faults[6].atMs']);
  });
});

describe('no valid file can stop the clock or overflow packed fields', () => {
  it('refuses an application timeout under 1 ms (it would round to 0 µs and give up forever at one instant)', () => {
    const raw = minimal();
    raw['traffic'] = [{ id: 't1', from: 'client1', to: 'server1', appTimeoutMs: 0.0004 }];
    expect(problemsOf(parseScenario(raw))).toContainEqual({ path: 'traffic[0].appTimeoutMs', message: 'must be a number from 1 to 86400000' });
  });

  it('refuses more links than the engine can index', () => {
    const raw = minimal();
    raw['links'] = Array.from({ length: 60_001 }, (_, i) => ({ id: `l${i}`, a: 'client1', b: 'spoke1' }));
    expect(problemsOf(parseScenario(raw))).toContainEqual({ path: 'links', message: 'must list at most 60000 links' });
  });
});

describe('a fault injected live', () => {
  it('is checked by the same rules as a fault in the file (link-impair with no parameters refused both ways)', async () => {
    const { Simulation } = await import('../../../engine/index.ts');
    const raw = minimal();
    const fault = { atMs: 100, type: 'link-impair' as const, link: raw['links'][0].id as string };
    const inFile = problemsOf(parseScenario({ ...raw, faults: [fault] }));
    expect(inFile).toEqual([{ path: 'faults[0]', message: 'a link-impair fault needs at least one of lossPct, latencyMs, jitterMs, bandwidthMbps' }]);
    const ok = parseScenario(raw);
    if (!ok.ok) throw new Error('minimal lab refused');
    const live = new Simulation(ok.scenario).inject({ ...fault, direction: 'both', durationMs: null });
    expect(live).toEqual({ ok: false, message: 'fault: a link-impair fault needs at least one of lossPct, latencyMs, jitterMs, bandwidthMbps' });
    const ghost = new Simulation(ok.scenario).inject({ atMs: 0, type: 'session-loss', node: 'hub9', fraction: 1 });
    expect(ghost).toEqual({ ok: false, message: 'fault.node: node "hub9" does not exist' });
  });
});
