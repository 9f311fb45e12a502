import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeIo, type CliIo } from '../../../electron/cli/io.ts';
import { main } from '../../../electron/cli/main.ts';

/** Absolute path of a fixture scenario. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'srlab-cli-'));
}

/** What one in-process command line printed and returned. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real file system and clock, with stdout and stderr captured; `overrides` replace parts. */
export function captureIo(overrides: Partial<CliIo> = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    ...nodeIo(),
    isStderrTty: false,
    columns: undefined,
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    ...overrides,
    out: () => out,
    err: () => err,
  };
}

/** Runs `srlab <argv>` in-process. */
export async function srlab(argv: readonly string[], overrides: Partial<CliIo> = {}): Promise<CliOutcome> {
  const io = captureIo(overrides);
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** The non-empty lines of a text. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}
