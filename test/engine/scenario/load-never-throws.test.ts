import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySet, parseScenario, parseScenarioText } from '../../../engine/scenario/index.ts';
import { fullExample } from './helpers.ts';

function isResult(r: unknown): boolean {
  if (typeof r !== 'object' || r === null) return false;
  const result = r as { ok?: unknown; problems?: unknown; scenario?: unknown };
  return result.ok === true ? typeof result.scenario === 'object' : Array.isArray(result.problems) && result.problems.length > 0;
}

/** Paths into the full example where a random value gets written. */
const PATHS = [
  'format',
  'formatVersion',
  'name',
  'seed',
  'durationMs',
  'authority',
  'authority.sessionRecoveryDetection',
  'authority.sessionRecoveryDetection.mode',
  'authority.bfd.multiplier',
  'nodes',
  'nodes[0]',
  'nodes[hub1].kind',
  'nodes[hub1].sessionRecoveryDetection',
  'links',
  'links[1].nat',
  'links[1].nat.inside',
  'links[0].a',
  'traffic[0]',
  'traffic[2].burst',
  'faults',
  'faults[0]',
  'faults[3].type',
  'faults[5].link',
  'extra',
];

describe('parseScenario', () => {
  it('returns a result and never throws for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(isResult(parseScenario(value))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('returns a result and never throws for any JavaScript value', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withBigInt: true }), (value) => {
        expect(isResult(parseScenario(value))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('returns a result and never throws when any part of a valid file is replaced', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const changed = applySet(fullExample(), `${path}=${JSON.stringify(value)}`);
        if (!changed.ok) return;
        expect(isResult(parseScenario(changed.value))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseScenarioText', () => {
  it('returns a result and never throws for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(isResult(parseScenarioText(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('names a line and column for any text that is not JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), (text) => {
        let isJson = true;
        try {
          JSON.parse(text);
        } catch {
          isJson = false;
        }
        fc.pre(!isJson);
        const result = parseScenarioText(text);
        expect(result.ok ? '' : result.problems[0]?.message).toMatch(/^this file is not valid JSON: line \d+, column \d+: /);
      }),
      { numRuns: 500 },
    );
  });
});
