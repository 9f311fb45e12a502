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

/** Longest line printed for one problem; the rest is counted, not echoed. */
export const MAX_LINE_CHARS = 2000;

/**
 * Keeps "one problem per line" true even when a message carries a newline: each line break
 * with the blanks around it becomes one space. Linear in the text (a regex like
 * `\s*[\r\n]+\s*` backtracks quadratically over a long run of blanks), and cut at
 * `max` characters so a huge value in a message cannot make a huge line.
 */
export function oneLine(text: string, max = MAX_LINE_CHARS): string {
  let out = '';
  for (const part of text.split(/[\r\n]+/)) {
    const t = part.trim();
    if (t === '') continue;
    out = out === '' ? t : `${out} ${t}`;
    if (out.length > max * 2) break;
  }
  return out.length <= max ? out : `${out.slice(0, max)}… (cut: the line is longer than ${max} characters)`;
}
