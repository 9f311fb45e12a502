/**
 * Everything the srlab commands touch outside their own memory, passed in so tests can run a
 * command in-process and read what it printed without spawning a process.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** The command line's view of the outside world. */
export interface CliIo {
  /** Writes text as is to standard output (callers end their lines). */
  stdout(text: string): void;
  /** Writes text as is to standard error. */
  stderr(text: string): void;
  /** Reads a UTF-8 text file; throws a Node-style error (with `code`) when it cannot. */
  readFile(path: string): string;
  /** Creates or replaces a file. */
  writeFile(path: string, data: string): void;
  /** Renames a file, replacing the target (atomic on one file system). */
  rename(from: string, to: string): void;
  /** Removes a file; no error when it is already gone. */
  removeFile(path: string): void;
  /** A monotonic clock in ms, for wall time only (never for the run itself). */
  now(): number;
  /** Process id, used to name temporary files. */
  pid: number;
  /** Whether stderr is a terminal (progress is shown only then). */
  isStderrTty: boolean;
  /** Terminal width for help text; undefined when not a terminal. */
  columns: number | undefined;
}

/** The real process: its streams, the file system and performance.now. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, data) => writeFileSync(path, data, 'utf8'),
    rename: (from, to) => renameSync(from, to),
    removeFile: (path) => rmSync(path, { force: true }),
    now: () => performance.now(),
    pid: process.pid,
    isStderrTty: process.stderr.isTTY === true,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  };
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
};

/** Plain words for a file-system error, without Node's syscall and path decoration. */
export function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const known = FS_REASONS[code];
  if (known !== undefined) return known;
  return error instanceof Error ? error.message : String(error);
}
