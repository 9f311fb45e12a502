/**
 * `--set PATH=VALUE` and `--vary PATH=V1,V2,...` (spec/cli.md), applied to the raw JSON of a
 * scenario before validation, so the usual checks then judge the result.
 *
 * PATH is keys joined by dots, each optionally followed by selectors in brackets:
 * `authority.sessionRecoveryDetection.mode`, `links[0].latencyMs` (a run of digits is an index),
 * `nodes[hub1].softwareVersion` (anything else selects the element whose `id` equals it; a node
 * whose id is all digits can therefore only be reached by index). Missing objects on the way are
 * created for plain keys. VALUE is parsed as JSON when it parses (`30`, `true`, `null`, `"6"`),
 * else taken as a string (`6.0.0`, `inactivity-based`). A `--vary` value cannot contain a comma.
 */
import { isRecord, ROOT_PATH } from './issues.ts';
import type { ScenarioProblem } from './issues.ts';

/** One step of a `--set` path. */
export type PathSegment = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'id'; id: string };

/** A parsed `PATH=VALUE`. */
export type Assignment = { path: string; segments: PathSegment[]; value: unknown };

type Failure = { ok: false; problem: ScenarioProblem };

const SEGMENT = /([^.[\]=]+)|\[([^\]]+)\]|(\.)/y;

/** Splits a path like `nodes[hub1].bfd.multiplier` into segments; a problem when malformed. */
export function parsePath(path: string): { ok: true; segments: PathSegment[] } | Failure {
  const bad = (why: string): Failure => ({ ok: false, problem: { path: path || ROOT_PATH, message: why } });
  const segments: PathSegment[] = [];
  let i = 0;
  let needKey = true;
  while (i < path.length) {
    SEGMENT.lastIndex = i;
    const m = SEGMENT.exec(path);
    if (m === null) return bad(`cannot read the path at "${path.slice(i)}"`);
    i = SEGMENT.lastIndex;
    if (m[1] !== undefined) {
      if (!needKey) return bad(`expected "." or "[" before "${m[1]}"`);
      segments.push({ kind: 'key', key: m[1].trim() });
      needKey = false;
    } else if (m[2] !== undefined) {
      if (needKey) return bad(`expected a field name before "[${m[2]}]"`);
      const sel = m[2].trim();
      segments.push(/^\d+$/.test(sel) ? { kind: 'index', index: Number(sel) } : { kind: 'id', id: sel });
    } else {
      if (needKey) return bad('expected a field name after "."');
      needKey = true;
    }
  }
  if (needKey) return bad(path === '' ? 'the path is empty' : 'the path ends with "."');
  return { ok: true, segments };
}

/** Reads VALUE as JSON when it parses, else as a string. */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Splits `PATH=VALUE` at the first `=` and reads both parts. */
export function parseAssignment(s: string): ({ ok: true } & Assignment) | Failure {
  const eq = s.indexOf('=');
  if (eq < 0) return { ok: false, problem: { path: s || ROOT_PATH, message: 'expected PATH=VALUE (no "=" found)' } };
  const path = s.slice(0, eq).trim();
  const parsed = parsePath(path);
  if (!parsed.ok) return parsed;
  return { ok: true, path, segments: parsed.segments, value: parseValue(s.slice(eq + 1)) };
}

/** Splits `PATH=V1,V2,...` into one `PATH=V` per value (values trimmed, and without commas). */
export function applyVaryValues(assignment: string): { ok: true; assignments: string[] } | Failure {
  const eq = assignment.indexOf('=');
  if (eq < 0) return { ok: false, problem: { path: assignment || ROOT_PATH, message: 'expected PATH=V1,V2,... (no "=" found)' } };
  const path = assignment.slice(0, eq).trim();
  const parsed = parsePath(path);
  if (!parsed.ok) return parsed;
  const values = assignment
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim());
  if (values.some((v) => v === '')) {
    return { ok: false, problem: { path, message: 'give one or more values separated by commas, none of them empty' } };
  }
  return { ok: true, assignments: values.map((v) => `${path}=${v}`) };
}

/** Applies one `PATH=VALUE` to a copy of the raw scenario JSON; the input is not changed. */
export function applySet(raw: unknown, assignment: string): { ok: true; value: unknown } | Failure {
  const parsed = parseAssignment(assignment);
  if (!parsed.ok) return parsed;
  const fail = (message: string): Failure => ({ ok: false, problem: { path: parsed.path, message } });
  if (!isRecord(raw)) return fail('the scenario is not a JSON object');
  let root: Record<string, unknown>;
  try {
    root = cloneJson(raw) as Record<string, unknown>;
  } catch {
    return fail('the scenario could not be copied');
  }
  const { segments } = parsed;
  let container: unknown = root;
  let where = '';
  for (const [i, seg] of segments.entries()) {
    const isLast = i === segments.length - 1;
    const step = describe(seg, where);
    if (seg.kind === 'key') {
      if (!isRecord(container)) return fail(`${where} is not an object, so it has no field "${seg.key}"`);
      if (seg.key === '__proto__') return fail('"__proto__" cannot be set');
      if (isLast) {
        container[seg.key] = parsed.value;
        break;
      }
      const nextIsKey = segments[i + 1]?.kind === 'key';
      if (container[seg.key] === undefined || container[seg.key] === null) {
        if (!nextIsKey) return fail(`${step} does not exist`);
        container[seg.key] = {};
      }
      container = container[seg.key];
    } else {
      if (!Array.isArray(container)) return fail(`${where} is not a list, so ${step} cannot be selected`);
      const list: unknown[] = container;
      const at = seg.kind === 'index' ? seg.index : list.findIndex((el) => isRecord(el) && el['id'] === seg.id);
      if (seg.kind === 'index' && at >= list.length) {
        return fail(`${where} has ${list.length} entries, so there is no ${step}`);
      }
      if (at < 0) return fail(`${where} has no entry with id "${seg.kind === 'id' ? seg.id : ''}"`);
      if (isLast) {
        list[at] = parsed.value;
        break;
      }
      container = list[at];
    }
    where = step;
  }
  return { ok: true, value: root };
}

function describe(seg: PathSegment, where: string): string {
  if (seg.kind === 'key') return where === '' ? seg.key : `${where}.${seg.key}`;
  return `${where}[${seg.kind === 'index' ? seg.index : seg.id}]`;
}

/** Deep copy of a JSON-like value (plain objects and arrays); own `__proto__` keys stay plain keys. */
function cloneJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(cloneJson);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cloneJson(x)]));
  return v;
}
