/**
 * Fuzzing the scenario loader with mutated template files: byte-level damage (cuts, inserted
 * bytes, duplicated ranges, deep nesting, long runs of blanks) and value-level damage (a random
 * field set to an extreme number, a huge string, a wrong type, an unknown key). For every input
 * the loader answers (a scenario or problems, never a throw), problems stay short, and a valid
 * result can be estimated. A sample goes through `srlab validate` (in process, and a few through
 * the real bin), which must exit 0 or 2 without a stack and leave the file as it was; a sample
 * of the valid ones small enough is run by the engine.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWork, parseScenarioText, Simulation } from '../../engine/index.ts';
import { MAX_LINE_CHARS } from '../../electron/cli/errors.ts';
import { srlab, tempDir } from '../electron/cli/helpers.ts';
import { count, figures, LARGE, Rng, size } from './fuzz-kit.ts';

const DIR = new URL('../../assets/scenarios/', import.meta.url);
const TEMPLATES = readdirSync(DIR)
  .filter((f) => f.endsWith('.srlab.json'))
  .map((f) => readFileSync(new URL(f, DIR), 'utf8'));
const LAUNCHER = fileURLToPath(new URL('../../electron/cli/srlab.mjs', import.meta.url));

const WEIRD_VALUES: unknown[] = [
  -1,
  0,
  1e308,
  -1e308,
  4294967296,
  1.5,
  86_400_001,
  1e-300,
  Number.MAX_SAFE_INTEGER,
  '',
  'x'.repeat(70_000),
  '\u0000',
  '\uD800',
  '=cmd|calc',
  null,
  true,
  [],
  {},
  [[[[[]]]]],
  { a: { b: { c: {} } } },
  'hub1',
  'link-flap',
  '6.1.0',
  '999999.99999.99999',
];
const KEYS = [
  'traffic',
  'faults',
  'nodes',
  'links',
  'authority',
  'durationMs',
  'seed',
  'sessions',
  'ratePps',
  'count',
  'kind',
  'id',
  'a',
  'b',
  'from',
  'to',
  'type',
  'atMs',
  'x'.repeat(5000),
  '__proto__',
  'constructor',
];

/** One mutation of a template's text. */
function mutateText(rng: Rng, text: string): string {
  const at = rng.int(text.length + 1);
  const len = 1 + rng.int(Math.min(200, text.length));
  switch (rng.int(9)) {
    case 0:
      return text.slice(0, at) + text.slice(at + len);
    case 1:
      return text.slice(0, at) + rng.bytes(1 + rng.int(8)).toString('latin1') + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at, at + len).repeat(1 + rng.int(20)) + text.slice(at);
    case 3:
      return text.slice(0, at);
    case 4:
      return text.slice(0, at) + '['.repeat(1 + rng.int(20_000)) + text.slice(at);
    case 5:
      return text.slice(0, at) + ' '.repeat(rng.int(200_000)) + text.slice(at);
    case 6:
      return text.replace(/\d+/g, (d) => (rng.int(5) === 0 ? rng.pick(['-1', '1e400', '0', '99999999999999999999', '1.0000001', d + d]) : d));
    case 7:
      return `\uFEFF${text}`;
    default:
      return text.replace(/"[a-z]+"\s*:/gi, (k) => (rng.int(30) === 0 ? `"${rng.pick(KEYS)}":` : k));
  }
}

/** One mutation of the parsed value: a random field set to something odd. */
function mutateValue(rng: Rng, text: string): string {
  const root = JSON.parse(text) as unknown;
  let node: unknown = root;
  for (let depth = 0; depth < 6; depth++) {
    const keys = node && typeof node === 'object' ? Object.keys(node as object) : [];
    if (keys.length === 0) break;
    const k = rng.pick(keys);
    const child = (node as Record<string, unknown>)[k];
    if (child === null || typeof child !== 'object' || rng.int(3) === 0) {
      const value = rng.int(4) === 0 ? { [rng.pick(KEYS)]: rng.pick(WEIRD_VALUES) } : rng.pick(WEIRD_VALUES);
      if (rng.int(6) === 0) (node as Record<string, unknown>)[rng.pick(KEYS)] = value;
      else (node as Record<string, unknown>)[k] = value;
      break;
    }
    node = child;
  }
  return JSON.stringify(root);
}

function mutate(rng: Rng): string {
  let text = rng.pick(TEMPLATES);
  const rounds = 1 + rng.int(3);
  for (let r = 0; r < rounds; r++) {
    try {
      text = rng.int(2) === 0 ? mutateText(rng, text) : mutateValue(rng, text);
    } catch {
      text = mutateText(rng, text);
    }
  }
  return text;
}

// npm test keeps this to a few seconds; `npm run fuzz` is the real run (at least 10 000 files).
const IN_PROCESS = size(1500, 20_000);
const THROUGH_CLI = size(12, 300);
const THROUGH_BIN = size(0, 10);
const ENGINE_RUNS = size(4, 200);

afterAll(() => {
  console.log(`scenario fuzz figures${LARGE ? ' (large run)' : ''}: ${JSON.stringify(figures)}`);
});

describe('the scenario loader, fed mutated files', () => {
  it(`answers ${IN_PROCESS} mutated files with a scenario or short problems, never a throw`, () => {
    const rng = new Rng(0x5eed);
    let engineRuns = 0;
    for (let i = 0; i < IN_PROCESS; i++) {
      const text = mutate(rng);
      const r = parseScenarioText(text);
      count('scenario files parsed in process');
      if (r.ok) {
        count('valid after mutation');
        const work = checkWork(r.scenario);
        if (work.level !== 'ok') count(`refused by the estimate (${work.level})`);
        // A sample of the small valid ones is run: the engine must not throw on anything the loader lets through.
        if (work.level === 'ok' && work.estimate.events < 300_000 && engineRuns < ENGINE_RUNS && rng.int(4) === 0) {
          engineRuns++;
          count('valid mutated scenarios run by the engine');
          expect(() => new Simulation(r.scenario).run(), `input ${i}`).not.toThrow();
        }
      } else {
        count('refused with problems');
        expect(r.problems.length, `input ${i}`).toBeGreaterThan(0);
        expect(r.problems.length, `input ${i}`).toBeLessThanOrEqual(text.length + 1);
        for (const p of r.problems) {
          expect(typeof p.path === 'string' && typeof p.message === 'string', `input ${i}`).toBe(true);
          expect(p.path.length, `input ${i}: path`).toBeLessThan(2000);
        }
      }
    }
  });

  it(`gives exit 0 or 2, short lines, no stack and an unchanged file through srlab validate (${THROUGH_CLI} in process, ${THROUGH_BIN} through the bin)`, async () => {
    const rng = new Rng(0xc11);
    const dir = tempDir();
    for (let i = 0; i < THROUGH_CLI + THROUGH_BIN; i++) {
      const file = join(dir, `m${i}.srlab.json`);
      const text = mutate(rng);
      writeFileSync(file, text);
      const before = createHash('sha256').update(readFileSync(file)).digest('hex');
      let code: number | null;
      let stderr: string;
      if (i < THROUGH_CLI) {
        const r = await srlab(['validate', file]);
        code = r.code;
        stderr = r.stderr;
        count('scenario files through srlab validate (in process)');
      } else {
        const r = spawnSync(process.execPath, [LAUNCHER, 'validate', file], { encoding: 'utf8', timeout: 60_000 });
        code = r.status;
        stderr = r.stderr;
        count('scenario files through the srlab bin');
      }
      expect([0, 2], `input ${i}: ${stderr.slice(0, 300)}`).toContain(code);
      expect(stderr).not.toContain('internal error');
      expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      for (const line of stderr.split('\n')) expect(line.length).toBeLessThanOrEqual(file.length + MAX_LINE_CHARS + 200);
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
    }
  });
});

describe('srlab validate on hostile sizes', () => {
  it('answers a 200 KB file of spaces at once with one line (the blanks are not backtracked over)', async () => {
    const file = join(tempDir(), 'spaces.srlab.json');
    writeFileSync(file, ' '.repeat(200 * 1024));
    const r = await srlab(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('line 1, column 204801');
    count('hostile-size files through srlab validate');
  }, 10_000);

  it('echoes a 10 MB unknown key shortened, in a line of a few hundred characters', async () => {
    const file = join(tempDir(), 'long-key.srlab.json');
    const s = JSON.parse(TEMPLATES[0]!) as Record<string, unknown>;
    s['k'.repeat(10 * 1024 * 1024)] = 1;
    writeFileSync(file, JSON.stringify(s));
    const r = await srlab(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(1000);
    expect(r.stderr).toContain('(10485760 characters)');
    count('hostile-size files through srlab validate');
  }, 30_000);

  it('keeps every line short for a file with a 1 MB node reference', async () => {
    const file = join(tempDir(), 'long-ref.srlab.json');
    const s = JSON.parse(TEMPLATES[0]!) as { links: { a: string }[] };
    s.links[0]!.a = 'n'.repeat(1024 * 1024);
    writeFileSync(file, JSON.stringify(s));
    const r = await srlab(['validate', file]);
    expect(r.code).toBe(2);
    for (const line of r.stderr.split('\n')) expect(line.length).toBeLessThanOrEqual(file.length + MAX_LINE_CHARS + 200);
    count('hostile-size files through srlab validate');
  }, 30_000);
});
