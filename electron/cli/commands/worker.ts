/**
 * `srlab worker --queue redis://HOST:PORT [--concurrency N] [--lock-ms MS]`: serves the sweeps
 * queued there until stopped (Ctrl-C or SIGTERM finishes the runs in hand first). One line per
 * job on stderr. BullMQ is loaded only here and with `sweep --queue`.
 */
import { BadInput, CliFailure, EXIT_OK } from '../errors.ts';
import type { CliIo } from '../io.ts';

/** Flags of `srlab worker`. */
export interface WorkerFlags {
  queue: string;
  concurrency?: string;
  lockMs?: string;
}

function whole(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new BadInput([`${flag}: must be a whole number from ${min} to ${max}, got "${text}"`]);
  return n;
}

/** Serves the queue until a signal; returns 0. */
export async function workerCommand(flags: WorkerFlags, io: CliIo): Promise<number> {
  const concurrency = whole('--concurrency', flags.concurrency, 1, 256);
  const lockMs = whole('--lock-ms', flags.lockMs, 1000, 3_600_000);
  const { parseQueueUrl, startQueueWorker } = await import('../../services/queue/index.ts');
  const parsed = parseQueueUrl(flags.queue);
  if (!parsed.ok) throw new BadInput([`--queue: ${parsed.problem}`]);
  let worker;
  try {
    worker = await startQueueWorker({ url: parsed.url, ...(concurrency ? { concurrency } : {}), ...(lockMs ? { lockMs } : {}), log: (line) => io.stderr(`srlab worker: ${line}\n`) });
  } catch (e) {
    throw new CliFailure(e instanceof Error ? e.message : String(e));
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      io.stderr(`srlab worker: ${signal}: finishing the runs in hand, then stopping\n`);
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      void worker.close().then(resolve, resolve);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
  return EXIT_OK;
}
