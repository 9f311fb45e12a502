/**
 * The two ways a command ends early. Both carry text meant for a person, so the top level prints
 * the lines and nothing else: stack traces are only for real bugs (exit 1, anything else).
 */

/** Exit code for success. */
export const EXIT_OK = 0;
/** Exit code for anything that is not the user's input (spec/cli.md). */
export const EXIT_FAILURE = 1;
/** Exit code for bad input: unreadable or invalid scenario, bad flag, unknown command. */
export const EXIT_BAD_INPUT = 2;

/** Bad input: each line is one problem, printed on its own line of stderr; exit 2. */
export class BadInput extends Error {
  readonly lines: readonly string[];

  /** `lines` must not be empty; newlines inside a line are flattened when printed. */
  constructor(lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'BadInput';
    this.lines = lines;
  }
}

/** A failure that is not the input's fault but has a clear message (a full disk…); exit 1. */
export class CliFailure extends Error {
  /** `message` is printed as one line after "srlab: ". */
  constructor(message: string) {
    super(message);
    this.name = 'CliFailure';
  }
}

/** Keeps "one problem per line" true even when a message carries a newline. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
