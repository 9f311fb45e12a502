/**
 * `srlab lab [--port N] [--host 127.0.0.1] [--no-open] [--db FILE]`: the browser host. Prints
 * one line with the URL (token included), opens the default browser unless --no-open, and runs
 * until interrupted; a live run is stopped and stored on the way out.
 */
import { spawn } from 'node:child_process';
import { BadInput } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { dbFileFor, openForCommand } from './db-access.ts';
import { isLoopback } from '../../services/host/server.ts';
import { startLab } from '../../services/host/lab.ts';

/** Flags of `srlab lab`. */
export interface LabFlags {
  port?: string;
  host?: string;
  open?: boolean;
  db?: string;
  allowRemote?: boolean;
}

/** Opens a URL in the default browser; false when no opener could start. */
export function openInBrowser(url: string): boolean {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}

/** Runs the lab until SIGINT/SIGTERM; returns the exit code. */
export async function labCommand(flags: LabFlags, io: CliIo, waitForSignal: () => Promise<void> = defaultWait): Promise<number> {
  const host = flags.host ?? '127.0.0.1';
  const port = flags.port === undefined ? 5180 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BadInput([`--port: must be a whole number from 0 to 65535, got "${flags.port}"`]);
  if (!isLoopback(host) && !flags.allowRemote) {
    throw new BadInput([`--host ${host}: the lab only listens on this machine (127.0.0.1) unless you also pass --allow-remote`]);
  }
  if (!isLoopback(host)) io.stderr(`warning: listening on ${host}: anyone who can reach this address and has the token can use the lab and its runs database.\n`);
  const dbPath = dbFileFor(flags.db);
  const db = openForCommand(dbPath);
  let lab;
  try {
    lab = await startLab({ db, dbPath, host, port, log: (l) => io.stderr(`${l}\n`) });
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new BadInput([`--port ${port}: the port is in use; pick another with --port N (0 picks a free one)`]);
    throw e;
  }
  io.stdout(`Session Recovery Lab is running at ${lab.host.url}\n`);
  if (flags.open !== false && !openInBrowser(lab.host.url)) io.stderr('Could not open a browser; open the address above yourself.\n');
  await waitForSignal();
  io.stderr('Stopping…\n');
  await lab.close();
  return 0;
}

function defaultWait(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
