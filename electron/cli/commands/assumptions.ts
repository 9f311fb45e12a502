/** `srlab assumptions`: what the model assumes where the router's documentation is silent. */
import { ASSUMPTIONS, type Assumption } from '../../../engine/index.ts';
import { EXIT_OK } from '../errors.ts';
import type { CliIo } from '../io.ts';

const WIDTH = 96;

/** Prints every assumption (as a JSON array with `json`); returns 0. */
export function assumptionsCommand(flags: { json?: boolean }, io: CliIo): number {
  if (flags.json) {
    io.stdout(`${JSON.stringify(ASSUMPTIONS, null, 2)}\n`);
    return EXIT_OK;
  }
  io.stdout(ASSUMPTIONS.map(renderAssumption).join('\n\n') + '\n');
  return EXIT_OK;
}

function renderAssumption(a: Assumption): string {
  const source = a.source === 'spec' ? 'model contract' : 'engine decision';
  const lines = [`${a.section} ${a.title}  [${a.id}, ${source}]`, ...wrap(a.text, WIDTH - 4).map((l) => `    ${l}`)];
  if (a.knob !== undefined) lines.push(`    setting: ${a.knob}`);
  return lines.join('\n');
}

/** Greedy word wrap; a word longer than the width gets a line of its own. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
