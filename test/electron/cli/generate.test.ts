import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../engine/index.ts';
import { lines, srlab, tempDir } from './helpers.ts';

describe('srlab generate', () => {
  it('writes a lab the loader accepts, and says what is in it', async () => {
    const out = join(tempDir(), 'big.srlab.json');
    const r = await srlab([
      'generate',
      '--spokes',
      '120',
      '--hubs',
      '3',
      '--clients-per-spoke',
      '2',
      '--sessions-per-client',
      '3',
      '--pattern',
      'bidirectional',
      '--nat-every',
      '10',
      '--mode',
      'inactivity-based',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stderr)).toEqual([`Wrote ${out}: 364 nodes, 483 links, 720 sessions (120 spokes, 3 hubs).`]);
    const parsed = parseScenario(JSON.parse(readFileSync(out, 'utf8')));
    expect(parsed.ok).toBe(true);
    const v = await srlab(['validate', out]);
    expect(v.code).toBe(0);
  });

  it('writes to stdout with --out -', async () => {
    const r = await srlab(['generate', '--spokes', '2', '--out', '-']);
    expect((JSON.parse(r.stdout) as { nodes: unknown[] }).nodes).toHaveLength(7);
  });

  it('names every bad flag, one per line, and writes nothing', async () => {
    const out = join(tempDir(), 'x.srlab.json');
    const r = await srlab(['generate', '--spokes', 'many', '--hubs', '0', '--pattern', 'chatty', '--out', out]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      '--spokes: must be a whole number from 1 to 10000 (got "many")',
      '--hubs: must be a whole number from 1 to 64 (got "0")',
      '--pattern: must be one of request-response, stream-up, stream-down, bidirectional (got "chatty")',
    ]);
    expect(() => readFileSync(out)).toThrow();
  });
});
