/** Objectives in a lab file (issue 10 §3): the loader names bad ones by JSON path; the judge grades runs. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateObjectives, finishedRun, parseScenario, runScenario, scenarioJsonSchema, type Objective, type ObjectiveRun, type Scenario } from '../../../engine/index.ts';

const TEMPLATE = JSON.parse(readFileSync('assets/scenarios/01-spoke-and-hub-session-loss-packet-based.srlab.json', 'utf8')) as Record<string, unknown>;

function withObjectives(objectives: unknown[]): unknown {
  return { ...TEMPLATE, objectives };
}

function problems(objectives: unknown[]) {
  const r = parseScenario(withObjectives(objectives));
  return r.ok ? [] : r.problems;
}

function parsed(objectives: unknown[]): Scenario {
  const r = parseScenario(withObjectives(objectives));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

const o = (expect: Record<string, unknown>, id = 'o1'): Record<string, unknown> => ({ id, text: 'something to achieve', expect });

describe('objectives in the scenario file', () => {
  it('accepts the two basic forms and the series and mode extensions', () => {
    const s = parsed([
      o({ metric: 'sessions.outageMs.max', op: '<=', value: 2000 }, 'a'),
      o({ counter: 'packet-processing/action/success/metadata/added', node: 'hub1', op: '>=', value: 1 }, 'b'),
      o({ series: 'sessionsInOutage', stat: 'max', window: { after: 'F1', delayMs: 3000 }, op: '==', value: 0 }, 'c'),
      o({ node: 'hub1', mode: 'packet-based' }, 'd'),
      o({ metric: 'exposure.byRouter.hub1', op: '==', value: 0 }, 'e'),
    ]);
    expect(s.objectives?.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('leaves a lab without objectives as it was', () => {
    const { objectives: _shipped, ...without } = TEMPLATE;
    const r = parseScenario(without);
    expect(r.ok && 'objectives' in r.scenario).toBe(false);
  });

  it('names the JSON path of an unknown metric and suggests the nearest', () => {
    expect(problems([o({ metric: 'sessions.outage.max', op: '<=', value: 1 })])).toEqual([
      { path: 'objectives[0].expect.metric', message: '"sessions.outage.max" is not a number in the run --json summary; did you mean "sessions.outageMs.max"?' },
    ]);
  });

  it('refuses wallMs: it differs on every machine', () => {
    expect(problems([o({ metric: 'wallMs', op: '<', value: 1 })])[0]?.path).toBe('objectives[0].expect.metric');
  });

  it('names an unknown counter path and an unknown node', () => {
    expect(problems([o({ counter: 'packet-processing/nothing', node: 'hub1', op: '>', value: 0 })])[0]).toMatchObject({ path: 'objectives[0].expect.counter' });
    expect(problems([o({ counter: 'packet-processing/action/success/metadata/added', node: 'hub9', op: '>', value: 0 })])).toEqual([
      { path: 'objectives[0].expect.node', message: 'node "hub9" does not exist' },
    ]);
    expect(problems([o({ node: 'client1', mode: 'packet-based' })])).toEqual([{ path: 'objectives[0].expect.node', message: 'must be a router (spoke or hub); "client1" is a client' }]);
    expect(problems([o({ metric: 'exposure.byRouter.nobody', op: '==', value: 0 })])).toEqual([{ path: 'objectives[0].expect.metric', message: 'node "nobody" does not exist' }]);
  });

  it('names a fault the scenario does not have', () => {
    expect(problems([o({ series: 'lostPps', window: { before: 'F2' }, op: '==', value: 0 })])).toEqual([
      { path: 'objectives[0].expect.window.before', message: 'fault F2 does not exist: the scenario has 1 (F1…F1, in time order)' },
    ]);
  });

  it('says what is missing or mixed up in an expectation', () => {
    expect(problems([o({ op: '<', value: 1 })])).toEqual([{ path: 'objectives[0].expect', message: 'needs one of metric, counter, series or mode' }]);
    expect(problems([o({ metric: 'sessions.failed', value: 1 })])).toEqual([{ path: 'objectives[0].expect.op', message: 'is required (one of <= < == >= > !=)' }]);
    expect(problems([o({ metric: 'sessions.failed', counter: 'x', op: '<', value: 1 })])[0]?.message).toMatch(/give only one of/);
    expect(problems([o({ metric: 'sessions.failed', op: '<', value: 1, window: { fromMs: 0 } })])[0]).toMatchObject({ path: 'objectives[0].expect.window' });
    expect(problems([o({ counter: 'packet-processing/action/success/metadata/added', op: '<', value: 1 })])[0]).toMatchObject({ path: 'objectives[0].expect.node' });
  });

  it('refuses two objectives with one id and an unknown field with a did-you-mean', () => {
    expect(problems([o({ metric: 'sessions.failed', op: '==', value: 0 }), o({ metric: 'sessions.failed', op: '==', value: 0 })])).toEqual([
      { path: 'objectives[1].id', message: 'objective id "o1" is used by more than one objective' },
    ]);
    expect(problems([{ ...o({ metric: 'sessions.failed', op: '==', value: 0 }), hints: 'x' }])[0]?.message).toMatch(/did you mean "hint"/);
  });

  it('is documented in the JSON Schema, with the metric paths an editor can complete', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, any> };
    const expectProps = schema.properties['objectives'].items.properties.expect.properties;
    expect(expectProps.metric.anyOf[0].enum).toContain('sessions.outageMs.max');
    expect(expectProps.counter.enum).toContain('packet-processing/action/success/metadata/added');
    expect(Object.keys(expectProps)).toEqual(expect.arrayContaining(['metric', 'counter', 'series', 'window', 'node', 'mode', 'op', 'value']));
  });
});

describe('grading a run', () => {
  const objectives = [
    o({ metric: 'sessions.total', op: '>', value: 0 }, 'total'),
    o({ metric: 'sessions.failed', op: '>', value: 0 }, 'fails'),
    o({ series: 'sessionsInOutage', stat: 'max', window: { before: 'F1' }, op: '==', value: 0 }, 'quiet-before'),
    o({ series: 'sessionsInOutage', stat: 'max', window: { after: 'F1', forMs: 2000 }, op: '>', value: 0 }, 'loss-after'),
    o({ node: 'hub1', mode: 'inactivity-based' }, 'mode'),
  ];
  const s = parsed(objectives);
  const result = runScenario(s);
  const graded = evaluateObjectives(s.objectives as Objective[], finishedRun(s, result));

  it('measures each objective on the finished run, with the expected value in words', () => {
    expect(graded.map((g) => [g.id, g.status])).toEqual([
      ['total', 'pass'],
      ['fails', result.summary.sessions.failed > 0 ? 'pass' : 'fail'],
      ['quiet-before', 'pass'],
      ['loss-after', 'pass'],
      ['mode', 'fail'],
    ]);
    expect(graded[0]).toMatchObject({ measured: result.summary.sessions.total, expected: '> 0', measure: 'sessions.total' });
    expect(graded[4]).toMatchObject({ measured: 'packet-based', expected: '== inactivity-based' });
    expect(graded[3]!.measure).toBe('max of sessionsInOutage from 20 s to 22 s (after F1)');
  });

  it('grades live values as "so far" and leaves what is not known yet pending', () => {
    const live: ObjectiveRun = {
      summary: { sessions: { total: 3 } },
      counters: {},
      series: { tMs: [100, 200], sessionsInOutage: [0, 0], activeSessions: [3, 3], deliveredPps: [1, 1], lostPps: [0, 0], controlPps: {} },
      faultTimesMs: [20_000],
      durationMs: 60_000,
      modes: { hub1: 'packet-based' },
      isFinal: false,
      nowMs: 200,
    };
    const g = evaluateObjectives(s.objectives as Objective[], live);
    expect(g.map((x) => x.status)).toEqual(['pass', 'pending', 'pass', 'pending', 'fail']);
    expect(g[3]!.note).toBe('the window starts at 20 s');
  });

  it('fails, at the end, what could not be measured', () => {
    const g = evaluateObjectives(s.objectives as Objective[], { ...finishedRun(s, result), faultTimesMs: [] });
    expect(g[2]).toMatchObject({ status: 'fail', measured: null, note: 'fault F1 does not happen in this run' });
  });
});
