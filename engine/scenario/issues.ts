/**
 * Turns zod issues into `ScenarioProblem`s: a JSON path written like `faults[3].link` and a
 * message in plain words. Rules with their own message (numbers, ids) set it in `schema.ts`;
 * everything else gets its words from `plainErrorMap`, passed to every parse.
 */
import type { z } from 'zod';

/** One thing wrong with a scenario: where (`nodes[0].id`, `(file)` for the root) and what. */
export type ScenarioProblem = { path: string; message: string };

/** Path written for the root of the file. */
export const ROOT_PATH = '(file)';

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
/** Keys longer than this are shortened when shown: a 10 MB key must not make a 20 MB message. */
const SHOWN_KEY_CHARS = 80;

/** A key as JSON text, cut short (with its length) when it is too long to print whole. */
export function showKey(key: string): string {
  if (key.length <= SHOWN_KEY_CHARS) return JSON.stringify(key);
  return `${JSON.stringify(key.slice(0, SHOWN_KEY_CHARS)).slice(0, -1)}…" (${key.length} characters)`;
}

/** Writes a JSON path the way the problems show it: `faults[3].link`, `(file)` for the root. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const key = String(seg);
      out += key.length <= SHOWN_KEY_CHARS && PLAIN_KEY.test(key) ? (out === '' ? key : `.${key}`) : `[${showKey(key)}]`;
    }
  }
  return out === '' ? ROOT_PATH : out;
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object ({ … })',
  array: 'a list ([ … ])',
  null: 'null',
};

const ROUTER_ONLY_FIELDS = new Set(['softwareVersion', 'sessionRecoveryDetection', 'bfd']);

/** Message for one unknown key, with a hint when it looks like a typo or a router-only field. */
function unknownField(key: string, known: readonly string[], input: unknown): string {
  const base = `unknown field ${showKey(key)}`;
  const kind = isRecord(input) ? input['kind'] : undefined;
  if (ROUTER_ONLY_FIELDS.has(key) && (kind === 'client' || kind === 'server')) {
    return `${base}: ${key} is for routers (spoke, hub) only, and this node is a ${kind}`;
  }
  const near = closest(key, known);
  return near === undefined ? base : `${base} (did you mean ${JSON.stringify(near)}?)`;
}

function shapeKeys(inst: unknown): string[] {
  const def = isRecord(inst) && isRecord(inst['_zod']) ? inst['_zod']['def'] : undefined;
  const shape = isRecord(def) ? def['shape'] : undefined;
  return isRecord(shape) ? Object.keys(shape) : [];
}

function choices(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

/** The parse-time zod error map: plain words for every issue whose rule has no own message. */
export function plainErrorMap(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'is required';
      return `must be ${TYPE_WORDS[iss.expected] ?? iss.expected}`;
    case 'invalid_value':
      if (iss.input === undefined) return `is required (${iss.values.length === 1 ? 'must be' : 'one of'} ${choices(iss.values)})`;
      return iss.values.length === 1 ? `must be ${choices(iss.values)}` : `must be one of ${choices(iss.values)}`;
    case 'invalid_union': {
      const options = 'options' in iss && Array.isArray(iss.options) ? choices(iss.options) : undefined;
      if (options === undefined) return 'does not match any allowed form';
      return iss.input === undefined ? `is required (one of ${options})` : `must be one of ${options}`;
    }
    case 'unrecognized_keys': {
      // One issue covers several keys; `problemsFromIssues` splits the lines back out, key by key.
      const known = shapeKeys(iss.inst);
      return iss.keys.map((k) => unknownField(k, known, iss.input)).join('\n');
    }
    case 'too_small':
      if (iss.origin === 'string') return `must be at least ${iss.minimum} characters long`;
      if (iss.origin === 'array') return `must have at least ${iss.minimum} entries`;
      return `must be ${iss.inclusive === false ? 'more than' : 'at least'} ${iss.minimum}`;
    case 'too_big':
      if (iss.origin === 'string') return `must be at most ${iss.maximum} characters long`;
      if (iss.origin === 'array') return `must have at most ${iss.maximum} entries`;
      return `must be ${iss.inclusive === false ? 'less than' : 'at most'} ${iss.maximum}`;
    case 'invalid_format':
      return 'is not in the expected format';
    default:
      return 'is not valid';
  }
}

/** Converts zod issues to problems, one per unknown key, without repeats. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  const seen = new Set<string>();
  const push = (p: ScenarioProblem): void => {
    const key = `${p.path}\u0000${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  };
  for (const iss of issues) {
    if (iss.code === 'unrecognized_keys') {
      const lines = iss.message.split('\n');
      iss.keys.forEach((key, i) => {
        push({ path: formatPath([...iss.path, key]), message: lines[i] ?? `unknown field ${showKey(key)}` });
      });
    } else {
      push({ path: formatPath(iss.path), message: iss.message });
    }
  }
  return out;
}

/** True for a non-null, non-array object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The known key nearest to `key` by edit distance, if near enough to be a likely typo. */
function closest(key: string, known: readonly string[]): string | undefined {
  if (key.length > SHOWN_KEY_CHARS) return undefined;
  let best: string | undefined;
  let bestDist = Math.min(3, Math.floor(key.length / 3));
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d <= bestDist) {
      best = k;
      bestDist = d - 1;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 99;
}
