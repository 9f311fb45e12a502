import { describe, expect, it } from 'vitest';
import { SCENARIO_SCHEMA_ID, scenarioJsonSchema } from '../../../engine/scenario/index.ts';

describe('scenarioJsonSchema', () => {
  it('describes an object whose properties include nodes', () => {
    const schema = scenarioJsonSchema();
    expect(schema['type']).toBe('object');
    expect(schema['properties']).toHaveProperty('nodes');
  });

  it('carries an $id and a title', () => {
    expect(scenarioJsonSchema()).toMatchObject({ $id: SCENARIO_SCHEMA_ID, title: 'Session Recovery Lab scenario' });
  });

  it('mentions the field names of the format', () => {
    const text = JSON.stringify(scenarioJsonSchema());
    for (const name of ['inactivityTimeoutSec', 'latencyMs', 'bindingTimeoutMs', 'responsePackets', 'downtimeMs', 'direction']) {
      expect(text).toContain(`"${name}"`);
    }
  });

  it('requires only the fields that have no default', () => {
    expect(scenarioJsonSchema()['required']).toEqual(['format', 'formatVersion', 'name', 'durationMs', 'nodes']);
  });

  it('forbids unknown fields', () => {
    expect(scenarioJsonSchema()['additionalProperties']).toBe(false);
  });

  it('returns a fresh object on every call', () => {
    expect(scenarioJsonSchema()).not.toBe(scenarioJsonSchema());
  });
});
