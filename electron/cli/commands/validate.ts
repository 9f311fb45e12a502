/** `srlab validate`: loads a scenario and says whether it would run. */
import { EXIT_OK } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { loadScenarioFile } from '../scenario-file.ts';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Prints `ok: <name> (…counts…)` and returns 0; throws BadInput listing the problems. */
export function validateCommand(file: string, io: CliIo): number {
  const s = loadScenarioFile(file, [], io);
  const counts = [
    plural(s.nodes.length, 'node', 'nodes'),
    plural(s.links.length, 'link', 'links'),
    plural(s.traffic.length, 'traffic definition', 'traffic definitions'),
    plural(s.faults.length, 'fault', 'faults'),
  ];
  io.stdout(`ok: ${s.name} (${counts.join(', ')})\n`);
  return EXIT_OK;
}
