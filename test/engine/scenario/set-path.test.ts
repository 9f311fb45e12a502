import { describe, expect, it } from 'vitest';
import { applySet, applyVaryValues, parseAssignment, parsePath, parseScenario } from '../../../engine/scenario/index.ts';
import { fullExample } from './helpers.ts';

/** Applies one assignment to the full example and returns the new raw value. */
function set(assignment: string, raw: unknown = fullExample()): any {
  const result = applySet(raw, assignment);
  if (!result.ok) expect.fail(`${result.problem.path}: ${result.problem.message}`);
  return result.value;
}

describe('applySet', () => {
  it('sets a nested authority field', () => {
    const out = set('authority.sessionRecoveryDetection.mode=inactivity-based');
    expect(out.authority.sessionRecoveryDetection).toEqual({ mode: 'inactivity-based', inactivityTimeoutSec: 5 });
  });

  it('selects an array element by id in brackets', () => {
    const out = set('nodes[hub1].softwareVersion=6.0.0');
    expect(out.nodes[2]).toMatchObject({ id: 'hub1', softwareVersion: '6.0.0' });
    expect(out.nodes[1].softwareVersion).toBe('6.1.0');
  });

  it('selects an array element by numeric index', () => {
    expect(set('links[0].latencyMs=30').links[0].latencyMs).toBe(30);
  });

  it('creates missing intermediate objects for plain keys', () => {
    const out = set('nodes[spoke1].sessionRecoveryDetection.mode=inactivity-based');
    expect(out.nodes[1].sessionRecoveryDetection).toEqual({ mode: 'inactivity-based' });
  });

  it('creates a missing top-level object', () => {
    const raw = fullExample();
    delete raw['authority'];
    expect(set('authority.bfd.multiplier=5', raw).authority).toEqual({ bfd: { multiplier: 5 } });
  });

  it('reads a value as JSON when it parses', () => {
    const out = set('links[wan1].up=false');
    expect(out.links[1].up).toBe(false);
  });

  it('takes a value as a string when it is not JSON', () => {
    expect(set('name=Hub restart').name).toBe('Hub restart');
  });

  it('keeps a quoted number as a string', () => {
    expect(set('name="42"').name).toBe('42');
  });

  it('sets a JSON object value', () => {
    const out = set('links[wan1].nat={"inside":"hub1"}');
    expect(out.links[1].nat).toEqual({ inside: 'hub1' });
  });

  it('splits at the first equals sign only', () => {
    expect(set('description=a=b').description).toBe('a=b');
  });

  it('does not change its input', () => {
    const raw = fullExample();
    const before = JSON.stringify(raw);
    set('nodes[hub1].softwareVersion=6.0.0', raw);
    expect(JSON.stringify(raw)).toBe(before);
  });

  it('names the path when no element has the id', () => {
    expect(applySet(fullExample(), 'nodes[hub9].softwareVersion=6.0.0')).toEqual({
      ok: false,
      problem: { path: 'nodes[hub9].softwareVersion', message: 'nodes has no entry with id "hub9"' },
    });
  });

  it('names the path when an index is out of range', () => {
    expect(applySet(fullExample(), 'links[7].latencyMs=3')).toEqual({
      ok: false,
      problem: { path: 'links[7].latencyMs', message: 'links has 3 entries, so there is no links[7]' },
    });
  });

  it('refuses to select in something that is not a list', () => {
    const result = applySet(fullExample(), 'authority[0]=1');
    expect(result).toEqual({
      ok: false,
      problem: { path: 'authority[0]', message: 'authority is not a list, so authority[0] cannot be selected' },
    });
  });

  it('refuses to go into a value that is not an object', () => {
    const result = applySet(fullExample(), 'name.first=x');
    expect(result).toEqual({ ok: false, problem: { path: 'name.first', message: 'name is not an object, so it has no field "first"' } });
  });

  it('refuses an assignment without an equals sign', () => {
    expect(applySet(fullExample(), 'seed')).toEqual({
      ok: false,
      problem: { path: 'seed', message: 'expected PATH=VALUE (no "=" found)' },
    });
  });

  it('gives a result that loads with the change applied', () => {
    const loaded = parseScenario(set('nodes[spoke1].sessionRecoveryDetection.inactivityTimeoutSec=1'));
    if (!loaded.ok) expect.fail(JSON.stringify(loaded.problems));
    expect(loaded.scenario.nodes[1]?.sessionRecoveryDetection).toEqual({ inactivityTimeoutSec: 1 });
  });
});

describe('parseAssignment', () => {
  it('returns the path and the parsed value', () => {
    expect(parseAssignment('links[0].latencyMs=30')).toEqual({
      ok: true,
      path: 'links[0].latencyMs',
      segments: [
        { kind: 'key', key: 'links' },
        { kind: 'index', index: 0 },
        { kind: 'key', key: 'latencyMs' },
      ],
      value: 30,
    });
  });

  it('refuses an empty path', () => {
    expect(parseAssignment('=3')).toEqual({ ok: false, problem: { path: '(file)', message: 'the path is empty' } });
  });
});

describe('parsePath', () => {
  it('refuses a path ending with a dot', () => {
    expect(parsePath('authority.')).toEqual({
      ok: false,
      problem: { path: 'authority.', message: 'the path ends with "."' },
    });
  });

  it('refuses a selector with no field before it', () => {
    expect(parsePath('[0].id').ok).toBe(false);
  });
});

describe('applyVaryValues', () => {
  it('splits a list of values into single assignments', () => {
    expect(applyVaryValues('authority.sessionRecoveryDetection.inactivityTimeoutSec=1, 5,30')).toEqual({
      ok: true,
      assignments: [
        'authority.sessionRecoveryDetection.inactivityTimeoutSec=1',
        'authority.sessionRecoveryDetection.inactivityTimeoutSec=5',
        'authority.sessionRecoveryDetection.inactivityTimeoutSec=30',
      ],
    });
  });

  it('refuses an empty value in the list', () => {
    expect(applyVaryValues('seed=1,,3')).toEqual({
      ok: false,
      problem: { path: 'seed', message: 'give one or more values separated by commas, none of them empty' },
    });
  });
});
