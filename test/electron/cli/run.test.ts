import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTER_PATHS, CONTROL_KINDS, parseScenarioText, runScenario } from '../../../engine/index.ts';
import { fixture, lines, srlab } from './helpers.ts';

const SPOKE_HUB = fixture('spoke-hub.srlab.json');
const LOSSY = fixture('lossy-wan.srlab.json');

async function runJson(argv: readonly string[]): Promise<Record<string, any>> {
  const r = await srlab(['run', ...argv, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, any>;
}

describe('srlab run --json', () => {
  it('prints exactly one JSON object and nothing else on stdout', async () => {
    const r = await srlab(['run', SPOKE_HUB, '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(typeof JSON.parse(r.stdout)).toBe('object');
  });

  it('has the top-level keys of cli.md in cli.md order', async () => {
    const json = await runJson([SPOKE_HUB]);
    expect(Object.keys(json)).toEqual(['runId', 'scenario', 'seed', 'durationMs', 'engineVersion', 'fingerprint', 'sessions', 'packets', 'control', 'exposure', 'counters', 'wallMs', 'events']);
  });

  it('has the nested keys of cli.md in cli.md order', async () => {
    const json = await runJson([SPOKE_HUB]);
    expect(Object.keys(json['sessions'])).toEqual(['total', 'affected', 'recovered', 'failed', 'outageMs', 'recoveredBy']);
    expect(Object.keys(json['sessions'].outageMs)).toEqual(['p50', 'p95', 'p99', 'max']);
    expect(Object.keys(json['sessions'].recoveredBy)).toEqual(['packet-based', 'health-check', 'bfd', 'failover', 'metadata', 'new-session', 'none']);
    // cli.md's keys first, then what engine 0.2.0 adds (in flight at the end, losses by place; misdelivered).
    expect(Object.keys(json['packets'])).toEqual(['sent', 'delivered', 'lost', 'lostBy', 'inFlight', 'lostAt']);
    expect(Object.keys(json['packets'].lostBy)).toEqual(['node-down', 'link-down', 'link-loss', 'queue', 'no-flow', 'nat', 'misdelivered']);
    expect(Object.keys(json['control'])).toEqual(['sessionMetadata', 'healthCheck', 'ack', 'enableMetadata', 'disableForwardMetadata', 'bfd']);
    for (const kind of CONTROL_KINDS) expect(Object.keys(json['control'][kind])).toEqual(['count', 'bytes']);
    expect(Object.keys(json['exposure'])).toEqual(['total', 'byRouter', 'scanner', 'lostSession']);
  });

  it('lists every counter path for every router, zeros included', async () => {
    const json = await runJson([SPOKE_HUB]);
    expect(Object.keys(json['counters']).sort()).toEqual(['hub1', 'spoke1']);
    for (const router of ['hub1', 'spoke1']) expect(Object.keys(json['counters'][router])).toEqual([...COUNTER_PATHS]);
    expect(Object.keys(json['exposure'].byRouter).sort()).toEqual(['hub1', 'spoke1']);
  });

  it('reports runId null, the wall time it measured and the run context', async () => {
    const json = await runJson([SPOKE_HUB]);
    expect(json['runId']).toBeNull();
    expect(json['wallMs']).toBeGreaterThanOrEqual(0);
    expect(json['scenario']).toBe('cli spoke-hub: hub loses its sessions');
    expect(json['seed']).toBe(1);
    expect(json['durationMs']).toBe(20000);
    expect(json['fingerprint']).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives the same fingerprint as the engine run directly', async () => {
    const loaded = parseScenarioText(readFileSync(SPOKE_HUB, 'utf8'));
    if (!loaded.ok) throw new Error('fixture does not load');
    const direct = runScenario(loaded.scenario).summary;
    const json = await runJson([SPOKE_HUB]);
    expect(json['fingerprint']).toBe(direct.fingerprint);
    expect(json['events']).toBe(direct.events);
  });
});

describe('srlab run overrides', () => {
  it('runs with --seed instead of the scenario seed', async () => {
    const json = await runJson([LOSSY, '--seed', '42']);
    expect(json['seed']).toBe(42);
  });

  it('loses packets to random link loss in the lossy fixture', async () => {
    const json = await runJson([LOSSY]);
    expect(json['packets'].lostBy['link-loss']).toBeGreaterThan(0);
  });

  it('changes the fingerprint when --seed changes on a lossy link', async () => {
    const a = await runJson([LOSSY, '--seed', '1']);
    const b = await runJson([LOSSY, '--seed', '2']);
    expect(a['fingerprint']).not.toBe(b['fingerprint']);
  });

  it('gives the same fingerprint twice for the same seed', async () => {
    const a = await runJson([LOSSY, '--seed', '7']);
    const b = await runJson([LOSSY, '--seed', '7']);
    expect(a['fingerprint']).toBe(b['fingerprint']);
  });

  it('runs for --duration-ms instead of the scenario duration', async () => {
    const json = await runJson([SPOKE_HUB, '--duration-ms', '5000']);
    expect(json['durationMs']).toBe(5000);
  });

  it('applies --set to the scenario before running', async () => {
    const json = await runJson([SPOKE_HUB, '--set', 'traffic[voice].sessions=5', '--set', 'name=renamed']);
    expect(json['sessions'].total).toBe(5);
    expect(json['scenario']).toBe('renamed');
  });

  it('applies repeated --set to the same field in order', async () => {
    const json = await runJson([SPOKE_HUB, '--set', 'traffic[0].sessions=5', '--set', 'traffic[0].sessions=2']);
    expect(json['sessions'].total).toBe(2);
  });

  it('takes a --set value that is not JSON as text', async () => {
    const base = await runJson([SPOKE_HUB]);
    const json = await runJson([SPOKE_HUB, '--set', 'nodes[hub1].sessionRecoveryDetection.mode=inactivity-based']);
    expect(json['fingerprint']).not.toBe(base['fingerprint']);
  });
});

describe('srlab run bad input', () => {
  it('exits 2 naming --seed when the seed is not a whole number', async () => {
    const r = await srlab(['run', SPOKE_HUB, '--seed', '1.5']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^--seed: /)]);
    expect(r.stdout).toBe('');
  });

  it('exits 2 naming --seed when the seed is above 4294967295', async () => {
    const r = await srlab(['run', SPOKE_HUB, '--seed', '4294967296']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^--seed: /)]);
  });

  it('accepts the largest seed', async () => {
    const json = await runJson([SPOKE_HUB, '--seed', '4294967295', '--duration-ms', '100']);
    expect(json['seed']).toBe(4294967295);
  });

  it('exits 2 naming --duration-ms when the duration is out of range', async () => {
    const r = await srlab(['run', SPOKE_HUB, '--duration-ms', '86400001']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^--duration-ms: /)]);
  });

  it('reports every bad flag, one per line', async () => {
    const r = await srlab(['run', SPOKE_HUB, '--seed', 'x', '--duration-ms', '0']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^--seed: /), expect.stringMatching(/^--duration-ms: /)]);
  });

  it('exits 2 naming the --set when its path selects nothing', async () => {
    const r = await srlab(['run', SPOKE_HUB, '--set', 'nodes[hub9].softwareVersion=6.0.0']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['--set nodes[hub9].softwareVersion=6.0.0: nodes has no entry with id "hub9"']);
  });

  it('exits 2 naming the --set when it has no "="', async () => {
    const r = await srlab(['run', SPOKE_HUB, '--set', 'durationMs']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^--set durationMs: expected PATH=VALUE/)]);
  });

  it('exits 2 with the file and JSON path when a --set makes the scenario invalid', async () => {
    const r = await srlab(['run', SPOKE_HUB, '--set', 'authority.sessionRecoveryDetection.mode=sometimes']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^.*spoke-hub\\.srlab\\.json: authority\\.sessionRecoveryDetection\\.mode: must be one of`))]);
  });

  it('exits 2 with the JSON error when --set is given for a malformed file', async () => {
    const r = await srlab(['run', fixture('malformed.srlab.json'), '--set', 'seed=2']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringContaining(': (file): this file is not valid JSON: line 4')]);
  });

  it('exits 2 and names the file when the scenario cannot be read', async () => {
    const r = await srlab(['run', 'missing.srlab.json', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cannot read missing.srlab.json: no such file or directory\n');
    expect(r.stdout).toBe('');
  });
});
