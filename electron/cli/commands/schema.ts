/** `srlab schema`: the scenario JSON Schema, for editors and other tools. */
import { scenarioJsonSchema } from '../../../engine/index.ts';
import { EXIT_OK } from '../errors.ts';
import type { CliIo } from '../io.ts';

/** Prints the JSON Schema pretty-printed; returns 0. */
export function schemaCommand(io: CliIo): number {
  io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return EXIT_OK;
}
