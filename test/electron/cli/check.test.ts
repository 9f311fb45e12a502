/** `srlab check LAB [--seed N] [--json]`: grades a lab's objectives; exit 0, 1 or 2. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckJson } from '../../../electron/cli/commands/check.ts';
import { lines, srlab, tempDir } from './helpers.ts';
import { checkTemplates, templatesWithObjectives } from './check-templates.ts';

// Template 01 without the objectives it ships with.
const { objectives: _shipped, ...BASE } = JSON.parse(readFileSync('assets/scenarios/01-spoke-and-hub-session-loss-packet-based.srlab.json', 'utf8')) as Record<string, unknown>;

function lab(objectives: unknown[], dir = tempDir()): string {
  const file = join(dir, 'lab.srlab.json');
  writeFileSync(file, JSON.stringify({ ...BASE, objectives }));
  return file;
}

const HOLDS = { id: 'some-sessions', text: 'The lab opens sessions', expect: { metric: 'sessions.total', op: '>', value: 0 } };
const FAILS = { id: 'no-loss', text: 'No packet is lost', hint: 'the hub forgets its sessions at 20 s', expect: { metric: 'packets.lost', op: '==', value: 0 } };
const MODE = { id: 'hub-mode', text: 'The hub runs packet-based', expect: { node: 'hub1', mode: 'packet-based' } };

describe('srlab check', () => {
  it('prints ✓ lines with the measured and expected values and exits 0 when every objective holds', async () => {
    const r = await srlab(['check', lab([HOLDS, MODE])]);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/^check: .* \(seed 1\)$/);
    expect(out[1]).toBe('  ✓ some-sessions: The lab opens sessions');
    expect(out[2]).toMatch(/^ {6}sessions\.total = \d+ \(expected > 0\)$/);
    expect(out[4]).toBe("      hub1's effective recovery mode = packet-based (expected == packet-based)");
    expect(out.at(-1)).toBe('all 2 objectives hold');
  });

  it('marks a failing objective ✗ with its hint and exits 1', async () => {
    const r = await srlab(['check', lab([HOLDS, FAILS])]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  ✗ no-loss: No packet is lost');
    expect(r.stdout).toMatch(/packets\.lost = [1-9]\d* \(expected == 0\)/);
    expect(r.stdout).toContain('      hint: the hub forgets its sessions at 20 s');
    expect(lines(r.stdout).at(-1)).toBe('1 of 2 objectives do not hold');
  });

  it('prints one JSON object with --json, and runs the seed it is given', async () => {
    const r = await srlab(['check', lab([HOLDS, FAILS]), '--json', '--seed', '7']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as CheckJson;
    expect(j).toMatchObject({ seed: 7, passed: 1, failed: 1 });
    expect(j.objectives.map((o) => [o.id, o.status])).toEqual([
      ['some-sessions', 'pass'],
      ['no-loss', 'fail'],
    ]);
    expect(typeof j.objectives[1]!.measured).toBe('number');
  });

  it('exits 2 naming the JSON path of a bad objective', async () => {
    const file = lab([{ ...HOLDS, expect: { counter: 'packet-processing/action/success/metadata/added', node: 'hub7', op: '>', value: 0 } }]);
    const r = await srlab(['check', file]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`${file}: objectives[0].expect.node: node "hub7" does not exist`]);
    expect(r.stdout).toBe('');
  });

  it('exits 2 for a lab with no objectives and for a bad seed', async () => {
    const bare = join(tempDir(), 'bare.srlab.json');
    writeFileSync(bare, JSON.stringify(BASE));
    const none = await srlab(['check', bare]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('the lab has no objectives to check');
    const seed = await srlab(['check', lab([HOLDS]), '--seed', 'x']);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('--seed: must be a whole number');
  });

  it('the template helper checks every template that has objectives', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '01-a.srlab.json'), JSON.stringify({ ...BASE, objectives: [HOLDS] }));
    writeFileSync(join(dir, '02-b.srlab.json'), JSON.stringify(BASE));
    expect(templatesWithObjectives(dir)).toEqual(['01-a.srlab.json']);
    const checks = await checkTemplates(dir);
    expect(checks.map((c) => [c.file, c.code])).toEqual([['01-a.srlab.json', 0]]);
  });

  it('every shipped template with objectives passes its own check', async () => {
    for (const c of await checkTemplates()) expect({ file: c.file, code: c.code, out: c.code === 0 ? '' : c.stdout + c.stderr }).toEqual({ file: c.file, code: 0, out: '' });
  });
});
