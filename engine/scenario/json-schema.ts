/**
 * The published JSON Schema of scenario files, generated from `ScenarioSchema` so the two never
 * disagree. Input side: fields with defaults are optional, and the defaults are listed.
 */
import { z } from 'zod';
import { SCENARIO_FORMAT_VERSION, ScenarioSchema } from './schema.ts';

/** `$id` of the published schema (a URN: the project has no web address to serve it from). */
export const SCENARIO_SCHEMA_ID = `urn:session-recovery-lab:scenario:${SCENARIO_FORMAT_VERSION}`;

/** The JSON Schema (draft 2020-12) for `*.srlab.json` files, as a fresh plain object. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCENARIO_SCHEMA_ID,
    title: 'Session Recovery Lab scenario',
    description: `A Session Recovery Lab scenario file, formatVersion ${SCENARIO_FORMAT_VERSION}.`,
    ...generated,
  };
}
