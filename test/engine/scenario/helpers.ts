import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ScenarioProblem, ScenarioResult } from '../../../engine/scenario/index.ts';

/** The spec's full example (scenario-format.md, minus comments), as raw JSON text. */
export const fullExampleText = readFileSync(new URL('./fixtures/full-example.srlab.json', import.meta.url), 'utf8');

/** A fresh copy of the full example as a raw JSON value, safe to mutate. */
export function fullExample(): Record<string, any> {
  return JSON.parse(fullExampleText) as Record<string, any>;
}

/** A small valid raw scenario: client1 – spoke1 – server1, one traffic definition. */
export function minimal(): Record<string, any> {
  return {
    format: 'session-recovery-lab/scenario',
    formatVersion: 1,
    name: 'minimal',
    durationMs: 60000,
    nodes: [
      { id: 'client1', kind: 'client' },
      { id: 'spoke1', kind: 'spoke' },
      { id: 'server1', kind: 'server' },
    ],
    links: [
      { id: 'lan1', a: 'client1', b: 'spoke1' },
      { id: 'lan2', a: 'spoke1', b: 'server1' },
    ],
    traffic: [{ id: 'web', from: 'client1', to: 'server1' }],
  };
}

/** Asserts the result is a refusal and returns its problems. */
export function problemsOf(result: ScenarioResult): ScenarioProblem[] {
  if (result.ok) expect.fail('expected the scenario to be refused, but it loaded');
  return result.problems;
}
