/**
 * The srlab command line (spec/cli.md): argument parsing with commander, dispatch to the
 * commands, and the mapping of every way out to an exit code. Node only; never imports electron.
 */
import { Command, CommanderError, type OutputConfiguration } from 'commander';
import { availableParallelism } from 'node:os';
import type { ReplayFlags } from './commands/replay.ts';
import type { RunFlags } from './commands/run.ts';
import type { RunsFlags } from './commands/runs.ts';
import type { CompareFlags } from './commands/compare.ts';
import type { SweepFlags } from './commands/sweep.ts';
import type { LabFlags } from './commands/lab.ts';
import type { GenerateFlags } from './commands/generate.ts';
import type { WorkerFlags } from './commands/worker.ts';
import type { CheckFlags } from './commands/check.ts';
import { BadInput, CliFailure, EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, oneLine } from './errors.ts';
import { nodeIo, type CliIo } from './io.ts';
import { versionLine } from './version.ts';

const RUN_EXAMPLES = `
Examples:
  srlab run hub-loss.srlab.json
  srlab run hub-loss.srlab.json --seed 7 --duration-ms 120000 --json
  srlab run hub-loss.srlab.json --set authority.sessionRecoveryDetection.mode=inactivity-based \\
        --set 'nodes[hub1].softwareVersion=6.0.0' --sessions sessions.csv

--set PATH=VALUE changes the scenario's JSON before it is checked; a [id] in PATH selects a list
entry by its id (quote it: shells read [ ] as a pattern). VALUE is read as JSON when it parses
(30, true, "6"), else as text.`;

const MAIN_FOOTER = `
Exit codes: 0 done, 2 bad input (unreadable or invalid scenario, bad flag, unknown command,
unknown run id, unusable database), 1 anything else (and a replay that does not match).
Problems go to stderr, one per line, as <file>: <json path>: <message>.`;

/**
 * Builds a fresh program (commander keeps parse state, so one per call). `setExit` receives the
 * exit code of the command that ran. Each command's code is loaded when it runs: `srlab
 * --version` or `srlab validate` need neither the database nor the lab's web server.
 */
export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('srlab');
  program
    .description('Session Recovery Lab: run SSR session-recovery scenarios headless.')
    .exitOverride()
    .configureOutput(outputFor(io, 'srlab'))
    .version(versionLine(), '-V, --version', 'print the srlab and engine versions')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', MAIN_FOOTER);

  program
    .command('run')
    .description('run a scenario to the end and print a summary of what happened')
    .argument('<scenario>', 'scenario file (*.srlab.json)')
    .option('--seed <n>', "random seed, instead of the scenario's (0..4294967295)")
    .option('--duration-ms <ms>', "virtual duration in ms, instead of the scenario's (1..86400000)")
    .option('--set <path=value>', 'change one scenario field before it is checked (repeatable)', collect)
    .option('--json', 'print exactly one JSON object (spec/cli.md) instead of the summary')
    .option('--sessions <file.csv>', 'also write one CSV row per session to this file')
    .option('--session-outcomes', "with --json: add every session's outcome (recovered-by, outages with their times, give-up, successor session)")
    .option('--db <file>', "store the run in this database (default: $SRLAB_DB, else the app's)")
    .option('--no-store', 'do not store the run (without --db, --json stores nothing either)')
    .option('--report <file.html>', "also write the run's report: one self-contained HTML file")
    .option('--force', 'run it even when it asks for more work or memory than the soft limit of the estimate')
    .addHelpText('after', RUN_EXAMPLES)
    .action(async (file: string, flags: RunFlags) => setExit((await import('./commands/run.ts')).runCommand(file, flags, io)));

  program
    .command('runs')
    .description('list the stored runs, newest first')
    .option('--db <file>', "the runs database (default: $SRLAB_DB, else the app's)")
    .option('--json', 'print a JSON array instead of the table')
    .option('--limit <n>', `show at most this many runs (default 20)`)
    .option('--scenario <text>', 'only runs whose scenario name contains this text')
    .option('--status <status>', 'only runs with this status (running, completed, stopped, failed, interrupted)')
    .action(async (flags: RunsFlags) => setExit((await import('./commands/runs.ts')).runsCommand(flags, io)));

  program
    .command('replay')
    .description('re-run a stored run; exit 1 if it does not reproduce its fingerprint')
    .argument('<runId>', 'a run id from srlab runs')
    .option('--db <file>', "the runs database (default: $SRLAB_DB, else the app's)")
    .option('--json', 'print the outcome as one JSON object')
    .action(async (runId: string, flags: ReplayFlags) => setExit((await import('./commands/replay.ts')).replayCommand(runId, flags, io)));

  program
    .command('compare')
    .description('compare stored runs: key figures with deltas, differing settings, first divergence')
    .argument('<runIds...>', 'two or more run ids from srlab runs (the first is the baseline)')
    .option('--db <file>', "the runs database (default: $SRLAB_DB, else the app's)")
    .option('--json', 'print the comparison as one JSON object')
    .option('--report <file.html>', 'also write the comparison report: one self-contained HTML file')
    .action(async (ids: string[], flags: CompareFlags) => setExit((await import('./commands/compare.ts')).compareCommand(ids, flags, io)));

  program
    .command('sweep')
    .description('run a scenario over varied values and seeds in parallel, storing every run')
    .argument('<scenario>', 'scenario file (*.srlab.json)')
    .option('--vary <path=v1,v2,...>', 'a setting and the values to try (repeatable; the runs are the cross product)', collect)
    .option('--seeds <n>', 'runs per combination, with seeds seed, seed+1, … (default 1)')
    .option('--seed <n>', "first seed (default: the scenario's)")
    .option('--fail-each <what>', 'N-1 analysis: one run per element failing (router, spoke, hub or link) plus a fault-free baseline, ranked by harm')
    .option('--keep-faults', "with --fail-each: keep the lab's own faults in every run (default: removed)")
    .option('--fail-at-ms <ms>', 'when the element fails (default: a third of the run)')
    .option('--fail-for-ms <ms>', 'how long it stays failed (default 10000)')
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--no-fork', 'run every run whole instead of forking runs that share a prefix up to their fault (for checking: fingerprints are the same)')
    .option('--queue <redis-url>', 'run on srlab workers through this Redis (redis://HOST:PORT); results are stored here')
    .option('--report <file.html>', 'with --fail-each: also write the N-1 report (ranking and blast-radius map)')
    .option('--db <file>', "the runs database (default: $SRLAB_DB, else the app's)")
    .option('--no-store', 'do not store the runs')
    .option('--json', 'print one JSON object (runs, aggregate, ranking)')
    .option('--force', 'run the scenarios even past the soft limit of the work estimate')
    .action(async (file: string, flags: SweepFlags) => {
      // The threads start loading the engine now, alongside this process loading the sweep
      // command (and the engine with it), reading the lab and planning: a small sweep's start-up
      // is mostly that loading. The sweep's thread executor takes them once it has planned.
      if (flags.queue === undefined) (await import('../services/sweeps/executor.ts')).prewarmThreads(threadsWanted(flags.workers));
      setExit(await (await import('./commands/sweep.ts')).sweepCommand(file, flags, io));
    });

  program
    .command('generate')
    .description('write a large spoke-and-hub lab: hubs in a row, spokes in a grid or rings')
    .requiredOption('--spokes <n>', 'number of spokes (1..10000)')
    .option('--hubs <n>', 'number of hubs in a row (1..64, default 2); each spoke is dual-homed to two of them')
    .option('--clients-per-spoke <n>', 'clients behind each spoke (default 1)')
    .option('--sessions-per-client <n>', 'sessions each client opens (default 2)')
    .option('--pattern <pattern>', 'traffic: request-response, stream-up, stream-down or bidirectional (default request-response)')
    .option('--nat-every <k>', 'every k-th spoke sits behind NAT on its uplinks (default none)')
    .option('--mode <mode>', 'session-recovery-detection: packet-based or inactivity-based (default packet-based)')
    .option('--layout <layout>', 'spokes in a grid or in rings around the hubs (default grid)')
    .option('--duration-ms <ms>', 'run length in ms (default 60000)')
    .option('--name <text>', "the lab's name")
    .requiredOption('--out <file>', 'where to write the lab (*.srlab.json); - for stdout')
    .action(async (flags: GenerateFlags) => setExit((await import('./commands/generate.ts')).generateCommand(flags, io)));

  program
    .command('worker')
    .description('serve sweeps queued with srlab sweep --queue: run their runs here (start on any machine)')
    .requiredOption('--queue <redis-url>', 'the Redis the sweeps are queued in (redis://HOST:PORT)')
    .option('--concurrency <n>', 'runs at a time, each in its own worker thread (default: one per core)')
    .option('--lock-ms <ms>', 'how long a run stays claimed without a heartbeat before another worker may take it (default 15000)')
    .action(async (flags: WorkerFlags) => setExit(await (await import('./commands/worker.ts')).workerCommand(flags, io)));

  program
    .command('lab')
    .description('open the lab in your browser (the app without Electron): serves it on this machine')
    .option('--port <n>', 'port to listen on (default 5180; 0 picks a free one)')
    .option('--host <address>', 'address to listen on (default 127.0.0.1)')
    .option('--allow-remote', 'allow a --host that is not this machine (prints a warning)')
    .option('--no-open', 'do not open a browser')
    .option('--db <file>', "the runs database (default: $SRLAB_DB, else the app's)")
    .action(async (flags: LabFlags) => setExit(await (await import('./commands/lab.ts')).labCommand(flags, io)));

  program
    .command('validate')
    .description('check a scenario file and list every problem in it')
    .argument('<scenario>', 'scenario file (*.srlab.json)')
    .action(async (file: string) => setExit((await import('./commands/validate.ts')).validateCommand(file, io)));

  program
    .command('check')
    .description('run a lab and grade its objectives: ✓/✗ with measured and expected values; exit 0 all hold, 1 any fails')
    .argument('<lab>', 'lab file with objectives (*.srlab.json)')
    .option('--seed <n>', "random seed, instead of the lab's (0..4294967295): one per student")
    .option('--json', 'print one JSON object: every objective with its status, measured and expected values')
    .action(async (file: string, flags: CheckFlags) => setExit((await import('./commands/check.ts')).checkCommand(file, flags, io)));

  program
    .command('schema')
    .description('print the JSON Schema of scenario files')
    .action(async () => setExit((await import('./commands/schema.ts')).schemaCommand(io)));

  program
    .command('assumptions')
    .description("print the model's assumptions where the router's documentation is silent")
    .option('--json', 'print them as a JSON array')
    .action(async (flags: { json?: boolean }) => setExit((await import('./commands/assumptions.ts')).assumptionsCommand(flags, io)));

  // Each command names itself in commander's one-line errors: "srlab run: missing …".
  for (const command of program.commands) command.configureOutput(outputFor(io, `srlab ${command.name()}`));
  return program;
}

function outputFor(io: CliIo, who: string): OutputConfiguration {
  const width = (): number => Math.min(io.columns ?? 100, 100);
  return {
    writeOut: (text) => io.stdout(text),
    writeErr: (text) => io.stderr(text),
    outputError: (text, write) => write(`${who}: ${oneLine(text.replace(/^error: /, ''))} (see ${who} --help)\n`),
    getOutHelpWidth: width,
    getErrHelpWidth: width,
    getOutHasColors: () => false,
    getErrHasColors: () => false,
  };
}

/** The sweep threads to start ahead: one per core, fewer with --workers (checked by the command). */
function threadsWanted(workers: string | undefined): number {
  const cores = availableParallelism();
  const n = Number(workers);
  return workers !== undefined && Number.isInteger(n) && n >= 1 ? Math.min(n, cores) : cores;
}

// No default array: commander would print "(default: [])" in the help.
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Runs the command line `argv` (without node and script) and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  let code = EXIT_OK;
  try {
    await buildProgram(io, (c) => (code = c)).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return exitFor(error, io);
  }
}

/** Prints what a person needs for an early end and picks its exit code. */
function exitFor(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and --version end through here too, with exit code 0; the rest are usage errors
    // that commander has already printed.
    return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
  }
  if (error instanceof BadInput) {
    io.stderr(error.lines.map((l) => `${oneLine(l)}\n`).join(''));
    return EXIT_BAD_INPUT;
  }
  if (error instanceof CliFailure) {
    io.stderr(`srlab: ${oneLine(error.message)}\n`);
    return EXIT_FAILURE;
  }
  // A bug: the stack is what a bug report needs.
  io.stderr(`srlab: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_FAILURE;
}
