/**
 * `srlab generate --spokes N [--hubs M] [--clients-per-spoke K] [--sessions-per-client S]
 * [--pattern P] [--nat-every K] [--mode M] [--layout grid|rings] [--duration-ms MS] [--name T]
 * --out FILE`: writes a large spoke-and-hub lab with the engine's generator (the app's "New from
 * pattern" uses the same one). The file is checked by the loader before it is written.
 */
import { checkGenerateOptions, generateLab, parseScenario, type GenerateOptions } from '../../../engine/index.ts';
import { BadInput, CliFailure, EXIT_OK } from '../errors.ts';
import { describeFsError, type CliIo } from '../io.ts';

/** Flags of `srlab generate`. */
export interface GenerateFlags {
  spokes: string;
  hubs?: string;
  clientsPerSpoke?: string;
  sessionsPerClient?: string;
  pattern?: string;
  natEvery?: string;
  mode?: string;
  layout?: string;
  durationMs?: string;
  name?: string;
  out: string;
}

const FLAG: Record<keyof GenerateOptions, string> = {
  spokes: '--spokes',
  hubs: '--hubs',
  clientsPerSpoke: '--clients-per-spoke',
  sessionsPerClient: '--sessions-per-client',
  pattern: '--pattern',
  natEvery: '--nat-every',
  mode: '--mode',
  layout: '--layout',
  durationMs: '--duration-ms',
  name: '--name',
};

// Plain digits only: "1e3" or "12abc" are typos, not numbers.
const whole = (text: string | undefined): number | undefined => (text === undefined ? undefined : /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** Writes the lab; returns 0. */
export function generateCommand(flags: GenerateFlags, io: CliIo): number {
  const input: Partial<GenerateOptions> = {};
  const set = <K extends keyof GenerateOptions>(k: K, v: GenerateOptions[K] | undefined) => {
    if (v !== undefined) input[k] = v;
  };
  set('spokes', whole(flags.spokes));
  set('hubs', whole(flags.hubs));
  set('clientsPerSpoke', whole(flags.clientsPerSpoke));
  set('sessionsPerClient', whole(flags.sessionsPerClient));
  set('natEvery', whole(flags.natEvery));
  set('durationMs', whole(flags.durationMs));
  set('pattern', flags.pattern as GenerateOptions['pattern'] | undefined);
  set('mode', flags.mode as GenerateOptions['mode'] | undefined);
  set('layout', flags.layout as GenerateOptions['layout'] | undefined);
  set('name', flags.name);
  const checked = checkGenerateOptions(input);
  if (!checked.ok) {
    const given = (o: keyof GenerateOptions) => flags[o as keyof GenerateFlags];
    throw new BadInput(checked.problems.map((p) => `${FLAG[p.option]}: ${p.message}${given(p.option) !== undefined ? ` (got ${JSON.stringify(given(p.option))})` : ''}`));
  }
  const lab = generateLab(checked.options);
  // Valid by construction; checked anyway so a generator bug never writes a file the lab refuses.
  const parsed = parseScenario(lab);
  if (!parsed.ok) throw new CliFailure(`the generated lab is invalid (a bug): ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const text = `${JSON.stringify(lab, null, 1)}\n`;
  if (flags.out === '-') {
    io.stdout(text);
    return EXIT_OK;
  }
  const tmp = `${flags.out}.${io.pid}.tmp`;
  try {
    io.writeFile(tmp, text);
    io.rename(tmp, flags.out);
  } catch (error) {
    io.removeFile(tmp);
    throw new BadInput([`--out ${flags.out}: cannot write it: ${describeFsError(error)}`]);
  }
  const s = parsed.scenario;
  const sessions = s.traffic.reduce((n, t) => n + t.sessions, 0);
  io.stderr(`Wrote ${flags.out}: ${s.nodes.length} nodes, ${s.links.length} links, ${sessions} sessions (${checked.options.spokes} spokes, ${checked.options.hubs} hubs).\n`);
  return EXIT_OK;
}
