import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, ENGINE_VERSION } from '../../../engine/index.ts';
import { packageVersion } from '../../../electron/cli/version.ts';
import { lines, srlab } from './helpers.ts';

describe('srlab', () => {
  it('exits 2 with one line naming the command when the command is unknown', async () => {
    const r = await srlab(['frobnicate', 'a', 'b']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringContaining("unknown command 'frobnicate'")]);
    expect(r.stdout).toBe('');
  });

  it('exits 2 with one line when an option is unknown', async () => {
    const r = await srlab(['run', 'x.srlab.json', '--nope', 'runs.sqlite']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^srlab run: unknown option '--nope'/)]);
  });

  it('exits 2 when a required argument is missing', async () => {
    const r = await srlab(['validate']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringContaining("missing required argument 'scenario'")]);
  });

  it('exits 2 when an option is missing its value', async () => {
    const r = await srlab(['run', 'x.srlab.json', '--seed']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
  });

  it('exits 2 and shows the help on stderr when no command is given', async () => {
    const r = await srlab([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: srlab');
    expect(r.stdout).toBe('');
  });

  it('lists every command in --help and exits 0', async () => {
    const r = await srlab(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['run', 'validate', 'schema', 'assumptions']) expect(r.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
  });

  it('describes every run option in run --help', async () => {
    const r = await srlab(['run', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--seed', '--duration-ms', '--set', '--json', '--sessions']) expect(r.stdout).toContain(flag);
  });

  it('keeps help lines within 100 columns', async () => {
    const r = await srlab(['run', '--help']);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('prints the package and engine versions for --version', async () => {
    const r = await srlab(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`srlab ${packageVersion()} (engine ${ENGINE_VERSION})`);
  });
});

describe('srlab schema', () => {
  it('prints the scenario JSON Schema as parseable JSON', async () => {
    const r = await srlab(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schema['$schema']).toContain('json-schema.org');
    expect(schema['properties']).toHaveProperty('nodes');
  });
});

describe('srlab assumptions', () => {
  it('prints every assumption title', async () => {
    const r = await srlab(['assumptions']);
    expect(r.code).toBe(0);
    for (const a of ASSUMPTIONS) expect(r.stdout).toContain(a.title);
  });

  it('prints the assumptions as a JSON array with --json', async () => {
    const r = await srlab(['assumptions', '--json']);
    expect(JSON.parse(r.stdout)).toEqual(ASSUMPTIONS);
  });
});
