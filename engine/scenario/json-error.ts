/**
 * Says where and why a text is not JSON, the same way on every JavaScript engine (their own
 * `JSON.parse` messages differ and do not always give a position). Only called after
 * `JSON.parse` has failed.
 */

class JsonSyntax {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Finds the first syntax error in `text`; undefined when the scanner finds none. */
function locate(text: string): JsonSyntax | undefined {
  let i = 0;
  const found = (): string => {
    const c = text[i];
    if (c === undefined) return 'the end of the file';
    if (c === '/') return '"/" (comments are not allowed in JSON)';
    if (c === "'") return "' (JSON text needs double quotes)";
    return JSON.stringify(c);
  };
  const fail = (expected: string): never => {
    throw new JsonSyntax(i, `expected ${expected}, found ${found()}`);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const str = (): void => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) fail('a closing "');
      if (c === '"') break;
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('4 hex digits after \\u');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail('an escape like \\n or \\"');
      } else if ((c ?? '').charCodeAt(0) < 0x20) fail('a closing " before the end of the line');
      i++;
    }
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return container('}', true);
    if (c === '[') return container(']', false);
    if (c === '"') return str();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    fail('a value');
  };
  const container = (close: string, isObject: boolean): void => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      if (isObject) {
        ws();
        if (text[i] === '}') fail('a "name" after the comma (trailing commas are not allowed)');
        if (text[i] !== '"') fail('a "name" in double quotes');
        str();
        ws();
        if (text[i] !== ':') fail('":"');
        i++;
      } else {
        ws();
        if (text[i] === ']') fail('a value after the comma (trailing commas are not allowed)');
      }
      value();
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === close) {
        i++;
        return;
      } else fail(`"," or "${close}"`);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail('nothing more after the end of the JSON value');
    return undefined;
  } catch (e) {
    if (e instanceof JsonSyntax) return e;
    return undefined; // e.g. nesting too deep for the stack: no position then
  }
}

/** A plain-words message for a text that `JSON.parse` refused, with line and column when known. */
export function describeJsonError(text: string, error: unknown): string {
  const found = locate(text);
  if (found === undefined) {
    const detail = error instanceof Error ? error.message : String(error);
    return `this file is not valid JSON (${detail})`;
  }
  const before = text.slice(0, found.offset);
  const line = before.split('\n').length;
  const column = found.offset - before.lastIndexOf('\n');
  return `this file is not valid JSON: line ${line}, column ${column}: ${found.reason}`;
}
