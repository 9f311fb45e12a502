import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, lines, srlab, tempDir } from './helpers.ts';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('srlab validate', () => {
  it('prints ok with the counts and exits 0 when the scenario is valid', async () => {
    const r = await srlab(['validate', fixture('spoke-hub.srlab.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok: cli spoke-hub: hub loses its sessions (4 nodes, 3 links, 1 traffic definition, 1 fault)\n');
    expect(r.stderr).toBe('');
  });

  it('prints each problem on its own line as file: path: message and exits 2 when invalid', async () => {
    const file = fixture('invalid.srlab.json');
    const r = await srlab(['validate', file]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`${file}: durationMs: must be a number from 1 to 86400000`]);
    expect(r.stdout).toBe('');
  });

  it('lists every problem, one per line, when there are several', async () => {
    const raw = JSON.parse(readFileSync(fixture('spoke-hub.srlab.json'), 'utf8')) as Record<string, any>;
    raw['durationMs'] = -5;
    raw['links'][1].latencyMs = 'slow';
    raw['nodes'][2].kind = 'router';
    const file = join(tempDir(), 'several.srlab.json');
    writeFileSync(file, JSON.stringify(raw));
    const r = await srlab(['validate', file]);
    expect(r.code).toBe(2);
    const problems = lines(r.stderr);
    expect(problems.length).toBeGreaterThanOrEqual(3);
    for (const line of problems) expect(line).toMatch(new RegExp(`^${escape(file)}: \\S+: .+`));
    expect(problems.some((l) => l.includes(': links[1].latencyMs: '))).toBe(true);
  });

  it('says where the JSON is broken when the file is not JSON', async () => {
    const file = fixture('malformed.srlab.json');
    const r = await srlab(['validate', file]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^${escape(file)}: \\(file\\): this file is not valid JSON: line 4, column 1: `))]);
  });

  it('names the file and the reason when the file does not exist', async () => {
    const r = await srlab(['validate', 'no-such-scenario.srlab.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cannot read no-such-scenario.srlab.json: no such file or directory\n');
  });

  it('names the file and the reason when the path is a directory', async () => {
    const dir = tempDir();
    const r = await srlab(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cannot read ${dir}: it is a directory\n`);
  });
});
