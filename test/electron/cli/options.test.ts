import { describe, expect, it } from 'vitest';
import { parseDurationFlag, parseSeedFlag } from '../../../electron/cli/options.ts';

describe('parseSeedFlag', () => {
  it('accepts 0 and 4294967295', () => {
    expect(parseSeedFlag('0')).toEqual({ ok: true, value: 0 });
    expect(parseSeedFlag('4294967295')).toEqual({ ok: true, value: 4294967295 });
  });

  it.each(['-1', '1.5', '1e3', '0x10', '', 'abc', '4294967296'])('refuses %j naming --seed', (text) => {
    const r = parseSeedFlag(text);
    expect(r.ok ? '' : r.line).toMatch(/^--seed: must be a whole number from 0 to 4294967295/);
  });
});

describe('parseDurationFlag', () => {
  it('accepts 1, a decimal and 86400000', () => {
    expect(parseDurationFlag('1')).toEqual({ ok: true, value: 1 });
    expect(parseDurationFlag('1500.5')).toEqual({ ok: true, value: 1500.5 });
    expect(parseDurationFlag('86400000')).toEqual({ ok: true, value: 86_400_000 });
  });

  it.each(['0', '0.5', '-5', '86400001', 'ten', ''])('refuses %j naming --duration-ms', (text) => {
    const r = parseDurationFlag(text);
    expect(r.ok ? '' : r.line).toMatch(/^--duration-ms: /);
  });
});
