import { describe, expect, it } from 'vitest';
import { NOT_A_SCENARIO, parseScenario, parseScenarioText } from '../../../engine/scenario/index.ts';
import { fullExample, fullExampleText, minimal, problemsOf } from './helpers.ts';

describe('parseScenario', () => {
  it('fills in every default when given a minimal file', () => {
    const raw = minimal();
    raw['faults'] = [{ atMs: 1000, type: 'link-down', link: 'lan2' }];
    const result = parseScenario(raw);
    expect(result).toEqual({
      ok: true,
      scenario: {
        format: 'session-recovery-lab/scenario',
        formatVersion: 1,
        name: 'minimal',
        description: '',
        seed: 1,
        durationMs: 60000,
        authority: {
          sessionRecoveryDetection: { mode: 'packet-based', inactivityTimeoutSec: 5 },
          healthCheckAckTimeoutMs: 1000,
          sessionTimeouts: { tcpMs: 1900000, tcpInitialMs: 10000, udpMs: 180000 },
          bfd: { txIntervalMs: 1000, multiplier: 3, holdDownMs: 5000 },
          controlPacketsPerSec: 10000,
        },
        nodes: [
          { id: 'client1', kind: 'client', label: 'client1' },
          { id: 'spoke1', kind: 'spoke', label: 'spoke1', softwareVersion: '6.1.0' },
          { id: 'server1', kind: 'server', label: 'server1' },
        ],
        links: ['lan1', 'lan2'].map((id, i) => ({
          id,
          a: ['client1', 'spoke1'][i],
          b: ['spoke1', 'server1'][i],
          latencyMs: 1,
          jitterMs: 0,
          lossPct: 0,
          bandwidthMbps: 0,
          queuePackets: 1000,
          up: true,
          nat: null,
        })),
        traffic: [
          {
            id: 'web',
            from: 'client1',
            to: 'server1',
            protocol: 'tcp',
            pattern: 'request-response',
            sessions: 1,
            startMs: 0,
            stopMs: null,
            intervalMs: 1000,
            requestBytes: 400,
            responsePackets: 1,
            responseBytes: 1200,
            appTimeoutMs: 30000,
            burst: null,
            ratePps: 50,
            packetBytes: 200,
          },
        ],
        faults: [{ atMs: 1000, type: 'link-down', link: 'lan2', durationMs: null }],
      },
    });
  });

  it('leaves position and router overrides undefined when the file has none', () => {
    const result = parseScenario(minimal());
    if (!result.ok) expect.fail(JSON.stringify(result.problems));
    const spoke = result.scenario.nodes[1];
    expect(spoke?.position).toBeUndefined();
    expect(spoke?.sessionRecoveryDetection).toBeUndefined();
    expect(spoke?.bfd).toBeUndefined();
  });

  it('accepts the full example from the spec', () => {
    const result = parseScenarioText(fullExampleText);
    if (!result.ok) expect.fail(JSON.stringify(result.problems));
    const s = result.scenario;
    expect(s.nodes.map((n) => n.label)).toEqual(['Branch PC', 'spoke1', 'hub1', 'server1']);
    expect(s.nodes[2]?.sessionRecoveryDetection).toEqual({ mode: 'inactivity-based', inactivityTimeoutSec: 2 });
    expect(s.links[1]?.nat).toEqual({ inside: 'spoke1', bindingTimeoutMs: 30000 });
    expect(s.traffic[1]).toMatchObject({ pattern: 'bidirectional', intervalMs: 1000, burst: null, stopMs: null });
    expect(s.traffic[2]?.burst).toEqual({ activeMs: 2000, idleMs: 15000 });
    expect(s.faults.map((f) => f.type)).toEqual(['session-loss', 'node-restart', 'link-down', 'link-impair', 'link-flap', 'nat-rebind', 'scan']);
  });

  it('keeps a partial router override partial', () => {
    const raw = minimal();
    raw['nodes'][1].sessionRecoveryDetection = { inactivityTimeoutSec: 3 };
    const result = parseScenario(raw);
    if (!result.ok) expect.fail(JSON.stringify(result.problems));
    expect(result.scenario.nodes[1]?.sessionRecoveryDetection).toEqual({ inactivityTimeoutSec: 3 });
  });

  it('refuses a value that is not an object', () => {
    expect(problemsOf(parseScenario([1, 2]))).toEqual([{ path: '(file)', message: NOT_A_SCENARIO }]);
  });

  it('refuses a file with the wrong format', () => {
    const raw = { ...minimal(), format: 'something-else' };
    expect(problemsOf(parseScenario(raw))).toEqual([
      {
        path: 'format',
        message: 'this is not a Session Recovery Lab scenario (format must be "session-recovery-lab/scenario")',
      },
    ]);
  });

  it('refuses a file from a newer formatVersion with an update hint', () => {
    const raw = { ...minimal(), formatVersion: 2 };
    expect(problemsOf(parseScenario(raw))).toEqual([
      {
        path: 'formatVersion',
        message: 'this file was written by a newer version (formatVersion 2); this version reads formatVersion 1 — update Session Recovery Lab',
      },
    ]);
  });

  it('names the choices when the recovery mode is unknown', () => {
    const raw = { ...minimal(), authority: { sessionRecoveryDetection: { mode: 'inactivity' } } };
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'authority.sessionRecoveryDetection.mode', message: 'must be one of packet-based, inactivity-based' }]);
  });

  it.each([0, 3601, 2.5, '5'])('refuses inactivityTimeoutSec %j', (value) => {
    const raw = { ...minimal(), authority: { sessionRecoveryDetection: { inactivityTimeoutSec: value } } };
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'authority.sessionRecoveryDetection.inactivityTimeoutSec', message: 'must be a whole number from 1 to 3600' }]);
  });

  it('reports an unknown field and suggests the likely name', () => {
    const raw = minimal();
    raw['links'][0].latncyMs = 5;
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'links[0].latncyMs', message: 'unknown field "latncyMs" (did you mean "latencyMs"?)' }]);
  });

  it('reports a missing required field as required', () => {
    const raw = minimal();
    delete raw['durationMs'];
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'durationMs', message: 'is required' }]);
  });

  it('reports a missing formatVersion as required', () => {
    const raw = minimal();
    delete raw['formatVersion'];
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'formatVersion', message: 'is required (must be 1)' }]);
  });

  it('explains that a router-only field is not for hosts', () => {
    const raw = minimal();
    raw['nodes'][0].softwareVersion = '6.1.0';
    expect(problemsOf(parseScenario(raw))).toEqual([
      {
        path: 'nodes[0].softwareVersion',
        message: 'unknown field "softwareVersion": softwareVersion is for routers (spoke, hub) only, and this node is a client',
      },
    ]);
  });

  it('names the fault types when a fault type is unknown', () => {
    const raw = { ...minimal(), faults: [{ atMs: 0, type: 'explode' }] };
    expect(problemsOf(parseScenario(raw))).toEqual([
      {
        path: 'faults[0].type',
        message: 'must be one of node-restart, session-loss, link-down, link-up, link-impair, link-flap, nat-rebind, scan',
      },
    ]);
  });

  it('refuses a software version that is not MAJOR.MINOR.PATCH', () => {
    const raw = minimal();
    raw['nodes'][1].softwareVersion = '6.1';
    expect(problemsOf(parseScenario(raw))).toEqual([{ path: 'nodes[1].softwareVersion', message: 'must be a version like 6.1.0 (MAJOR.MINOR.PATCH)' }]);
  });

  it('reports every field problem at once', () => {
    const raw = minimal();
    raw['seed'] = -1;
    raw['links'][1].lossPct = 101;
    raw['traffic'][0].protocol = 'sctp';
    raw['nodes'][2].id = 'bad id';
    expect(problemsOf(parseScenario(raw))).toEqual([
      { path: 'seed', message: 'must be a whole number from 0 to 4294967295' },
      { path: 'nodes[2].id', message: 'must be 1 to 64 characters: letters, digits, "_", "." or "-"' },
      { path: 'links[1].lossPct', message: 'must be a number from 0 to 100' },
      { path: 'traffic[0].protocol', message: 'must be one of tcp, udp' },
    ]);
  });
});

describe('parseScenarioText', () => {
  it('gives line and column when the text is not JSON', () => {
    const text = '{\n  "format": "session-recovery-lab/scenario",\n  "name": "x",,\n}';
    expect(problemsOf(parseScenarioText(text))).toEqual([{ path: '(file)', message: 'this file is not valid JSON: line 3, column 15: expected a "name" in double quotes, found ","' }]);
  });

  it('points out comments, which JSON does not allow', () => {
    const [problem] = problemsOf(parseScenarioText('{\n  // a comment\n}'));
    expect(problem?.message).toBe('this file is not valid JSON: line 2, column 3: expected a "name" in double quotes, found "/" (comments are not allowed in JSON)');
  });

  it('points out a trailing comma', () => {
    const [problem] = problemsOf(parseScenarioText('[1, 2,]'));
    expect(problem?.message).toContain('line 1, column 7: expected a value after the comma (trailing commas are not allowed)');
  });

  it('reports an empty file as ending too early', () => {
    expect(problemsOf(parseScenarioText(''))).toEqual([{ path: '(file)', message: 'this file is not valid JSON: line 1, column 1: expected a value, found the end of the file' }]);
  });

  it('accepts a file that starts with a UTF-8 byte order mark', () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(minimal())}`).ok).toBe(true);
  });

  it('refuses JSON that is not a scenario', () => {
    expect(problemsOf(parseScenarioText('{"hello": "world"}'))).toEqual([{ path: 'format', message: NOT_A_SCENARIO }]);
  });

  it('loads the same scenario from text as from the value', () => {
    expect(parseScenarioText(JSON.stringify(fullExample()))).toEqual(parseScenario(fullExample()));
  });
});
