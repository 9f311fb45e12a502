import type { z } from 'zod';
import type { ScenarioSchema } from './schema.ts';

/** A scenario as written in a file (defaults optional): what the editor holds and saves. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
